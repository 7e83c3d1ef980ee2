"""Recording actual values: who may, what a value must say, one value per period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import Province, UnitFactory
from tests.factories.targets import Kh, People
from thidua.core.errors import DomainError, NotPermitted
from thidua.targets.models import Target, TargetValue
from thidua.targets.services import target_value_record
from thidua.targets.values import period_label

D = dt.date
SOURCE = "https://consosukien.vn/tra-vinh-tang-truong-dan-dau-vung-dong-bang-song-cuu-long.htm"


def record(actor: Any, target: Target, **overrides: Any) -> TargetValue:
    values: dict[str, Any] = {
        "period_start": D(2024, 1, 1),
        "period_end": D(2024, 12, 31),
        "label": "Năm 2024",
        "value": Decimal("10.04"),
        "is_estimate": True,
        "source": SOURCE,
    }
    values.update(overrides)
    return target_value_record(actor=actor, target=target, **values)


# --- Permission matrix


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("secretariat", True),
        ("admin", True),
        ("district_a_head", False),
        ("a1_officer", False),
        ("anonymous", False),
    ],
)
def test_record_campaign_target_only_by_the_secretariat(kh: Kh, people: People, who, allowed):
    actor = AnonymousUser() if who == "anonymous" else getattr(people, who)

    if allowed:
        saved = record(actor, kh.growth)
        assert (saved.value, saved.reported_by, saved.unit) == (
            Decimal("10.04"),
            actor,
            kh.campaign.issuer_unit,
        )
    else:
        with pytest.raises(NotPermitted, match="Ban Thi đua - Khen thưởng"):
            record(actor, kh.growth)
        assert not TargetValue.objects.exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("secretariat", True),
        ("district_a_head", True),
        ("district_a_officer", True),
        ("district_b_head", False),  # a sibling district
        ("a1_officer", False),  # a commune below it
        ("anonymous", False),
    ],
)
def test_record_unit_target_by_that_unit_or_the_secretariat(
    kh: Kh, people: People, province: Province, who, allowed
):
    actor = AnonymousUser() if who == "anonymous" else getattr(people, who)
    values = {"value": Decimal(1620), "is_estimate": False, "source": "Báo cáo số 15/BC-UBND"}

    if allowed:
        saved = record(actor, kh.district_jobs, **values)
        assert (saved.target, saved.unit, saved.value) == (
            kh.district_jobs,
            province.district_a,
            Decimal(1620),
        )
    else:
        with pytest.raises(NotPermitted):
            record(actor, kh.district_jobs, **values)
        assert not TargetValue.objects.exists()


# --- What a value must say


@pytest.mark.parametrize("source", ["", "   "])
def test_record_without_a_source_is_refused(kh: Kh, people: People, source: str):
    with pytest.raises(DomainError, match="Hãy ghi nguồn số liệu") as caught:
        record(people.secretariat, kh.growth, source=source)

    assert caught.value.code == "invalid_target_value"
    assert not TargetValue.objects.exists()


def test_record_a_number_for_a_milestone_is_refused(kh: Kh, people: People):
    with pytest.raises(DomainError, match="Chỉ tiêu T07 là mốc hoàn thành: ghi ngày đạt"):
        record(people.secretariat, kh.rural, value=Decimal(1))

    assert not TargetValue.objects.exists()


def test_record_a_day_for_a_number_target_is_refused(kh: Kh, people: People):
    with pytest.raises(
        DomainError, match="Chỉ tiêu T01 cần giá trị số \\(value\\) theo đơn vị tính %"
    ):
        record(people.secretariat, kh.growth, value=None, achieved_on=D(2024, 12, 2))

    assert not TargetValue.objects.exists()


def test_record_a_milestone_with_its_day(kh: Kh, people: People):
    saved = record(
        people.secretariat, kh.rural, value=None, achieved_on=D(2024, 12, 2), is_estimate=False
    )

    assert (saved.value, saved.achieved_on, saved.label) == (None, D(2024, 12, 2), "Năm 2024")


def test_record_a_milestone_day_outside_its_period_or_in_the_future_is_refused(
    kh: Kh, people: People
):
    with pytest.raises(DomainError, match="Ngày đạt phải nằm trong kỳ số liệu"):
        record(people.secretariat, kh.rural, value=None, achieved_on=D(2023, 12, 2))
    with pytest.raises(DomainError, match="Ngày đạt không được sau hôm nay"):
        record(
            people.secretariat, kh.rural, value=None, achieved_on=D(2025, 3, 2),
            period_start=D(2025, 1, 1), period_end=D(2025, 12, 31),
        )  # fmt: skip


def test_record_a_milestone_reached_in_an_open_period(kh: Kh, people: People):
    # Today is 01/3/2025: the year 2025 is not over, but the day it was reached is known.
    saved = record(
        people.secretariat, kh.rural, value=None, achieved_on=D(2025, 2, 1), is_estimate=False,
        period_start=D(2025, 1, 1), period_end=D(2025, 12, 31), label="",
    )  # fmt: skip

    assert (saved.achieved_on, saved.is_estimate, saved.label) == (D(2025, 2, 1), False, "Năm 2025")


def test_record_an_open_period_needs_an_estimate(kh: Kh, people: People):
    # Today is 01/3/2025: the year 2025 is not over.
    year_2025 = {"period_start": D(2025, 1, 1), "period_end": D(2025, 12, 31), "label": ""}

    with pytest.raises(DomainError, match="chỉ ghi được số ước tính"):
        record(people.secretariat, kh.jobs, value=Decimal(24000), is_estimate=False, **year_2025)
    saved = record(people.secretariat, kh.jobs, value=Decimal(24000), is_estimate=True, **year_2025)

    assert (saved.is_estimate, saved.label) == (True, "Năm 2025")


def test_record_refuses_reversed_dates_and_too_many_decimals(kh: Kh, people: People):
    with pytest.raises(DomainError, match="Ngày cuối kỳ phải từ ngày đầu kỳ trở đi"):
        record(
            people.secretariat, kh.growth, period_start=D(2024, 12, 31), period_end=D(2024, 1, 1)
        )
    with pytest.raises(DomainError, match="tối đa 4 chữ số thập phân"):
        record(people.secretariat, kh.growth, value=Decimal("10.04001"))


def test_record_unit_outside_the_campaign_is_refused(kh: Kh, people: People):
    elsewhere = UnitFactory(code="KHAC", name="Tỉnh khác")

    with pytest.raises(DomainError, match="không thuộc phạm vi của phong trào"):
        record(people.secretariat, kh.growth, unit=elsewhere)


def test_record_unit_target_by_another_unit_is_refused(kh: Kh, people: People, province: Province):
    with pytest.raises(DomainError, match="do chính đơn vị đó báo cáo"):
        record(people.secretariat, kh.district_jobs, unit=province.root)


def test_record_names_the_reporting_unit(kh: Kh, people: People, province: Province):
    saved = record(people.secretariat, kh.growth, unit=province.home_affairs)

    assert saved.unit == province.home_affairs


# --- One value per period


def test_record_twice_for_a_period_replaces_the_value(kh: Kh, people: People):
    first = record(people.secretariat, kh.growth, value=Decimal("10.27"), label="")
    second = record(
        people.admin, kh.growth, value=Decimal("10.04"), label="Năm 2024", note="Số ước cả năm"
    )

    stored = TargetValue.objects.get()
    assert first.pk == second.pk == stored.pk
    assert (stored.value, stored.note, stored.reported_by) == (
        Decimal("10.04"),
        "Số ước cả năm",
        people.admin,
    )


def test_record_another_period_adds_a_value(kh: Kh, people: People):
    record(
        people.secretariat, kh.growth, period_end=D(2024, 6, 30), value=Decimal("10.27"), label=""
    )
    record(people.secretariat, kh.growth)

    assert list(TargetValue.objects.values_list("label", "value")) == [
        ("6 tháng đầu năm 2024", Decimal("10.27")),
        ("Năm 2024", Decimal("10.04")),
    ]


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (D(2024, 1, 1), D(2024, 12, 31), "Năm 2024"),
        (D(2024, 10, 1), D(2024, 12, 31), "Quý IV/2024"),
        (D(2024, 1, 1), D(2024, 6, 30), "6 tháng đầu năm 2024"),
        (D(2024, 11, 1), D(2024, 11, 30), "Tháng 11/2024"),
        (D(2024, 2, 1), D(2024, 2, 29), "Tháng 2/2024"),
        (D(2024, 11, 11), D(2025, 4, 30), "11/11/2024 – 30/04/2025"),
    ],
)
def test_period_label_names_the_period(start, end, label):
    assert period_label(start, end) == label
