"""Writes of reports: the periods and reports of a campaign, drafts, and the workflow.

The one door for every change to a report; each concept has its module and is
re-exported here, so callers write ``services.report_submit(...)`` whatever module
defines it:

- ``reports.periods``: the report periods of a campaign and the unit reports they open;
- ``reports.drafting``: the unit's draft (summary, figures, narratives, files) and its
  pre-filled snapshot;
- ``reports.workflow``: the state changes, through the workflow engine (no other code
  assigns ``UnitReport.state``), and what the unit is told.
"""

from __future__ import annotations

from thidua.reports.drafting import report_open, report_prefill_refresh, report_save
from thidua.reports.periods import GenerateResult, period_label, report_periods_generate
from thidua.reports.workflow import action_label, report_accept, report_return, report_submit

__all__ = [
    "GenerateResult",
    "action_label",
    "period_label",
    "report_accept",
    "report_open",
    "report_periods_generate",
    "report_prefill_refresh",
    "report_return",
    "report_save",
    "report_submit",
]
