"""The pre-filled snapshot equals the works and targets data it is taken from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.db.models import Avg, Count

from tests.factories import CampaignFactory, Province, TargetFactory
from tests.factories.reports import Kh, at, report_of
from tests.factories.works import WorkFactory
from thidua.reports.models import ReportPeriod
from thidua.reports.prefill import report_prefill
from thidua.targets.models import Target, TargetValue
from thidua.works.models import Work, WorkState

D = dt.date
S = WorkState


@pytest.fixture(autouse=True)
def _in_q4() -> Iterator[None]:
    with at(2024, 12, 10, 9):
        yield


def work(kh: Kh, unit, state: WorkState, **kw: object) -> Work:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {"planned_start": D(2024, 6, 1), "planned_finish": D(2025, 6, 30)}
    values.update(kw)
    return WorkFactory(campaign=kh.campaign, unit=unit, state=state, **values)


@pytest.fixture
def works(kh: Kh, province: Province) -> dict[str, Work]:
    """District A's works in every situation the snapshot counts, and some it must not."""
    a = province.district_a
    made = {
        "done_in_q4": work(
            kh, a, S.COMPLETED, planned_finish=D(2024, 12, 31), actual_finish=D(2024, 11, 20)
        ),
        "done_before": work(
            kh, a, S.COMPLETED, planned_finish=D(2024, 9, 30), actual_finish=D(2024, 9, 15)
        ),
        "behind": work(kh, a, S.IN_PROGRESS, percent_complete=40, planned_finish=D(2024, 11, 30)),
        "approved": work(kh, a, S.APPROVED),
        "draft": work(kh, a, S.DRAFT, planned_finish=D(2024, 10, 31)),
        "cancelled": work(kh, a, S.CANCELLED, planned_finish=D(2024, 10, 31)),
        "other_unit": work(kh, province.health, S.IN_PROGRESS, percent_complete=90),
    }
    other = CampaignFactory(issuer_unit=province.root)
    made["other_campaign"] = WorkFactory(campaign=other, unit=a, state=S.IN_PROGRESS)
    return made


def value(target: Target, unit, start: dt.date, end: dt.date, amount: str, label: str) -> None:  # type: ignore[no-untyped-def]
    TargetValue.objects.create(
        target=target,
        unit=unit,
        period_start=start,
        period_end=end,
        label=label,
        value=Decimal(amount),
        source="Báo cáo của huyện",
    )


@pytest.fixture
def targets(kh: Kh, province: Province) -> dict[str, Target]:
    """Two targets of district A (values inside and outside quý IV), and two it must skip."""
    a = province.district_a
    poor = TargetFactory(
        campaign=kh.campaign, unit=a, code="A-01", position=1, indicator="Tỷ lệ hộ nghèo giảm",
        kind="level", comparator="gte", value=Decimal("80"), measure_unit="%",
    )  # fmt: skip
    roads = TargetFactory(
        campaign=kh.campaign, unit=a, code="A-02", position=2, indicator="Km đường nông thôn",
        kind="cumulative", comparator="gte", value=Decimal("100"), measure_unit="km",
    )  # fmt: skip
    value(poor, a, D(2024, 7, 1), D(2024, 9, 30), "70", "Quý III/2024")
    value(poor, a, D(2024, 11, 1), D(2024, 11, 30), "85.5", "Tháng 11/2024")
    value(poor, a, D(2025, 1, 1), D(2025, 3, 31), "95", "Quý I/2025")  # after the period
    value(roads, a, D(2024, 7, 1), D(2024, 9, 30), "30", "Quý III/2024")
    common = TargetFactory(campaign=kh.campaign, code="CHUNG")  # the campaign's own target
    theirs = TargetFactory(campaign=kh.campaign, unit=province.health, code="SYT-01")
    return {"poor": poor, "roads": roads, "common": common, "theirs": theirs}


def test_report_prefill_works_match_the_works_table(
    generated: list[ReportPeriod], kh: Kh, province: Province, works: dict[str, Work]
) -> None:
    report = report_of(generated[0], province.district_a)

    snapshot = report_prefill(report)["works"]

    assert snapshot["total"] == 6
    assert snapshot["active"] == 4
    assert snapshot["by_state"] == {
        "draft": 1, "submitted": 0, "returned": 0, "approved": 1,
        "in_progress": 1, "completed": 2, "cancelled": 1,
    }  # fmt: skip
    assert snapshot["average_progress"] == 60.0  # (100 + 100 + 40 + 0) / 4
    assert snapshot["completed_in_period"] == 1
    assert snapshot["late"] == 1  # "behind": planned 30/11/2024, still in progress on 10/12
    assert snapshot["ahead"] == 2  # both completed works finished before their plan
    mine = Work.objects.filter(campaign=kh.campaign, unit=province.district_a)
    active = mine.exclude(state__in=[S.DRAFT, S.CANCELLED])
    assert snapshot["total"] == mine.count()
    assert snapshot["by_state"]["completed"] == mine.filter(state=S.COMPLETED).count()
    assert snapshot["average_progress"] == float(active.aggregate(a=Avg("percent_complete"))["a"])
    assert [item["id"] for item in snapshot["items"]] == [
        works["done_before"].pk,
        works["behind"].pk,
        works["done_in_q4"].pk,
        works["approved"].pk,
    ]
    behind = snapshot["items"][1]
    assert behind == {
        "id": works["behind"].pk,
        "title": works["behind"].title,
        "state": "in_progress",
        "percent_complete": 40,
        "planned_finish": "2024-11-30",
        "actual_finish": None,
        "late": True,
        "ahead": False,
    }


def test_report_prefill_targets_latest_value_in_period_and_status(
    generated: list[ReportPeriod], province: Province, targets: dict[str, Target]
) -> None:
    report = report_of(generated[0], province.district_a)

    rows = report_prefill(report)["targets"]

    assert [row["code"] for row in rows] == ["A-01", "A-02"]
    poor, roads = rows
    assert poor["latest"] == {
        "label": "Tháng 11/2024",
        "value": "85.5",
        "achieved_on": None,
        "period_end": "2024-11-30",
        "is_estimate": False,
    }
    assert (poor["status"], poor["measured"], poor["value"], poor["measure_unit"]) == (
        "exceeded",
        "85.5",
        "80",
        "%",
    )
    assert roads["latest"] is None  # nothing recorded inside quý IV/2024
    assert (roads["status"], roads["measured"]) == ("not_met", "30")
    stored = TargetValue.objects.filter(target=targets["poor"], period_end__lte=D(2024, 12, 31))
    assert poor["measured"] == "85.5" == str(stored.latest("period_end").value.normalize())


def test_report_prefill_describes_the_period_end_once_it_is_over(
    generated: list[ReportPeriod], kh: Kh, province: Province, works: dict[str, Work]
) -> None:
    report = report_of(generated[0], province.district_a)

    with at(2025, 2, 1):
        snapshot = report_prefill(report)

    assert snapshot["as_of"] == "2024-12-31"
    assert snapshot["period"] == {"start": "2024-10-01", "end": "2024-12-31"}


def test_report_prefill_unit_without_works_or_targets(
    generated: list[ReportPeriod], province: Province
) -> None:
    report = report_of(generated[0], province.district_b)

    snapshot = report_prefill(report)

    assert snapshot["works"]["total"] == 0
    assert snapshot["works"]["average_progress"] is None
    assert snapshot["works"]["items"] == []
    assert snapshot["targets"] == []
    assert Work.objects.filter(unit=province.district_b).aggregate(n=Count("pk"))["n"] == 0
