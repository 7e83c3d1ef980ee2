"""The demo report history: past quarters mostly reported, some late, missing, returned.

The Trà Vinh units, KH 128, the demo users and works are loaded, the report periods
generated and the report history written once per session (tests/demo_database.py,
stage "reports"); each test then reads them. The clock is not frozen: the
history must hold whatever day the demo is loaded.
"""

from __future__ import annotations

import pytest
from django.conf import global_settings
from django.utils import timezone

from tests.demo_database import DemoRun
from thidua.accounts.models import Membership, Role, User
from thidua.campaigns.models import Campaign
from thidua.core.uploads import sniff
from thidua.reports.demo import DEMO_QUARTERS, demo_reports_ensure, head_username
from thidua.reports.models import (
    ReportAttachment,
    ReportEvent,
    ReportPeriod,
    ReportSection,
    ReportState,
    UnitReport,
)
from thidua.reports.selectors import period_stats

pytestmark = pytest.mark.demo_database("reports")


@pytest.fixture
def campaign(demo: DemoRun) -> Campaign:
    return Campaign.objects.get(pk=demo.campaign_pk)


@pytest.fixture
def quarters(campaign: Campaign) -> list[ReportPeriod]:
    """Quý IV/2024, Quý I/2025, Quý II/2025: the quarters given a history."""
    periods = ReportPeriod.objects.filter(campaign=campaign)
    return [periods.get(year=year, number=number) for year, number in DEMO_QUARTERS]


def test_demo_reports_most_units_submitted_in_past_quarters(quarters) -> None:
    today = timezone.localdate()

    reported = []
    for period in quarters:
        stats = period_stats(period)
        assert period.effective_due < today, period.label
        assert stats.total >= 30, period.label
        assert (stats.on_time + stats.late) / stats.total >= 0.75, period.label
        assert 0.6 <= stats.on_time / stats.total <= 0.75, period.label
        reported.append(period.label)
    assert reported == ["Quý IV/2024", "Quý I/2025", "Quý II/2025"]


def test_demo_reports_some_late_and_some_missing(quarters) -> None:
    for period in quarters:
        stats = period_stats(period)

        assert 3 <= stats.late <= 6, period.label
        assert 3 <= stats.missing <= 6, period.label
        assert stats.missing == stats.open


def test_demo_reports_returned_then_resubmitted(quarters) -> None:
    returns = ReportEvent.objects.filter(kind="return", report__period__in=quarters)

    resubmitted = [e for e in returns if e.report.state != ReportState.RETURNED]
    still_returned = UnitReport.objects.filter(period__in=quarters, state=ReportState.RETURNED)
    assert 4 <= returns.count() <= 12
    assert len(resubmitted) >= 3
    assert all(e.payload["reason"] and e.actor.username == "bantdkt" for e in returns)
    assert [r.period.label for r in still_returned] == ["Quý II/2025"]
    for report in UnitReport.objects.filter(pk__in=[e.report_id for e in resubmitted]):
        assert report.events.filter(kind="submit").count() == 2
        assert report.return_reason == ""


def test_demo_reports_most_accepted_by_the_secretariat(quarters) -> None:
    secretariat = User.objects.get(username="bantdkt")

    for period in quarters:
        stats = period_stats(period)
        accepts = ReportEvent.objects.filter(kind="accept", report__period=period)

        assert stats.accepted / (stats.on_time + stats.late) >= 0.85, period.label
        assert set(accepts.values_list("actor", flat=True)) == {secretariat.pk}
    waiting = UnitReport.objects.filter(period__in=quarters, state=ReportState.SUBMITTED)
    assert {r.period.label for r in waiting} == {"Quý II/2025"}
    assert waiting.count() == 3


def test_demo_reports_submitted_at_historical_moments(quarters) -> None:
    submitted = UnitReport.objects.filter(
        period__in=quarters, submitted_at__isnull=False
    ).select_related("period")

    for report in submitted:
        assert report.submitted_at is not None and report.confirmed_at == report.submitted_at
        day = timezone.localdate(report.submitted_at)
        assert report.period.start <= day <= report.period.effective_due.replace(day=28), report
        assert report.submitted_late is (day > report.period.effective_due), report
        assert day.weekday() < 5 and 8 <= timezone.localtime(report.submitted_at).hour < 16
        if report.accepted_at is not None:
            assert report.submitted_at < report.accepted_at
            assert timezone.localdate(report.accepted_at) < timezone.localdate()


def test_demo_reports_confirmed_by_each_units_head(quarters, settings) -> None:
    # The demo was loaded with the project's hashers, before the tests' fast MD5 one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS

    submitted = UnitReport.objects.filter(
        period__in=quarters, confirmed_by__isnull=False
    ).select_related("unit", "confirmed_by")

    heads = set(Membership.objects.filter(role=Role.UNIT_HEAD).values_list("user", "unit"))
    for report in submitted:
        assert (report.confirmed_by_id, report.unit_id) in heads, report
    by_unit = {r.unit.code: r.confirmed_by.username for r in submitted if r.confirmed_by}
    assert by_unit["TV-SYT"] == "thutruong_so"  # the demo's own head, not a new one
    assert by_unit["TV-CK"] == head_username(
        submitted.get(unit__code="TV-CK", period=quarters[0]).unit
    )
    head = User.objects.get(username="tt_tv_ck")
    assert head.check_password("thidua-demo")
    assert head.position == "Chủ tịch UBND huyện Cầu Kè"


def test_demo_reports_hold_vietnamese_contents(quarters, demo: DemoRun) -> None:
    submitted = UnitReport.objects.filter(period__in=quarters, submitted_at__isnull=False)

    for report in submitted:
        assert "Kế hoạch 128/KH-UBND" in report.summary
        assert report.figures["Cá nhân được khen thưởng"] >= 3
        assert report.prefill["period"]["end"] == report.period.end.isoformat()
    sections = ReportSection.objects.filter(report__in=submitted)
    assert sections.count() >= 2 * submitted.count()
    assert all(s.narrative.endswith(".") for s in sections)
    assert sections.filter(narrative__startswith="Hoàn thành").exists()
    attachments = list(ReportAttachment.objects.filter(report__in=submitted))
    assert len(attachments) >= 10
    with (demo.media / attachments[0].file.name).open("rb") as stream:
        assert sniff(stream) == "pdf"


def test_demo_reports_leave_the_last_quarter_open(campaign: Campaign) -> None:
    last = ReportPeriod.objects.get(campaign=campaign, year=2025, number=3)

    assert set(last.reports.values_list("state", flat=True)) == {ReportState.OPEN}
    assert not ReportEvent.objects.filter(report__period=last).exclude(kind="created").exists()


def test_demo_reports_ensure_twice_adds_nothing(demo: DemoRun, campaign: Campaign) -> None:
    counts = (
        ReportEvent.objects.count(),
        ReportAttachment.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )

    written = demo_reports_ensure(campaign)

    assert demo.reports_written >= 80
    assert written == 0
    assert counts == (
        ReportEvent.objects.count(),
        ReportAttachment.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
