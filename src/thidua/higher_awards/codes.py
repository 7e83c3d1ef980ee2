"""Error codes and event kinds of proposals to higher levels; stored and sent by the API."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    REQUIRED = "required"
    NOT_CENTRAL = "not_central"
    NOT_EDITABLE = "not_editable"
    DUPLICATE = "duplicate"
    EMPTY = "empty"
    WINDOW_OPEN = "posting_window_open"
    UNANSWERED = "objections_unanswered"
    BTV_MISSING = "btv_opinion_missing"
    BAD_DATE = "bad_date"
    BAD_VOTE = "bad_vote"
    NOT_POSTED = "not_posted"


class EventKind(StrEnum):
    """Kinds of ``ProposalEvent`` other than the workflow's actions."""

    CREATE = "create"
    ENTRY_ADD = "entry_add"
    ENTRY_REMOVE = "entry_remove"
    REPORT = "report"
    VOTE = "vote"
    BTV_OPINION = "btv_opinion"
    OBJECTION = "objection"
    ANSWER = "answer"
