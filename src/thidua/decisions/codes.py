"""Codes of the decisions app: the error codes of its refusals and the kinds of its events
(besides the decision workflow's actions, ``transitions.Action``).

The values are the strings stored in ``DecisionEvent.kind`` and returned by the API:
never change one.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """``DomainError.code`` of the decisions app's refusals."""

    BAD_AUTHORITY = "bad_authority"
    BAD_NUMBER = "bad_number"
    BATCH_PENDING = "batch_pending"
    DECISION_IMMUTABLE = "decision_immutable"
    DRAFT = "draft"
    EMPTY = "empty"
    FUTURE_DATE = "future_date"
    INCOMPLETE = "incomplete"
    KT_POSITION = "kt_position"
    NO_AUTHORITY = "no_authority"
    NO_BASE_SALARY = "no_base_salary"
    NO_CANDIDATES = "no_candidates"
    NO_SUCCESSOR = "no_successor"
    NOMINATION_NOT_APPROVED = "nomination_not_approved"
    NUMBER_TAKEN = "number_taken"
    REASON_REQUIRED = "reason_required"
    SUPERSEDE_PENDING = "supersede_pending"
    ALREADY_REVOKED = "already_revoked"
    BAD_AMOUNT = "bad_amount"
    NOT_REVOCABLE = "not_revocable"
    REVOCATION_EMPTY = "revocation_empty"
    RECOVERY_DATE = "recovery_date"


class EventKind(StrEnum):
    """``DecisionEvent.kind`` of what is no move of an existing decision (editing, issuing
    and superseding one write the kind of their ``transitions.Action``)."""

    DRAFT = "draft"
    CORRECTION_DRAFTED = "correction_drafted"
    CERTIFICATES_REQUESTED = "certificates_requested"
    CERTIFICATES_CANCELLED = "certificates_cancelled"
    REVOCATION_DRAFTED = "revocation_drafted"
