"""The report's workflow and its services: record it as sent, reopen it.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``award_statistics.transitions``; each writes an ``AnnualStatisticsEvent``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.award_statistics.codes import ErrorCode
from thidua.award_statistics.models import AnnualStatistics, AnnualStatisticsEvent, ReportState
from thidua.award_statistics.rules import may_act, may_record_statistics
from thidua.award_statistics.transitions import TRANSITIONS, Action
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.tree import root_path
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.organisations.models import Unit

WORKFLOW: Workflow[AnnualStatistics] = Workflow(
    model=AnnualStatistics,
    states=ReportState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(AnnualStatisticsEvent, "report"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi báo cáo thống kê đang “%(state)s”.")
    ),
    related=("province",),
)


def _report_for(actor: Any, province: Unit, year: int) -> AnnualStatistics:
    if province.path != root_path(province.path):
        raise DomainError(
            _("Báo cáo thống kê là của tỉnh: hãy chọn đơn vị cấp tỉnh."),
            code=ErrorCode.NOT_A_PROVINCE,
        )
    if not may_record_statistics(actor, province):
        raise NotPermitted()
    if not 2000 <= year <= timezone.localdate().year:
        raise DomainError(_("Năm báo cáo không hợp lệ."), code=ErrorCode.BAD_YEAR)
    report, _created = AnnualStatistics.objects.get_or_create(province=province, year=year)
    return report


def statistics_mark_sent(
    *, actor: Any, province: Unit, year: int, sent_on: dt.date, reference: str = ""
) -> AnnualStatistics:
    """Record that ``province``'s report for ``year`` was sent on ``sent_on`` (dispatch
    number ``reference``): the report becomes "Đã gửi" and the reminders stop.

    Refused (nothing written) for a day in the future or before the year began."""
    today = timezone.localdate()
    if sent_on > today or sent_on.year < year:
        raise DomainError(
            _("Ngày gửi phải trong khoảng từ 01/01/%(year)s đến hôm nay.") % {"year": year},
            code=ErrorCode.BAD_SENT_DATE,
        )
    with transaction.atomic():
        report = _report_for(actor, province, year)

        def apply(locked: AnnualStatistics) -> dict[str, Any]:
            locked.sent_on, locked.reference, locked.sent_by = sent_on, nfc(reference), actor
            return {"sent_on": sent_on.isoformat(), "reference": locked.reference}

        return WORKFLOW.run(report, actor=actor, action=Action.SEND, apply=apply)


def statistics_reopen(*, actor: Any, report: AnnualStatistics) -> AnnualStatistics:
    """Reopen a sent report to correct and send it again (the reminders resume)."""

    def apply(locked: AnnualStatistics) -> dict[str, Any]:
        previous = {"sent_on": locked.sent_on.isoformat() if locked.sent_on else ""}
        locked.sent_on, locked.sent_by = None, None
        return previous

    return WORKFLOW.run(report, actor=actor, action=Action.REOPEN, apply=apply)
