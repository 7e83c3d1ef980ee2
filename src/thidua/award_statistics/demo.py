"""The demo's statistical report: Vĩnh Long's report for a year, built from whatever
awards the demo holds, recorded as sent by the demo's Ban TĐKT (idempotent)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from thidua.accounts.models import Membership, Role
from thidua.award_statistics.models import ReportState
from thidua.award_statistics.selectors import report_of, statistics_for
from thidua.award_statistics.workflow import statistics_mark_sent
from thidua.core.event_time import events_dated
from thidua.organisations.models import Unit

PROVINCE_CODE = "86"
#: The day the 2025 report went to the Ministry (before the default due date, 15/12).
SENT_ON = dt.date(2025, 12, 12)


def annual_demo(year: int) -> list[str]:
    """Vĩnh Long's report of ``year``: its totals, and for 2025, recorded as sent on
    12/12/2025 under a made-up dispatch number. Safe to run again (nothing doubles)."""
    province = Unit.objects.filter(code=PROVINCE_CODE).first()
    if province is None:
        return ["Báo cáo thống kê: chưa có tỉnh Vĩnh Long (mã 86), bỏ qua."]
    total = statistics_for(province, year).total()
    lines = [
        f"Báo cáo thống kê {year} của {province.name}: {total.total} khen thưởng "
        f"({total.collective} tập thể, {total.individual} cá nhân)."
    ]
    report = report_of(province, year)
    if report is not None and report.state == ReportState.SENT:
        return [*lines, f"Đã gửi ngày {report.sent_on:%d/%m/%Y} (đã có)."]
    if year != SENT_ON.year or timezone.localdate() < SENT_ON:
        return lines
    membership = (
        Membership.objects.filter(role=Role.SECRETARIAT, unit__path__startswith=province.path)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        return [*lines, "Chưa có tài khoản Ban Thi đua – Khen thưởng của tỉnh: chưa ghi nhận gửi."]
    with events_dated(SENT_ON):
        statistics_mark_sent(
            actor=membership.user,
            province=province,
            year=year,
            sent_on=SENT_ON,
            reference="125/BC-SNV (minh họa)",
        )
    return [*lines, f"Đã ghi nhận gửi Bộ Nội vụ ngày {SENT_ON:%d/%m/%Y}."]
