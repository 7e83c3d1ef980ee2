"""Trà Vinh → Vĩnh Long on 01/7/2025: the official province 86 and its communes from the
package, Vĩnh Long's departments, and the successions with their basis and source."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from thidua.desk.demo_units import DEMO_UNIT_FILES, demo_units_load
from thidua.organisations.models import Unit, UnitKind, UnitSuccession

REORGANISED = dt.date(2025, 7, 1)
RESOLUTION = "Nghị quyết 1687/NQ-UBTVQH15, Điều 1"
SOURCE = "https://xaydungchinhsach.chinhphu.vn/toan-van-nghi-quyet-so-1687-nq-ubtvqh15"


def table() -> list[tuple[object, ...]]:
    units = Unit.objects.order_by("code").values_list(
        "code", "name", "parent__code", "valid_from", "valid_to", "source"
    )
    successions = UnitSuccession.objects.order_by("pk").values_list(
        "predecessor__code", "successor__code", "effective", "kind", "basis"
    )
    return [*units, *successions]


@pytest.fixture
def loaded(db: None) -> None:
    demo_units_load(StringIO())


def test_every_tra_vinh_commune_ends_with_one_sourced_successor(loaded):
    ended = Unit.objects.filter(
        code__startswith="TV-", kind=UnitKind.COMMUNE, valid_to=dt.date(2025, 6, 30)
    )
    rows = UnitSuccession.objects.filter(predecessor__in=ended).select_related("successor")

    assert ended.count() == 104
    assert rows.count() == 104
    assert {r.effective for r in rows} == {REORGANISED}
    assert all(RESOLUTION in r.basis and SOURCE in r.basis for r in rows)
    assert {r.successor.parent.code for r in rows} == {"86"}
    assert all(r.successor.code.isdigit() and len(r.successor.code) == 5 for r in rows)


def test_communes_merged_as_the_resolution_says(loaded):
    def successor(code: str) -> UnitSuccession:
        return UnitSuccession.objects.select_related("successor").get(predecessor__code=code)

    phong_phu = successor("TV-CK-PHONG-PHU")
    assert (phong_phu.successor.code, phong_phu.successor.name) == ("29329", "Xã Phong Thạnh")
    assert phong_phu.kind == "merge"
    assert "Điều 1 khoản 38" in phong_phu.basis
    assert successor("TV-TPTV-P3").successor.name == "Phường Trà Vinh"
    assert successor("TV-CT-HOA-MINH").kind == "rename"
    assert successor("TV-CT-HOA-MINH").successor.name == "Xã Hòa Minh"
    # Phường 2 ended on 01/01/2025 into Phường 3, which ended into Phường Trà Vinh.
    assert successor("TV-TPTV-P2").successor.code == "TV-TPTV-P3"


def test_tra_vinh_merges_into_official_vinh_long_not_a_made_up_unit(loaded):
    rows = set(UnitSuccession.objects.values_list("predecessor__code", "successor__code", "kind"))
    districts = set(Unit.objects.filter(kind=UnitKind.DISTRICT).values_list("code", flat=True))

    assert not Unit.objects.filter(code="VL").exists()
    assert ("TV", "86", "merge") in rows
    assert {p for p, s, kind in rows if kind == "dissolve" and s == "86"} == districts
    assert Unit.objects.get(code="86").name == "Ủy ban nhân dân tỉnh Vĩnh Long"


def test_departments_follow_to_vinh_long_departments(loaded):
    rows = dict(
        UnitSuccession.objects.filter(predecessor__kind__in=["department", "mass_organisation"])
        .filter(effective=REORGANISED)
        .values_list("predecessor__code", "successor__code")
    )

    assert rows["TV-SNV"] == "86-SNV"
    assert rows["TV-SYT"] == "86-SYT"
    assert rows["TV-MTTQ"] == "86-MTTQ"
    assert rows["TV-TD"] == "86-TD"
    assert "TV-SDTTG" not in rows  # no source found: no successor recorded
    hospital = Unit.objects.get(code="86-SYT-BVDK")
    assert (hospital.parent.code, hospital.kind) == ("86-SYT", UnitKind.OTHER)
    assert "CHƯA XÁC MINH" in Unit.objects.get(code="86-TD").source


def test_loading_twice_changes_nothing(loaded):
    before = table()
    out = StringIO()

    demo_units_load(out)

    assert table() == before
    assert " 0 mới, 0 cập nhật" in out.getvalue()
    assert "quan hệ kế thừa: 0 mới, 0 cập nhật, 129 không đổi" in out.getvalue()


def test_successions_before_the_province_are_refused_and_write_nothing(db):
    call_command("units", "load", DEMO_UNIT_FILES[0], stdout=StringIO())
    before = table()

    with pytest.raises(Exception, match="không có đơn vị mã `86`"):
        call_command("units", "load", DEMO_UNIT_FILES[2], stdout=StringIO())

    assert table() == before
