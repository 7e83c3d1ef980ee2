"""The error codes and event kinds of plan import, as enums (their values are stored and
sent by the API, so they never change).
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s plan import raises."""

    CAMPAIGN_INVALID = "campaign_invalid"
    CODE_TAKEN = "code_taken"
    FILE_MISSING = "file_missing"
    FILE_TOO_LARGE = "file_too_large"
    NOT_A_PLAN = "not_a_plan"
    REVIEW_INCOMPLETE = "review_incomplete"


class EventKind(StrEnum):
    """Kinds of ``ImportDraftEvent``: what happened to a draft (one action, ``review``,
    writes several kinds: the decision it records)."""

    CREATED = "created"
    FIELD_ACCEPTED = "field_accepted"
    FIELD_FILLED = "field_filled"
    FIELD_CORRECTED = "field_corrected"
    ITEM_REMOVED = "item_removed"
    SECTION_ACCEPTED = "section_accepted"
    CONFIRMED = "confirmed"
    DISCARDED = "discarded"
