"""The error codes and event kinds of reports, as enums (their values are stored and
sent by the API, so they never change).

The workflow's own events are named by ``reports.transitions.Action``; ``EventKind``
names the other entries of a report's history.
"""

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
