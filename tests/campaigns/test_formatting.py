"""The template filters and the timeline geometry behind the campaign pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import CampaignFactory, PhaseFactory
from thidua.campaigns.templatetags.campaign_format import (
    document_date,
    minutes,
    number,
    weekday,
    with_weekday,
)
from thidua.campaigns.templatetags.campaign_timeline import build_timeline
from thidua.targets.models import Target
from thidua.targets.templatetags.target_format import target_period, target_value


def target(**fields) -> Target:
    defaults = {"code": "T", "indicator": "x", "kind": "level", "comparator": "gte"}
    return Target(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"value": Decimal("99.5000"), "measure_unit": "%"}, "≥ 99,5 %"),
        ({"comparator": "between", "value": 10, "value_max": 11, "measure_unit": "%"}, "10 – 11 %"),
        ({"comparator": "between", "value": Decimal("1.5"), "value_max": 2, "measure_unit": "%/năm"},
         "1,5 – 2 %/năm"),
        ({"value": Decimal("23000.0000"), "measure_unit": "lao động"}, "≥ 23.000 lao động"),
        ({"comparator": "gt", "value": 95, "measure_unit": "%"}, "> 95 %"),
        ({"comparator": "lt", "value": 2, "measure_unit": "%"}, "< 2 %"),
        ({"comparator": "lte", "value": 2, "measure_unit": ""}, "≤ 2"),
        ({"comparator": "eq", "value": 100, "measure_unit": "%"}, "100 %"),
        ({"comparator": "before", "deadline": dt.date(2025, 1, 1)}, "trước 01/01/2025"),
        ({"comparator": "gte", "value": None}, "—"),
    ],
)  # fmt: skip
def test_target_value_shows_comparator_and_vietnamese_number(fields, shown):
    assert target_value(target(**fields)) == shown


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"period_from": dt.date(2020, 1, 1), "period_from_precision": "year",
          "period_to": dt.date(2025, 1, 1), "period_to_precision": "year"}, "2020 – 2025"),
        ({"period_from": dt.date(2025, 1, 1), "period_from_precision": "year",
          "period_to": dt.date(2025, 1, 1), "period_to_precision": "year"}, "2025"),
        ({"period_to": dt.date(2025, 1, 1), "period_to_precision": "year"}, "đến 2025"),
        ({"period_from": dt.date(2024, 11, 1), "period_from_precision": "month"}, "từ 11/2024"),
        ({}, ""),
    ],
)  # fmt: skip
def test_target_period_as_the_plan_states_it(fields, shown):
    assert target_period(target(**fields)) == shown


def test_number_groups_thousands_and_drops_trailing_zeros():
    assert [number(v) for v in (Decimal("2500"), Decimal("0.0100"), 1234567, None)] == [
        "2.500", "0,01", "1.234.567", "",
    ]  # fmt: skip


def test_weekday_names_are_vietnamese():
    monday = dt.date(2024, 12, 9)

    names = [weekday(monday + dt.timedelta(days=i)) for i in range(7)]

    assert names == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    assert with_weekday(dt.date(2024, 12, 15)) == "15/12/2024 (Chủ nhật)"


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (dt.date(2024, 11, 11), "ngày 11 tháng 11 năm 2024"),
        (dt.date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (dt.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
    ],
)
def test_document_date_follows_decree_30(day, shown):
    assert document_date(day) == shown


def test_minutes_of_lockout():
    assert minutes(dt.timedelta(hours=0.25)) == "15"
    assert minutes(None) == ""


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(
        start=dt.date(2024, 11, 1), start_precision="month",
        end=dt.date(2025, 9, 30), end_precision="day",
    )  # fmt: skip
    PhaseFactory(
        campaign=campaign,
        code="d1",
        name="Đợt 1",
        position=0,
        start=dt.date(2024, 11, 1),
        start_precision="month",
        end=dt.date(2025, 4, 30),
    )
    PhaseFactory(
        campaign=campaign,
        code="d2",
        name="Đợt 2",
        position=1,
        start=dt.date(2025, 5, 1),
        start_precision="month",
        end=dt.date(2025, 9, 30),
    )
    return campaign


def test_timeline_places_phases_in_five_percent_steps(campaign):
    timeline = build_timeline(campaign, dt.date(2025, 1, 10))

    first, second = timeline.bars
    assert (first.at, first.width, first.state) == (0, 55, "current")
    assert (second.at, second.width, second.state) == (55, 45, "future")
    assert first.days_left == 110
    assert first.elapsed == 39
    assert (timeline.status, timeline.today_at) == ("during", 20)
    assert (first.start.display(), first.end.display()) == ("11/2024", "30/04/2025")


def test_timeline_before_and_after_has_no_marker(campaign):
    before = build_timeline(campaign, dt.date(2024, 10, 31))
    after = build_timeline(campaign, dt.date(2025, 10, 1))

    assert (before.status, before.today_at) == ("before", None)
    assert [bar.state for bar in before.bars] == ["future", "future"]
    assert (after.status, after.today_at) == ("after", None)
    assert [bar.elapsed for bar in after.bars] == [100, 100]


def test_timeline_month_precision_end_runs_to_month_end(campaign):
    phase = campaign.phases.get(code="d2")
    phase.end, phase.end_precision = dt.date(2025, 9, 1), "month"
    phase.save()

    timeline = build_timeline(campaign, dt.date(2025, 9, 30))

    assert timeline.bars[1].state == "current"
    assert timeline.bars[1].end.display() == "09/2025"
