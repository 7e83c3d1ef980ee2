"""Enums for the codes of refusals and the kinds of history entries of unit reports
(workflow moves are named by ``reports.transitions.Action``). Values are stored data."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s reports raise."""

    CONSOLIDATION_PENDING = "consolidation_pending"
    INVALID_FIGURES = "invalid_figures"
    INVALID_SECTION = "invalid_section"
    NOT_EDITABLE = "not_editable"
    PERIOD_NOT_STARTED = "period_not_started"
    REASON_REQUIRED = "reason_required"
    SUMMARY_REQUIRED = "summary_required"


class EventKind(StrEnum):
    """Kinds of ``ReportEvent`` other than the workflow's actions."""

    CREATED = "created"
    SAVED = "saved"
    PREFILLED = "prefilled"
    LATENESS_CHANGED = "lateness_changed"
