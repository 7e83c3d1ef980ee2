"""The error codes and event kinds of scoring, as enums (their values are stored and sent
by the API, so they never change).

The workflows' own events are named by ``scoring.transitions.Action`` (sheets) and
``SetAction`` (criteria sets); ``EventKind`` names the other entries of the history.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s scoring raises."""

    ALREADY_HANDED_OVER = "already_handed_over"
    BAD_POINTS = "bad_points"
    DUPLICATE_SET = "duplicate_set"
    EVIDENCE_REQUIRED = "evidence_required"
    INCOMPLETE = "incomplete"
    NO_CAMPAIGN = "no_campaign"
    NO_CRITERIA = "no_criteria"
    NO_FORMS = "no_forms"
    NOT_PUBLISHED = "not_published"
    NOT_READY = "not_ready"
    POINTS_OUT_OF_RANGE = "points_out_of_range"
    RANKING_LOCKED = "ranking_locked"
    REASON_REQUIRED = "reason_required"
    SHEET_LOCKED = "sheet_locked"


class EventKind(StrEnum):
    """Kinds of ``ScoringEvent`` other than the workflows' actions."""

    CREATE = "create"
    SELF_SAVE = "self_save"
    #: The ranking is published (each sheet's own move is ``Action.PUBLISH``).
    PUBLISH = "publish"
    HAND_OVER = "hand_over"
