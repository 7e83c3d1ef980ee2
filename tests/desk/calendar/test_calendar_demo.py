"""The year calendar on the Vĩnh Long demo: today (07/12/2026) with its 2026 campaign."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.reports import at
from tests.pages import page_text, signed_in
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.core.deadlines import year_deadlines
from thidua.desk.demo_vinh_long import CAMPAIGN_CODE
from thidua.reports.models import ReportPeriod, ReportState, UnitReport

pytestmark = pytest.mark.demo_database("vinh_long")

TODAY = dt.date(2026, 12, 7)


def test_2026_calendar_lists_the_campaigns_periods_and_who_is_late(demo) -> None:  # type: ignore[no-untyped-def]
    campaign = Campaign.objects.get(code=CAMPAIGN_CODE)
    province = campaign.issuer_unit

    deadlines = year_deadlines(province, 2026, today=TODAY)

    periods = ReportPeriod.objects.filter(campaign=campaign, effective_due__year=2026)
    assert periods.exists()
    for period in periods:
        deadline = next(d for d in deadlines if d.title.startswith(f"Nộp báo cáo {period.label} –"))
        missing = UnitReport.objects.filter(period=period, state=ReportState.OPEN)
        if period.effective_due < TODAY:
            names = tuple(
                r.unit.name for r in missing.select_related("unit").order_by("unit__code")
            )
            assert deadline.late == names and deadline.late_count == len(names)
        else:
            assert deadline.late == () and deadline.late_count == 0
    days = [d.day for d in deadlines]
    assert days == sorted(days) and all(day.year == 2026 for day in days)
    assert any(d.title == "Gửi báo cáo thống kê thi đua, khen thưởng năm 2026" for d in deadlines)


def test_2025_calendar_shows_the_statistical_report(demo) -> None:  # type: ignore[no-untyped-def]
    province = Campaign.objects.get(code=CAMPAIGN_CODE).issuer_unit

    deadlines = year_deadlines(province, 2025, today=TODAY)

    report = next(d for d in deadlines if "thống kê" in d.title)
    assert report.day == dt.date(2025, 12, 15)
    assert report.late == (province.name,)  # not recorded as sent in this stage


def test_the_demo_secretariat_opens_todays_calendar(demo) -> None:  # type: ignore[no-untyped-def]
    user = User.objects.get(username="bantdkt_vl")

    with at(2026, 12, 7):
        text = page_text(signed_in(user).get("/lich-cong-viec/"))

    assert "Lịch công việc năm 2026" in text and "Ủy ban nhân dân tỉnh Vĩnh Long" in text
    assert "Hôm nay 07/12/2026." in text
