"""The unit-report workflow: submit (the head confirms), return, accept.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``reports.transitions``; no other code assigns ``UnitReport.state``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.errors import DomainError
from thidua.core.notifications import notify
from thidua.core.text import nfc
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.reports.codes import ErrorCode
from thidua.reports.models import ReportEvent, ReportState, UnitReport
from thidua.reports.prefill import report_prefill
from thidua.reports.reminders import unit_staff
from thidua.reports.rules import may_act
from thidua.reports.transitions import TRANSITIONS, Action


def action_label(action: Action) -> str:
    labels = {Action.SUBMIT: _("nộp"), Action.RETURN: _("trả lại"), Action.ACCEPT: _("tiếp nhận")}
    return str(labels[action])


WORKFLOW: Workflow[UnitReport] = Workflow(
    model=UnitReport,
    states=ReportState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(ReportEvent, "report"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi báo cáo đang “%(state)s”."), action_label
    ),
    related=("period", "period__campaign", "unit"),
    # The period is locked too: its due date decides lateness, and
    # ``report_periods_generate`` moves it under a lock.
    lock_also=("period",),
)


def _names(report: UnitReport) -> dict[str, str]:
    return {"label": report.period.label, "campaign": report.period.campaign.doc_number}


def _notify_unit(report: UnitReport, kind: str, title: str, body: str) -> None:
    notify(
        unit_staff(report.unit_id, timezone.localdate()),
        kind=kind,
        title=title,
        body=body,
        url=f"/bao-cao/{report.pk}/",
        key=f"report:{report.pk}:{kind}:{report.events.count()}",
    )


def report_submit(*, actor: Any, report: UnitReport, at: dt.datetime | None = None) -> UnitReport:
    """The unit head confirms the report and submits it (thủ trưởng xác nhận).

    Records who confirmed and when; ``submitted_late`` is whether the submission's date
    in Vietnam time is after the period's effective due date (KH 128 IV.2). Refused
    before the period starts and while the summary is empty. ``at`` records a submission
    made earlier (historical data such as the demo's past quarters); default: now.
    """

    def apply(r: UnitReport) -> dict[str, Any]:
        now = at or timezone.now()
        today = timezone.localdate(now)
        if today < r.period.start:
            raise DomainError(
                _("Kỳ báo cáo %(label)s chưa bắt đầu.") % {"label": r.period.label},
                code=ErrorCode.PERIOD_NOT_STARTED,
            )
        if not r.summary.strip():
            raise DomainError(
                _("Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."),
                code=ErrorCode.SUMMARY_REQUIRED,
            )
        r.confirmed_by, r.confirmed_at, r.submitted_at = actor, now, now
        r.submitted_late = today > r.period.effective_due
        r.return_reason = ""
        if not r.prefill:
            r.prefill = report_prefill(r)
        return {"late": r.submitted_late}

    return WORKFLOW.run(report, actor=actor, action=Action.SUBMIT, apply=apply)


def report_return(*, actor: Any, report: UnitReport, reason: str) -> UnitReport:
    """The secretariat returns a submitted report with the reason; the unit is told."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do trả lại báo cáo."), code=ErrorCode.REASON_REQUIRED)
    reason = nfc(reason).strip()

    def apply(r: UnitReport) -> None:
        r.return_reason = reason

    return WORKFLOW.run(
        report,
        actor=actor,
        action=Action.RETURN,
        payload={"reason": reason},
        apply=apply,
        effects=lambda r: _notify_unit(
            r,
            "report_returned",
            _("Báo cáo %(label)s theo %(campaign)s bị trả lại") % _names(r),
            _("Lý do: %(reason)s") % {"reason": reason},
        ),
    )


def report_accept(*, actor: Any, report: UnitReport, at: dt.datetime | None = None) -> UnitReport:
    """The secretariat receives (tiếp nhận) a submitted report; the unit is told.

    ``at`` records a receipt made earlier (historical data); default: now.
    """

    def apply(r: UnitReport) -> None:
        r.accepted_at = at or timezone.now()

    return WORKFLOW.run(
        report,
        actor=actor,
        action=Action.ACCEPT,
        apply=apply,
        effects=lambda r: _notify_unit(
            r,
            "report_accepted",
            _("Báo cáo %(label)s theo %(campaign)s đã được tiếp nhận") % _names(r),
            "",
        ),
    )
