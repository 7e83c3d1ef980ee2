"""Computed criteria equal the data they come from: reports, works, targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.factories import TargetFactory
from tests.factories.scoring import Cluster, make_set, sheet_of
from tests.factories.works import WorkFactory
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.scoring.models import CriteriaSet, Score
from thidua.targets.models import TargetValue
from thidua.works.models import REGISTERED_STATES, Work, WorkState

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _periods(c: Cluster) -> list[ReportPeriod]:
    """Quý IV/2024 (another year) and the four quarters of 2025, due on the 15th."""
    periods = []
    for year, number in ((2024, 4), (2025, 1), (2025, 2), (2025, 3), (2025, 4)):
        last_month = number * 3
        due = dt.date(year, last_month, 15)
        periods.append(
            ReportPeriod.objects.create(
                campaign=c.campaign,
                year=year,
                number=number,
                label=f"Quý {number}/{year}",
                start=dt.date(year, last_month - 2, 1),
                end=dt.date(year, last_month, 28),
                nominal_due=due,
                effective_due=due,
            )
        )
    return periods


def _report(period: ReportPeriod, unit, state: str, *, late: bool = False) -> UnitReport:  # type: ignore[no-untyped-def]
    submitted = None
    if state != ReportState.OPEN:
        day = period.effective_due + dt.timedelta(days=3 if late else -2)
        submitted = dt.datetime.combine(day, dt.time(9), tzinfo=VN)
    return UnitReport.objects.create(
        period=period, unit=unit, state=state, submitted_at=submitted, submitted_late=late
    )


def _score(cs: CriteriaSet, unit, code: str) -> Score:  # type: ignore[no-untyped-def]
    return sheet_of(cs, unit).scores.get(criterion__code=code)


def _build(c: Cluster) -> None:
    a, b = c.members
    q4_24, q1, q2, q3, q4 = _periods(c)
    _report(q4_24, a, ReportState.ACCEPTED)  # another year: not counted
    _report(q1, a, ReportState.ACCEPTED)
    _report(q2, a, ReportState.SUBMITTED)
    _report(q3, a, ReportState.ACCEPTED, late=True)
    _report(q4, a, ReportState.ACCEPTED)
    _report(q1, b, ReportState.ACCEPTED)
    _report(q2, b, ReportState.OPEN)
    for state in (WorkState.COMPLETED, WorkState.IN_PROGRESS, WorkState.DRAFT, WorkState.CANCELLED):
        WorkFactory(campaign=c.campaign, unit=a, state=state)
    WorkFactory(campaign=c.campaign, unit=c.deputy, state=WorkState.SUBMITTED)
    met = TargetFactory(campaign=c.campaign, unit=a, code="A1", value=10)
    missed = TargetFactory(campaign=c.campaign, unit=a, code="A2", value=10)
    for target, value in ((met, 12), (missed, 5)):
        TargetValue.objects.create(
            target=target,
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 6, 30),
            label="6 tháng 2025",
            value=Decimal(value),
            source="Báo cáo của đơn vị",
            unit=a,
        )


def test_reports_on_time_count_the_years_due_quarters(cluster: Cluster) -> None:
    _build(cluster)
    a, b = cluster.members

    cs = make_set(cluster)

    due = ReportPeriod.objects.filter(year=2025, effective_due__lte=dt.date(2025, 12, 20)).count()
    on_time_a = UnitReport.objects.filter(
        unit=a, period__year=2025, state__in=["submitted", "accepted"], submitted_late=False
    ).count()
    assert (due, on_time_a) == (4, 3)
    assert _score(cs, a, "4.3").computed_value == Decimal(on_time_a) / due
    assert _score(cs, a, "4.3").self_points == Decimal("3.75")
    assert _score(cs, a, "4.3").computed_detail == "3/4 báo cáo quý đúng hạn"
    assert _score(cs, b, "4.3").self_points == Decimal("1.25")


def test_works_registered_and_completed_follow_the_works(cluster: Cluster) -> None:
    _build(cluster)
    a, b = cluster.members

    cs = make_set(cluster)

    registered = Work.objects.filter(unit=a, state__in=REGISTERED_STATES).count()
    completed = Work.objects.filter(unit=a, state=WorkState.COMPLETED).count()
    assert (registered, completed) == (2, 1)
    assert _score(cs, a, "4.1").self_points == Decimal(5)  # 2 registered, 1 needed
    assert _score(cs, a, "4.2").self_points == Decimal("2.50")
    assert _score(cs, a, "4.2").computed_detail == "1/2 công trình hoàn thành"
    assert _score(cs, cluster.deputy, "4.1").self_points == Decimal(5)
    assert _score(cs, cluster.deputy, "4.2").self_points == Decimal(0)
    assert _score(cs, b, "4.1").self_points == Decimal(0)


def test_targets_met_use_the_targets_evaluation(cluster: Cluster) -> None:
    _build(cluster)
    a, b = cluster.members

    cs = make_set(cluster)

    assert _score(cs, a, "4.4").computed_value == Decimal("0.5")
    assert _score(cs, a, "4.4").self_points == Decimal("2.50")
    assert _score(cs, b, "4.4").self_points == Decimal(0)
    assert _score(cs, b, "4.4").computed_detail == "0/0 chỉ tiêu đạt, vượt"


def test_computed_points_follow_new_data_until_review(cluster: Cluster) -> None:
    _build(cluster)
    b = cluster.members[1]
    cs = make_set(cluster)
    WorkFactory(campaign=cluster.campaign, unit=b, state=WorkState.APPROVED)

    from thidua.scoring.services import sheets_refresh_computed

    sheets_refresh_computed(cs, dt.date(2025, 12, 20))

    assert _score(cs, b, "4.1").self_points == Decimal(5)


def test_without_a_campaign_there_are_no_campaign_criteria(cluster: Cluster) -> None:
    cs = make_set(cluster, campaign=False)

    assert not cs.criteria.filter(added_by_campaign=True).exists()
    assert cs.criteria.filter(code="4.1").count() == 0
