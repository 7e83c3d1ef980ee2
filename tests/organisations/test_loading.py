"""Loading the shipped Trà Vinh files, and refusing broken ones without writing anything."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q, QuerySet

from thidua.organisations.loading import DATA_DIR, DataFileError
from thidua.organisations.models import (
    EmulationGroup,
    GroupMembership,
    Unit,
    UnitKind,
    UnitSuccession,
)
from thidua.organisations.services import LoadSummary, groups_load, units_load

UNITS_FILE = DATA_DIR / "tra-vinh.yaml"
GROUPS_FILE = DATA_DIR / "tra-vinh-groups.yaml"
GENERAL_KNOWLEDGE = "Tên theo hiểu biết chung, chưa đối chiếu nguồn trong shared/data"


def load_units(path: Path = UNITS_FILE) -> LoadSummary:
    return units_load(data=path.read_text(encoding="utf-8"), source_name=path.name)


def valid_on(day: dt.date, **filters: object) -> QuerySet[Unit]:
    return Unit.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        **filters,
    )


def snapshot() -> list[tuple[object, ...]]:
    """Everything the loaders write, to compare before and after a refused load."""
    return [
        *Unit.objects.values_list("code", "name", "parent__code", "valid_to", "path"),
        *UnitSuccession.objects.values_list("predecessor__code", "successor__code", "basis"),
        *EmulationGroup.objects.values_list("code", "year", "name"),
        *GroupMembership.objects.values_list("group__code", "group__year", "unit__code", "role"),
    ]


@pytest.fixture
def tra_vinh(db: None) -> LoadSummary:
    return load_units()


def test_shipped_file_district_units_valid_on_plan_date(tra_vinh):
    districts = valid_on(dt.date(2024, 11, 11), kind=UnitKind.DISTRICT)

    assert sorted(districts.values_list("code", flat=True)) == [
        "TV-CK", "TV-CL", "TV-CN", "TV-CT", "TV-DH", "TV-TC", "TV-TCU", "TV-TPTV", "TV-TXDH",
    ]  # fmt: skip
    assert Counter(districts.values_list("subkind", flat=True)) == {
        "huyện": 7, "thị xã": 1, "thành phố": 1,
    }  # fmt: skip
    assert not valid_on(dt.date(2025, 7, 1), kind=UnitKind.DISTRICT).exists()


def test_shipped_file_communes_per_district_match_the_table(tra_vinh):
    communes = valid_on(dt.date(2024, 11, 11), kind=UnitKind.COMMUNE)

    assert communes.count() == 106
    assert Counter(communes.values_list("parent__code", flat=True)) == {
        "TV-TPTV": 10, "TV-TXDH": 7, "TV-CL": 14, "TV-CK": 11, "TV-TC": 11,
        "TV-CT": 14, "TV-CN": 15, "TV-TCU": 17, "TV-DH": 7,
    }  # fmt: skip
    assert Counter(communes.values_list("subkind", flat=True)) == {
        "xã": 85, "thị trấn": 10, "phường": 11,
    }  # fmt: skip
    assert {"TV-TPTV-P2", "TV-TPTV-P6", "TV-CK-TT-CAU-KE", "TV-CK-PHONG-PHU"} <= set(
        communes.values_list("code", flat=True)
    )
    assert Unit.objects.get(code="TV-CK-TT-CAU-KE").name == "Thị trấn Cầu Kè"
    assert Unit.objects.get(code="TV-CK-PHONG-PHU").name == "Xã Phong Phú"


def test_shipped_file_two_wards_end_on_1_january_2025(tra_vinh):
    communes = valid_on(dt.date(2025, 1, 1), kind=UnitKind.COMMUNE)

    assert communes.count() == 104
    assert not communes.filter(code__in=["TV-TPTV-P2", "TV-TPTV-P6"]).exists()
    assert communes.filter(parent__code="TV-TPTV").count() == 8


def test_shipped_file_departments_before_and_after_1_march_2025(tra_vinh):
    before = valid_on(dt.date(2025, 2, 28), kind=UnitKind.DEPARTMENT)
    after = valid_on(dt.date(2025, 3, 1), kind=UnitKind.DEPARTMENT)

    assert before.count() == 18
    assert after.count() == 13
    assert set(after.values_list("code", flat=True)) - set(
        before.values_list("code", flat=True)
    ) == {
        "TV-SNNMT",
        "TV-SDTTG",
    }
    assert Unit.objects.get(code="TV-SNNMT").name == "Sở Nông nghiệp và Môi trường"


def test_shipped_file_paths_follow_the_tree(tra_vinh):
    root = Unit.objects.get(code="TV")
    district = Unit.objects.get(code="TV-CK")
    commune = Unit.objects.get(code="TV-CK-PHONG-PHU")

    assert root.path == f"/{root.pk}/"
    assert district.path == f"{root.path}{district.pk}/"
    assert commune.path == f"{district.path}{commune.pk}/"
    assert commune.depth == 2
    assert (
        not Unit.objects.filter(kind=UnitKind.COMMUNE).exclude(path__startswith=root.path).exists()
    )
    # Vĩnh Long is the official unit 86 (units load vn), not a unit of this file.
    assert not Unit.objects.filter(code="VL").exists()


def test_shipped_file_successions_recorded(tra_vinh):
    rows = set(
        UnitSuccession.objects.values_list(
            "predecessor__code", "successor__code", "kind", "effective"
        )
    )

    assert ("TV-TPTV-P2", "TV-TPTV-P3", "merge", dt.date(2025, 1, 1)) in rows
    assert ("TV-TPTV-P6", "TV-TPTV-P3", "merge", dt.date(2025, 1, 1)) in rows
    assert ("TV-SKHDT", "TV-STC", "merge", dt.date(2025, 3, 1)) in rows
    assert ("TV-SLDTBXH", "TV-SNV", "merge", dt.date(2025, 3, 1)) in rows
    assert ("TV-SNNPTNT", "TV-SNNMT", "merge", dt.date(2025, 3, 1)) in rows
    assert ("TV-STNMT", "TV-SNNMT", "merge", dt.date(2025, 3, 1)) in rows
    # The successions of 01/7/2025 (to the official Vĩnh Long, 86) are in their own file,
    # vinh-long-2025-successions.yaml (tests/organisations/test_vinh_long_successions.py).
    assert not {p for p, _s, _kind, day in rows if day == dt.date(2025, 7, 1)}
    assert "1277/NQ-UBTVQH15" in UnitSuccession.objects.get(predecessor__code="TV-TPTV-P2").basis


def test_shipped_file_marks_unsourced_commune_names(tra_vinh):
    unsourced = Unit.objects.filter(source=GENERAL_KNOWLEDGE)

    assert Counter(unsourced.values_list("parent__code", flat=True)) == {
        "TV-CL": 13, "TV-CK": 10, "TV-TC": 9, "TV-TCU": 15, "TV-DH": 6,
    }  # fmt: skip
    assert set(unsourced.values_list("subkind", flat=True)) == {"xã"}
    assert Unit.objects.get(code="TV-CN-VINH-KIM").source.startswith("https://")


def test_units_load_twice_creates_no_duplicates(tra_vinh):
    before = snapshot()

    again = load_units()

    assert (tra_vinh.created, again.created, again.updated) == (154, 0, 0)
    assert again.tallies["units"].unchanged == 145
    assert snapshot() == before


def test_units_load_updates_a_changed_unit_and_moves_its_subtree(tra_vinh, tmp_path):
    text = UNITS_FILE.read_text(encoding="utf-8").replace(
        "  - code: TV-CK\n    name: Huyện Cầu Kè\n    kind: district\n    subkind: huyện\n    parent: TV\n",
        "  - code: TV-CK\n    name: Huyện Cầu Kè (mới)\n    kind: district\n    subkind: huyện\n"
        "    parent: TV-TC\n",
    )
    changed = tmp_path / "tra-vinh.yaml"
    changed.write_text(text, encoding="utf-8")

    summary = load_units(changed)

    assert (summary.created, summary.updated) == (0, 1)
    district = Unit.objects.get(code="TV-CK")
    assert district.name == "Huyện Cầu Kè (mới)"
    assert Unit.objects.get(code="TV-CK-PHONG-PHU").path.startswith(district.path)
    assert district.path.startswith(Unit.objects.get(code="TV-TC").path)


BROKEN = {
    "unknown parent": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Đơn vị mới\n"
        "    kind: other\n    parent: TV-XX\n    source: thử\n",
        "Dòng 6, trường `parent`: không có đơn vị mã `TV-XX`.",
    ),
    "bad date": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Đơn vị mới\n"
        "    kind: other\n    parent: TV\n    valid_to: 2025-02-30\n    source: thử\n",
        "Dòng 7, trường `valid_to`: phải là một ngày có thật, viết YYYY-MM-DD",
    ),
    "duplicate code": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Một\n    kind: other\n"
        "    source: thử\n  - code: NEW\n    name: Hai\n    kind: other\n    source: thử\n",
        "Dòng 7, trường `code`: mã `NEW` bị trùng (đã có ở dòng 3).",
    ),
    "unknown key": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Đơn vị mới\n"
        "    kind: other\n    colour: đỏ\n    source: thử\n",
        "Dòng 6, trường `colour`: trường này không có trong định dạng",
    ),
    "end before start": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Đơn vị mới\n    kind: other\n"
        "    valid_from: 2025-03-01\n    valid_to: 2025-02-28\n    source: thử\n",
        "Dòng 7, trường `valid_to`: ngày hết hiệu lực (28/02/2025) trước ngày bắt đầu",
    ),
    "unknown kind": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Đơn vị mới\n"
        "    kind: ministry\n    source: thử\n",
        "Dòng 5, trường `kind`: giá trị `ministry` không hợp lệ",
    ),
    "missing name": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    kind: other\n    source: thử\n",
        "Dòng 3, trường `name`: thiếu trường bắt buộc.",
    ),
    "empty required value": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name:\n    kind: other\n"
        "    source: thử\n",
        "Dòng 4, trường `name`: không được để trống.",
    ),
    "parent cycle through the database": (
        "format: thidua/units@1\nunits:\n  - code: TV-CK\n    name: Huyện Cầu Kè\n"
        "    kind: district\n    parent: TV-CK-PHONG-PHU\n    source: thử\n",
        "Dòng 6, trường `parent`: đơn vị `TV-CK` nằm trong một vòng cha - con.",
    ),
    "parent cycle in the file": (
        "format: thidua/units@1\nunits:\n  - code: NEW\n    name: Một\n    kind: other\n"
        "    parent: NEW2\n    source: thử\n  - code: NEW2\n    name: Hai\n    kind: other\n"
        "    parent: NEW\n    source: thử\n",
        "Dòng 6, trường `parent`: đơn vị `NEW` nằm trong một vòng cha - con.",
    ),
    "succession to an unknown unit": (
        "format: thidua/units@1\nunits: []\nsuccessions:\n  - predecessor: TV-SKHDT\n"
        "    successor: TV-NOPE\n    effective: 2025-03-01\n    kind: merge\n    basis: thử\n",
        "Dòng 5, trường `successor`: không có đơn vị mã `TV-NOPE`.",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_units_load_broken_file_names_line_and_field_and_writes_nothing(tra_vinh, case):
    text, expected = BROKEN[case]
    before = snapshot()

    with pytest.raises(DataFileError) as caught:
        units_load(data=text, source_name="hong.yaml")

    assert any(str(error).startswith(expected) for error in caught.value.errors), (
        caught.value.errors
    )
    assert snapshot() == before
    assert not Unit.objects.filter(code="NEW").exists()


def test_units_load_lists_every_problem_at_once(db):
    text = (
        BROKEN["unknown parent"][0] + "  - code: TWO\n    name: Hai\n    kind: bad\n    source: x\n"
    )

    with pytest.raises(DataFileError) as caught:
        units_load(data=text, source_name="hong.yaml")

    assert [(e.line, e.field) for e in caught.value.errors] == [(6, "parent"), (10, "kind")]
    assert not Unit.objects.exists()


def test_units_command_broken_file_exits_with_every_error(tra_vinh, tmp_path):
    broken = tmp_path / "hong.yaml"
    broken.write_text(
        BROKEN["unknown parent"][0]
        + "  - code: NEW\n    name: Hai\n    kind: other\n    colour: đỏ\n    source: thử\n",
        encoding="utf-8",
    )
    before = snapshot()

    with pytest.raises(CommandError) as caught:
        call_command("units", "load", str(broken))

    message = str(caught.value)
    assert "Tệp hong.yaml có 3 lỗi; chưa ghi gì vào cơ sở dữ liệu" in message
    assert "Dòng 6, trường `parent`: không có đơn vị mã `TV-XX`." in message
    assert "Dòng 8, trường `code`: mã `NEW` bị trùng (đã có ở dòng 3)." in message
    assert "Dòng 11, trường `colour`" in message
    assert snapshot() == before


def test_units_command_shorthand_loads_shipped_files(db):
    out = StringIO()

    call_command("units", "load", "tra-vinh", stdout=out)
    call_command("units", "load-groups", "tra-vinh", stdout=out)

    text = out.getvalue()
    assert "Đã nạp tra-vinh.yaml — đơn vị: 145 mới" in text
    assert "Đã nạp tra-vinh-groups.yaml — cụm, khối: 12 mới" in text
    assert Unit.objects.count() == 145


def test_units_command_missing_file_says_so(db):
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("units", "load", "khong-co-tep-nay")


# --- Cụm, Khối thi đua ------------------------------------------------------------------


def load_groups(text: str | None = None) -> LoadSummary:
    text = GROUPS_FILE.read_text(encoding="utf-8") if text is None else text
    return groups_load(data=text, source_name="tra-vinh-groups.yaml")


def test_groups_shipped_file_one_leader_rotated_between_years(tra_vinh):
    summary = load_groups()

    assert summary.tallies["groups"].created == 12
    roles = Counter(GroupMembership.objects.values_list("group__code", "group__year", "role"))
    for group in EmulationGroup.objects.all():
        assert roles[(group.code, group.year, "leader")] == 1, group
        assert roles[(group.code, group.year, "deputy")] == 1, group
        assert group.organiser.code == "TV"
    leaders = {
        year: dict(
            GroupMembership.objects.filter(role="leader", group__year=year).values_list(
                "group__code", "unit__code"
            )
        )
        for year in (2024, 2025)
    }
    assert set(leaders[2024]) == set(leaders[2025]) == {
        "CUM-1", "CUM-2", "KHOI-TH", "KHOI-KT", "KHOI-VHXH", "KHOI-DT",
    }  # fmt: skip
    assert all(leaders[2024][code] != leaders[2025][code] for code in leaders[2024])


def test_groups_shipped_file_2025_uses_only_units_after_reorganisation(tra_vinh):
    load_groups()

    members_2025 = Unit.objects.filter(group_memberships__group__year=2025)
    blocks_2024 = Unit.objects.filter(
        group_memberships__group__year=2024, group_memberships__group__kind="block"
    )

    assert (
        members_2025.count()
        == valid_on(dt.date(2025, 3, 1)).filter(pk__in=members_2025.values("pk")).count()
    )
    assert members_2025.filter(kind=UnitKind.DEPARTMENT).count() == 13
    assert blocks_2024.filter(kind=UnitKind.DEPARTMENT).count() == 18
    assert members_2025.filter(kind=UnitKind.DISTRICT).count() == 9


def test_groups_load_twice_changes_nothing(tra_vinh):
    load_groups()
    before = snapshot()

    again = load_groups()

    assert (again.created, again.updated) == (0, 0)
    assert snapshot() == before


def test_groups_load_replaces_memberships_and_moves_the_leader(tra_vinh):
    load_groups()
    text = (
        "format: thidua/groups@1\norganiser: TV\ngroups:\n  - code: CUM-1\n    year: 2024\n"
        "    kind: cluster\n    name: Cụm thi đua số 1 (sửa)\n    members:\n"
        "      - {unit: TV-CL, role: leader}\n      - {unit: TV-TPTV, role: deputy}\n"
        "      - {unit: TV-CT}\n"
    )

    summary = load_groups(text)

    group = EmulationGroup.objects.get(code="CUM-1", year=2024)
    assert group.name == "Cụm thi đua số 1 (sửa)"
    assert set(group.memberships.values_list("unit__code", "role")) == {
        ("TV-CL", "leader"), ("TV-TPTV", "deputy"), ("TV-CT", "member"),
    }  # fmt: skip
    assert summary.tallies["memberships"].deleted == 2
    assert EmulationGroup.objects.filter(code="CUM-1", year=2025).get().memberships.count() == 5


def test_groups_load_second_leader_and_unknown_unit_refused(tra_vinh):
    load_groups()
    before = snapshot()
    text = (
        "format: thidua/groups@1\norganiser: TV\ngroups:\n  - code: CUM-1\n    year: 2024\n"
        "    kind: cluster\n    name: Cụm 1\n    members:\n"
        "      - {unit: TV-CL, role: leader}\n      - {unit: TV-CT, role: leader}\n"
        "      - {unit: TV-XX}\n"
    )

    with pytest.raises(DataFileError) as caught:
        load_groups(text)

    messages = [str(error) for error in caught.value.errors]
    assert messages[0].startswith(
        "Dòng 10, trường `role`: đã có trưởng cụm, khối là `TV-CL` (dòng 9)"
    )
    assert messages[1].startswith("Dòng 11, trường `unit`: không có đơn vị mã `TV-XX`")
    assert snapshot() == before


def test_groups_load_unit_not_valid_that_year_refused(tra_vinh):
    text = (
        "format: thidua/groups@1\norganiser: TV\ngroups:\n  - code: KHOI-KT\n    year: 2026\n"
        "    kind: block\n    name: Khối kinh tế\n    members:\n      - {unit: TV-SKHDT}\n"
    )

    with pytest.raises(DataFileError, match="không có hiệu lực trong năm 2026"):
        load_groups(text)

    assert not EmulationGroup.objects.exists()
