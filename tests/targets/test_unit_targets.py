"""Units' own targets, in line with the province's (KH 128 IV.1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import Province, UnitFactory
from tests.factories.targets import Kh, People
from thidua.campaigns.models import CampaignStatus
from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError, NotPermitted
from thidua.organisations.models import Unit
from thidua.targets.models import Target
from thidua.targets.selectors import parent_target
from thidua.targets.services import unit_target_create


def create(actor: Any, kh: Kh, unit: Unit, **overrides: Any) -> Target:
    values: dict[str, Any] = {
        "parent_target_code": "T10",
        "indicator": "Số lao động được tạo việc làm mới của xã",
        "kind": "per_year",
        "comparator": "gte",
        "value": Decimal(300),
    }
    values.update(overrides)
    return unit_target_create(actor=actor, campaign=kh.campaign, unit=unit, **values)


def test_unit_target_refines_the_campaign_target(kh: Kh, people: People, province: Province):
    made = create(people.a1_officer, kh, province.commune_a1)

    assert (made.code, made.unit, made.measure_unit, made.position) == (
        "T10",
        province.commune_a1,
        "lao động",
        10,
    )
    assert (made.period_from_partial, made.period_to_partial) == (
        PartialDate(2024),
        PartialDate(2025),
    )
    assert parent_target(made) == kh.jobs


def test_second_unit_target_under_one_campaign_target_gets_a_suffix(
    kh: Kh, people: People, province: Province
):
    create(people.a1_officer, kh, province.commune_a1)

    second = create(people.a1_officer, kh, province.commune_a1, indicator="Lao động nữ")

    assert second.code == "T10.1"
    assert parent_target(second) == kh.jobs


def test_free_standing_unit_target_gets_its_own_code(kh: Kh, people: People, province: Province):
    made = create(
        people.a1_officer, kh, province.commune_a1, parent_target_code=None,
        indicator="Số km đường giao thông nông thôn", kind="cumulative", value=Decimal(12),
        measure_unit="km",
    )  # fmt: skip

    assert (made.code, made.measure_unit, made.period_to) == ("DV1", "km", None)
    assert parent_target(made) is None


def test_free_standing_unit_target_cannot_take_a_campaign_code(
    kh: Kh, people: People, province: Province
):
    with pytest.raises(DomainError, match=r"Mã T10\.5 dành cho chỉ tiêu cụ thể hóa chỉ tiêu T10"):
        create(people.a1_officer, kh, province.commune_a1, parent_target_code=None, code="T10.5")


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("a1_officer", True),
        ("secretariat", True),
        ("district_a_head", False),  # the level above sets its own, not the commune's
        ("b1_officer", False),  # another district's commune
        ("anonymous", False),
    ],
)
def test_unit_target_permission(kh: Kh, people: People, province: Province, who, allowed):
    actor = AnonymousUser() if who == "anonymous" else getattr(people, who)

    if allowed:
        assert create(actor, kh, province.commune_a1).unit == province.commune_a1
    else:
        with pytest.raises(NotPermitted):
            create(actor, kh, province.commune_a1)
        assert not Target.objects.filter(unit=province.commune_a1).exists()


def test_unit_target_with_the_comparator_turned_round_is_refused(
    kh: Kh, people: People, province: Province
):
    with pytest.raises(DomainError, match="Phép so sánh “<” ngược chiều với chỉ tiêu T10"):
        create(people.a1_officer, kh, province.commune_a1, comparator="lt")

    assert not Target.objects.filter(unit=province.commune_a1).exists()


def test_unit_target_of_another_kind_is_refused(kh: Kh, people: People, province: Province):
    with pytest.raises(DomainError, match="thuộc loại “Hằng năm”"):
        create(people.a1_officer, kh, province.commune_a1, kind="annual_reduction")


def test_unit_target_may_take_the_yearly_share_of_a_sum(kh: Kh, people: People, province: Province):
    Target.objects.create(
        campaign=kh.campaign, code="T05", indicator="Số doanh nghiệp thành lập mới",
        kind="cumulative", comparator="gte", value=2500, measure_unit="doanh nghiệp",
        period_from=dt.date(2021, 1, 1), period_from_precision="year",
        period_to=dt.date(2025, 1, 1), period_to_precision="year",
    )  # fmt: skip

    made = create(
        people.district_a_head, kh, province.district_a, parent_target_code="T05",
        indicator="Doanh nghiệp thành lập mới mỗi năm", kind="per_year", value=Decimal(40),
    )  # fmt: skip

    assert (made.code, made.measure_unit) == ("T05", "doanh nghiệp")


def test_unit_milestone_later_than_the_province_is_refused(
    kh: Kh, people: People, province: Province
):
    common = {
        "parent_target_code": "T07", "indicator": "Xã đạt chuẩn nông thôn mới nâng cao",
        "kind": "milestone", "comparator": "before", "value": None,
    }  # fmt: skip

    with pytest.raises(DomainError, match="không được muộn hơn thời hạn của chỉ tiêu T07"):
        create(people.a1_officer, kh, province.commune_a1, deadline=dt.date(2025, 6, 1), **common)
    made = create(people.a1_officer, kh, province.commune_a1, **common)

    assert made.deadline == dt.date(2025, 1, 1)


def test_unit_target_period_after_the_province_is_refused(
    kh: Kh, people: People, province: Province
):
    with pytest.raises(DomainError, match="không được sau thời gian của chỉ tiêu T10"):
        create(people.a1_officer, kh, province.commune_a1, period_to=PartialDate(2026))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"indicator": "  "}, "Hãy nhập tên chỉ tiêu"),
        ({"comparator": "between", "value": Decimal(5)}, "cần giá trị và giá trị tối đa"),
        ({"value": None}, "Chỉ tiêu cần một giá trị"),
        ({"parent_target_code": "T99"}, "Phong trào không có chỉ tiêu mã T99"),
        ({"kind": "milestone"}, "đi cùng phép so sánh “hoàn thành trước”"),
    ],
)
def test_unit_target_shape_is_checked(
    kh: Kh, people: People, province: Province, overrides, message
):
    with pytest.raises(DomainError, match=message):
        create(people.a1_officer, kh, province.commune_a1, **overrides)

    assert not Target.objects.filter(unit=province.commune_a1).exists()


def test_unit_target_outside_the_campaign_or_after_it_is_refused(
    kh: Kh, people: People, province: Province
):
    elsewhere = UnitFactory(code="KHAC", name="Tỉnh khác")

    with pytest.raises(DomainError, match="không thuộc phạm vi của phong trào"):
        create(people.admin, kh, elsewhere)
    kh.campaign.status = CampaignStatus.CLOSED
    kh.campaign.save()
    with pytest.raises(DomainError, match="Phong trào đã kết thúc"):
        create(people.a1_officer, kh, province.commune_a1)
