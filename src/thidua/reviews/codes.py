"""What phase reviews answer when they refuse (``ErrorCode``) and the entries of their
history besides the workflow's actions (``EventKind``); both are stored as they are."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s phase reviews raise."""

    BAD_KIND = "bad_kind"
    BAD_PHASE = "bad_phase"
    DUPLICATE = "duplicate"
    NOT_AHEAD = "not_ahead"
    NOT_EDITABLE = "not_editable"
    PHASE_REQUIRED = "phase_required"
    REASON_REQUIRED = "reason_required"


class EventKind(StrEnum):
    """Kinds of ``PhaseReviewEvent`` other than the workflow's actions."""

    OPEN = "open"
    UPDATE = "update"
    SELECT_WORKS = "select_works"
    REPORT = "report"
