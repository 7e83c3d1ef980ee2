"""History follows the successor: a merged commune's awards under the commune that took
it over (Nghị quyết 1687/NQ-UBTVQH15), never under a sibling; the unit history page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import StringIO
from typing import Any

import pytest
from django.urls import reverse

from tests.factories import UnitFactory, member
from tests.factories.decisions import AwardRecordFactory, nominee
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role, Scope
from thidua.decisions.selectors import award_history, unit_award_history
from thidua.desk.demo_units import demo_units_load
from thidua.organisations.models import Unit, UnitKind, UnitSuccession

ENDED = dt.date(2025, 6, 30)
MERGED = dt.date(2025, 7, 1)
BASIS = (
    "Nghị quyết 1687/NQ-UBTVQH15, Điều 1 khoản 38; nguồn: https://xaydungchinhsach.chinhphu.vn/nq"
)


@dataclass
class Merger:
    old_province: Unit
    older: Unit  # ended 31/12/2024 into ``old``
    old: Unit  # ended 30/6/2025 into ``new``
    old_sibling: Unit  # ended 30/6/2025 into ``sibling``
    new: Unit
    sibling: Unit


def _commune(code: str, name: str, parent: Unit, **kw: Any) -> Unit:
    return UnitFactory(code=code, name=name, kind=UnitKind.COMMUNE, parent=parent, **kw)


@pytest.fixture
def merger(db: None) -> Merger:
    old_province = UnitFactory(code="TV", name="UBND tỉnh Trà Vinh", kind=UnitKind.PROVINCE)
    new_province = UnitFactory(code="86", name="UBND tỉnh Vĩnh Long", kind=UnitKind.PROVINCE)
    world = Merger(
        old_province=old_province,
        older=_commune("TV-P6", "Phường 6", old_province, valid_to=dt.date(2024, 12, 31)),
        old=_commune("TV-PP", "Xã Phong Phú", old_province, valid_to=ENDED),
        old_sibling=_commune("TV-HA", "Xã Hòa Ân", old_province, valid_to=ENDED),
        new=_commune("29329", "Xã Phong Thạnh", new_province, valid_from=MERGED),
        sibling=_commune("29308", "Xã Cầu Kè", new_province, valid_from=MERGED),
    )
    UnitSuccession.objects.create(
        predecessor=world.older, successor=world.old, effective=dt.date(2025, 1, 1), kind="merge"
    )
    UnitSuccession.objects.create(
        predecessor=world.old, successor=world.new, effective=MERGED, kind="merge", basis=BASIS
    )
    UnitSuccession.objects.create(
        predecessor=world.old_sibling, successor=world.sibling, effective=MERGED, kind="merge"
    )
    for unit, name, number in (
        (world.older, "Lê Thị Sáu", "6/QĐ-UBND"),
        (world.old, "Trần Văn Phú", "38/QĐ-UBND"),
        (world.old_sibling, "Ngô Văn Ân", "37/QĐ-UBND"),
    ):
        AwardRecordFactory(
            nominee=nominee(unit, name),
            decision_number=number,
            decision_date=dt.date(2024, 12, 20),
            unit_name=unit.name,
        )
    return world


def test_successor_officer_sees_the_predecessors_history(merger: Merger) -> None:
    officer = member(merger.new, Role.UNIT_OFFICER)

    names = set(award_history(officer).values_list("nominee__name", flat=True))

    assert names == {"Trần Văn Phú", "Lê Thị Sáu"}


def test_sibling_commune_does_not_see_it(merger: Merger) -> None:
    sibling = member(merger.sibling, Role.UNIT_OFFICER)
    predecessor = member(merger.old, Role.UNIT_OFFICER)

    assert set(award_history(sibling).values_list("nominee__name", flat=True)) == {"Ngô Văn Ân"}
    # History follows the successor forward only: the old commune does not see the new one's.
    assert "Ngô Văn Ân" not in award_history(predecessor).values_list("nominee__name", flat=True)


def test_unit_history_page_lists_the_predecessors_awards_and_basis(merger: Merger) -> None:
    client = signed_in(member(merger.new, Role.UNIT_OFFICER))

    response = client.get(reverse("decisions:unit_history", args=[merger.new.pk]))

    text = page_text(response)
    assert "Lịch sử khen thưởng: Xã Phong Thạnh" in text
    assert "Xã Phong Phú" in text and "01/07/2025" in text
    assert "Nghị quyết 1687/NQ-UBTVQH15, Điều 1 khoản 38" in text
    assert "Phường 6" in text  # the chain: Phường 6 → Xã Phong Phú → Xã Phong Thạnh
    assert "Trần Văn Phú" in text and "38/QĐ-UBND" in text
    assert "Lê Thị Sáu" in text
    assert "Ngô Văn Ân" not in text


def test_unit_history_page_of_a_sibling_is_404(merger: Merger) -> None:
    client = signed_in(member(merger.new, Role.UNIT_OFFICER))

    response = client.get(reverse("decisions:unit_history", args=[merger.sibling.pk]))

    assert response.status_code == 404
    assert "Ngô Văn Ân" not in response.content.decode()


def test_history_page_of_the_successor_officer_lists_the_predecessor(merger: Merger) -> None:
    client = signed_in(member(merger.new, Role.UNIT_OFFICER))

    text = page_text(client.get(reverse("decisions:history")))

    assert "Trần Văn Phú" in text
    assert "Ngô Văn Ân" not in text


@pytest.mark.parametrize("extra", [0, 3])
def test_unit_history_queries_do_not_grow_with_records(
    merger: Merger, extra: int, django_assert_num_queries: Any
) -> None:
    for number in range(extra):
        AwardRecordFactory(nominee=nominee(merger.old, f"Người {number}"), unit_name="Xã Phong Phú")
    client = signed_in(member(merger.new, Role.UNIT_OFFICER, Scope.UNIT))
    url = reverse("decisions:unit_history", args=[merger.new.pk])
    client.get(url)

    # One of them reads the ids of the units the officer covers (a list the database can
    # weigh, ``decisions.selectors._visible_parts``).
    with django_assert_num_queries(10):
        response = client.get(url)

    assert page_text(response).count("Xã Phong Phú") >= 1 + extra


def test_shipped_tra_vinh_commune_history_is_found_under_its_vinh_long_successor(db) -> None:
    demo_units_load(StringIO())
    phong_phu = Unit.objects.get(code="TV-CK-PHONG-PHU")
    AwardRecordFactory(nominee=nominee(phong_phu, "Thạch Thị Nga"), unit_name=phong_phu.name)
    phong_thanh = Unit.objects.get(code="29329")  # Xã Phong Thạnh, tỉnh Vĩnh Long
    cau_ke = Unit.objects.get(code="29308")  # its sibling, Xã Cầu Kè

    unit, lineage, records = unit_award_history(member(phong_thanh), phong_thanh.pk)
    _, _, sibling_records = unit_award_history(member(cau_ke), cau_ke.pk)

    assert unit == phong_thanh
    assert {s.predecessor.code for s in lineage} == {
        "TV-CK-PHONG-PHU", "TV-CK-PHONG-THANH", "TV-CK-NINH-THOI",
    }  # fmt: skip
    assert [r.nominee.name for r in records] == ["Thạch Thị Nga"]
    assert not sibling_records.exists()
