"""The demo's statistical report for Vĩnh Long 2025."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.award_statistics.demo import annual_demo
from thidua.award_statistics.models import AnnualStatistics, AnnualStatisticsEvent, ReportState
from thidua.desk.demo_users import VINH_LONG_USERS, demo_users_ensure

pytestmark = pytest.mark.demo_database("users")


def test_annual_demo_marks_2025_sent_once(demo) -> None:  # type: ignore[no-untyped-def]
    demo_users_ensure(VINH_LONG_USERS)  # the coordinator's stage loads them before

    lines = annual_demo(2025)
    again = annual_demo(2025)

    report = AnnualStatistics.objects.get(province__code="86", year=2025)
    assert (report.state, report.sent_on) == (ReportState.SENT, dt.date(2025, 12, 12))
    assert report.sent_on <= dt.date(2026, 12, 7)
    assert report.sent_by.username == "bantdkt_vl"
    event = AnnualStatisticsEvent.objects.get(report=report)
    assert event.at.date() == dt.date(2025, 12, 12)
    assert lines[0].startswith("Báo cáo thống kê 2025 của ") and "khen thưởng" in lines[0]
    assert lines[-1] == "Đã ghi nhận gửi Bộ Nội vụ ngày 12/12/2025."
    assert again[-1] == "Đã gửi ngày 12/12/2025 (đã có)."


def test_annual_demo_of_another_year_only_counts(demo) -> None:  # type: ignore[no-untyped-def]
    demo_users_ensure(VINH_LONG_USERS)

    lines = annual_demo(2026)

    assert len(lines) == 1
    assert not AnnualStatistics.objects.filter(year=2026).exists()
