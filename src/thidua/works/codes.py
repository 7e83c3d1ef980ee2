"""Error codes and history kinds of works (stored and sent by the API: values never change).

The workflow's own events are named by ``works.transitions.Action``.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s works raise."""

    ALREADY_DECIDED = "already_decided"
    ALREADY_REGISTERED = "already_registered"
    BAD_CHANGES = "bad_changes"
    BAD_DATE = "bad_date"
    BAD_PERCENT = "bad_percent"
    BAD_STATE = "bad_state"
    DUPLICATE_PROVINCE_WORK = "duplicate_province_work"
    FUTURE_DATE = "future_date"
    INVALID_WORK = "invalid_work"
    NARRATIVE_REQUIRED = "narrative_required"
    NOT_EDITABLE = "not_editable"
    OUTSIDE_CAMPAIGN = "outside_campaign"
    PENDING_EXISTS = "pending_exists"
    PROGRESS_BACKWARDS = "progress_backwards"
    REASON_REQUIRED = "reason_required"
    UNREADABLE = "unreadable"


class EventKind(StrEnum):
    """Kinds of ``WorkEvent`` other than the workflow's actions."""

    CREATED = "created"
    EDITED = "edited"
    PROGRESS = "progress"
    MOVED = "moved"
    APPROVER_MOVED = "approver_moved"
    CHANGE_REQUESTED = "change_requested"
    CHANGE_ACCEPTED = "change_accepted"
    CHANGE_REJECTED = "change_rejected"
