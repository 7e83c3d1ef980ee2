"""The provinces and communes of today from the vietnam-provinces package (units load vn)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import GroupMembershipFactory, MembershipFactory
from thidua.organisations import divisions
from thidua.organisations.divisions import (
    Commune,
    Dataset,
    Province,
    UnknownProvince,
    find_province,
    package_dataset,
)
from thidua.organisations.divisions_loading import REORGANISED, CodeTaken, divisions_load
from thidua.organisations.models import GroupMembership, Unit, UnitKind
from thidua.organisations.services import units_load

PACKAGE = package_dataset()
TEMPLATE = Path(divisions.__file__).parent / "data" / "template-province-units.yaml"
LOAD_DAY = dt.date(2026, 3, 2)


def province(code: str) -> Province:
    return next(p for p in PACKAGE.provinces if p.code == code)


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Unit.objects.order_by("code").values_list(
            "code", "name", "kind", "subkind", "parent__code", "valid_from", "valid_to", "source"
        )
    )


def newer(changes: dict[str, tuple[Commune, ...]], version: str = "2026.1.0") -> Dataset:
    """The package's dataset with some provinces' communes replaced (a later version)."""
    provinces = tuple(
        dataclasses.replace(p, communes=changes.get(p.code, p.communes)) for p in PACKAGE.provinces
    )
    return Dataset(version=version, data_version="2026-02-01", provinces=provinces)


@pytest.fixture
def two_provinces(db: None) -> None:
    divisions_load(["vinh long", "Huế"], day=LOAD_DAY)


def test_package_dataset_is_the_34_provinces_and_3321_communes():
    kinds = Counter(c.division_type for p in PACKAGE.provinces for c in p.communes)

    assert PACKAGE.version == "2025.10.1"
    assert len(PACKAGE.provinces) == 34
    assert PACKAGE.commune_count == 3321
    assert kinds == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert province("86").name == "Vĩnh Long"
    assert province("01").communes[0] == Commune("00070", "Phường Hoàn Kiếm", "phường")


def test_two_provinces_load_as_many_units_as_the_package_lists(two_provinces):
    for code in ("86", "46"):
        expected = province(code)
        unit = Unit.objects.get(code=code)
        communes = Unit.objects.filter(parent=unit)

        assert communes.count() == len(expected.communes)
        assert sorted(communes.values_list("code", "name")) == sorted(
            (c.code, c.name) for c in expected.communes
        )
        assert set(communes.values_list("kind", flat=True)) == {UnitKind.COMMUNE}
    # Nghị quyết 202/2025/QH15: Vĩnh Long has 124 commune-level units, 19 phường and 105 xã.
    vinh_long = Unit.objects.filter(parent__code="86")
    assert Counter(vinh_long.values_list("subkind", flat=True)) == {"xã": 105, "phường": 19}
    assert Unit.objects.count() == 2 + 124 + 40


def test_province_unit_named_as_the_existing_units_are(two_provinces):
    vinh_long = Unit.objects.get(code="86")
    hue = Unit.objects.get(code="46")
    commune = Unit.objects.get(code=province("86").communes[0].code)

    assert (vinh_long.name, vinh_long.short_name) == (
        "Ủy ban nhân dân tỉnh Vĩnh Long",
        "UBND tỉnh Vĩnh Long",
    )
    assert (vinh_long.kind, vinh_long.subkind, vinh_long.parent_id) == ("province", "tỉnh", None)
    assert hue.short_name == "UBND thành phố Huế"
    assert hue.subkind == "thành phố trung ương"
    assert commune.parent == vinh_long
    assert commune.path == f"/{vinh_long.pk}/{commune.pk}/"
    assert (vinh_long.valid_from, commune.valid_from, commune.valid_to) == (
        REORGANISED,
        REORGANISED,
        None,
    )
    assert "vietnam-provinces 2025.10.1" in commune.source
    assert "Nghị quyết 202/2025/QH15" in commune.source


def test_second_load_creates_nothing_and_changes_nothing(two_provinces):
    before = snapshot()

    summary = divisions_load(["86", "46"], day=LOAD_DAY + dt.timedelta(days=30))

    assert (summary.created, summary.changed, summary.ended) == (0, 0, 0)
    assert snapshot() == before
    assert "- Vĩnh Long (86): 125 đơn vị — 0 mới, 0 thay đổi, 125 không đổi, 0 kết thúc." in (
        summary.describe()
    )


def test_newer_list_renames_adds_and_ends_never_deleting_a_unit_with_history(two_provinces):
    first, second, *rest = province("86").communes
    gone = Unit.objects.get(code=first.code)
    GroupMembershipFactory(unit=gone)
    MembershipFactory(unit=gone)
    renamed = dataclasses.replace(second, name="Phường Mới Đổi Tên")
    added = Commune("99999", "Xã Thêm Mới", "xã")
    dataset = newer({"86": (renamed, *rest, added)})

    summary = divisions_load(["86"], dataset=dataset, day=LOAD_DAY)

    gone.refresh_from_db()
    assert gone.valid_to == LOAD_DAY - dt.timedelta(days=1)
    assert "Không còn trong gói vietnam-provinces 2026.1.0 (nạp ngày 02/03/2026)" in gone.source
    assert GroupMembership.objects.filter(unit=gone).exists()
    assert gone.memberships.count() == 1
    assert Unit.objects.get(code=second.code).name == "Phường Mới Đổi Tên"
    new = Unit.objects.get(code="99999")
    assert (new.parent.code, new.valid_from, new.valid_to) == ("86", LOAD_DAY, None)
    assert "vietnam-provinces 2026.1.0" in new.source
    text = summary.describe()
    assert "1 mới, 1 thay đổi, 123 không đổi, 1 kết thúc" in text
    assert f"    đổi tên: {second.code} {second.name} → Phường Mới Đổi Tên" in text
    assert "    thêm: 99999 Xã Thêm Mới" in text
    assert f"hiệu lực đến 01/03/2026 (không xóa): {first.code} {first.name}" in text
    assert Unit.objects.filter(parent__code="86").count() == 124 + 1


def test_newer_list_loaded_twice_changes_nothing_the_second_time(two_provinces):
    dataset = newer({"86": province("86").communes[1:]})
    divisions_load(["86"], dataset=dataset, day=LOAD_DAY)
    before = snapshot()

    summary = divisions_load(["86"], dataset=dataset, day=LOAD_DAY + dt.timedelta(days=7))

    assert (summary.created, summary.changed, summary.ended) == (0, 0, 0)
    assert snapshot() == before


def test_commune_moved_to_another_province_is_moved_not_ended(two_provinces):
    moving = province("46").communes[0]
    dataset = newer({"46": province("46").communes[1:], "86": (*province("86").communes, moving)})

    divisions_load(["46", "86"], dataset=dataset, day=LOAD_DAY)

    unit = Unit.objects.get(code=moving.code)
    assert (unit.parent.code, unit.valid_to) == ("86", None)
    assert unit.path.startswith(Unit.objects.get(code="86").path)


def test_units_loaded_from_a_file_under_the_province_are_never_ended(two_provinces):
    units_load(data=TEMPLATE.read_text(encoding="utf-8"), source_name=TEMPLATE.name)

    divisions_load(["86"], dataset=newer({"86": ()}), day=LOAD_DAY)

    added = Unit.objects.filter(code__startswith="86-")
    assert added.count() == 8
    assert not added.filter(valid_to__isnull=False).exists()
    assert Unit.objects.filter(parent__code="86", kind=UnitKind.COMMUNE, valid_to=None).count() == 0


def test_template_loads_under_the_province_with_one_of_each_kind(two_provinces):
    summary = units_load(data=TEMPLATE.read_text(encoding="utf-8"), source_name=TEMPLATE.name)

    assert summary.created == 8
    kinds = Counter(Unit.objects.filter(code__startswith="86-").values_list("kind", flat=True))
    assert kinds == {"department": 3, "mass_organisation": 3, "other": 1, "enterprise": 1}
    assert Unit.objects.get(code="86-SYT-BVDK").parent.code == "86-SYT"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("vinh long", "86"),
        ("Vĩnh Long", "86"),
        ("  VĨNH   LONG ", "86"),
        ("tỉnh Vĩnh Long", "86"),
        ("86", "86"),
        ("ha noi", "01"),
        ("1", "01"),
        ("01", "01"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("tp ho chi minh", "79"),
        ("dak lak", "66"),
        ("Hue", "46"),
    ],
)
def test_province_found_by_code_or_name_without_diacritics(query, code):
    assert find_province(PACKAGE, query).code == code


def test_unknown_province_lists_close_matches():
    with pytest.raises(UnknownProvince) as caught:
        find_province(PACKAGE, "vinh lon")

    assert [p.code for p in caught.value.suggestions] == ["86"]
    assert caught.value.message == (
        "Không có tỉnh, thành phố “vinh lon” trong danh mục. Có phải: Vĩnh Long (86)?"
    )


def test_unknown_province_is_refused_with_nothing_written(db):
    with pytest.raises(UnknownProvince):
        divisions_load(["86", "Trà Vinh"], day=LOAD_DAY)

    assert not Unit.objects.exists()


def test_command_refuses_unknown_province_in_vietnamese(db):
    with pytest.raises(CommandError) as caught:
        call_command("units", "load", "vn", "--province", "xyz")

    assert "Không có tỉnh, thành phố “xyz” trong danh mục" in str(caught.value)
    assert "Vĩnh Long (86)" in str(caught.value)
    assert not Unit.objects.exists()


def test_official_code_held_by_another_kind_of_unit_is_refused(db):
    Unit.objects.create(code="86", name="Một sở đặt mã trùng", kind=UnitKind.DEPARTMENT)

    with pytest.raises(CodeTaken, match="mã 86 đã là của “Một sở đặt mã trùng”"):
        divisions_load(["86"], day=LOAD_DAY)

    assert Unit.objects.count() == 1


def test_official_codes_live_beside_the_tra_vinh_demo_codes(db):
    call_command("units", "load", "tra-vinh", stdout=StringIO())
    before = snapshot()

    divisions_load(["86"], day=LOAD_DAY)

    assert Unit.objects.count() == len(before) + 125
    assert [row for row in snapshot() if not str(row[0]).isdigit()] == before


def test_command_loads_a_province_then_reports_nothing_changed(db):
    out = StringIO()

    call_command("units", "load", "vn", "--province", "Vĩnh Long", stdout=out)
    call_command("units", "load", "vn", "--province", "86", "--date", "2026-03-02", stdout=out)

    lines = out.getvalue().splitlines()
    assert (
        lines[1] == "- Vĩnh Long (86): 125 đơn vị — 125 mới, 0 thay đổi, 0 không đổi, 0 kết thúc."
    )
    assert lines[-1] == (
        "Tổng: 1 tỉnh, thành phố và 124 xã, phường, đặc khu — "
        "0 mới, 0 thay đổi, 125 không đổi, 0 kết thúc."
    )


def test_command_needs_province_or_all(db):
    with pytest.raises(CommandError, match="--province MÃ_HOẶC_TÊN hoặc --all"):
        call_command("units", "load", "vn")


def test_all_34_provinces_load_with_their_3321_communes(db):
    started = time.perf_counter()

    summary = divisions_load(day=LOAD_DAY)

    elapsed = time.perf_counter() - started
    assert Unit.objects.filter(kind=UnitKind.PROVINCE).count() == 34
    assert Unit.objects.filter(kind=UnitKind.COMMUNE).count() == 3321
    assert summary.created == 3355
    assert summary.describe().endswith(
        "Tổng: 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu — "
        "3.355 mới, 0 thay đổi, 0 không đổi, 0 kết thúc."
    )
    assert elapsed < 60, f"loading the 34 provinces took {elapsed:.1f} s"
