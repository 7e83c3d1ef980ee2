"""The award history: search without diacritics, a nominee's awards across years
(archive records included), visibility, the XLSX export."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.awards import NomineeFactory
from tests.factories.decisions import AwardRecordFactory, World, issued
from thidua.awards.models import AwardRecord
from thidua.organisations.models import Unit


@pytest.fixture
def history(world: World) -> World:
    issued(world)
    hoa = world.hoa.nominee
    AwardRecordFactory(
        nominee=hoa,
        form=world.gk,
        year=2023,
        decision_number="77/QĐ-UBND",
        decision_date=dt.date(2023, 12, 20),
    )
    AwardRecordFactory(
        nominee=hoa,
        form=world.gk,
        year=2022,
        decision_number="66/QĐ-UBND",
        decision_date=dt.date(2022, 12, 15),
    )
    return world


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_history_search_without_diacritics(history: World) -> None:
    page = _client(history.secretariat).get(reverse("decisions:history"), {"q": "tran thi hoa"})

    text = page.content.decode()
    assert "Trần Thị Hoa" in text
    assert "77/QĐ-UBND" in text and "66/QĐ-UBND" in text and "1234/QĐ-UBND" in text
    assert "Lê Văn Nam" not in text


def test_history_search_no_match_says_so(history: World) -> None:
    page = _client(history.secretariat).get(reverse("decisions:history"), {"q": "khong ai"})

    assert "Không tìm thấy khen thưởng nào" in page.content.decode()


def test_nominee_page_lists_awards_across_years(history: World) -> None:
    page = _client(history.secretariat).get(
        reverse("decisions:nominee", args=[history.hoa.nominee_id])
    )

    text = page.content.decode()
    assert text.index("1234/QĐ-UBND") < text.index("77/QĐ-UBND") < text.index("66/QĐ-UBND")
    assert "lưu trữ" in text


@pytest.mark.parametrize(
    ("who", "sees", "hidden"),
    [
        ("secretariat", ["Trần Thị Hoa", "Lê Văn Nam"], []),
        ("leader", ["Trần Thị Hoa", "Lê Văn Nam"], []),
        ("officer_a1", ["Trần Thị Hoa"], ["Lê Văn Nam"]),
        ("officer_b1", ["Lê Văn Nam"], ["Trần Thị Hoa"]),
        ("officer_district_a", ["Trần Thị Hoa"], ["Lê Văn Nam"]),
        ("other_secretariat", [], ["Trần Thị Hoa", "Lê Văn Nam"]),
    ],
)
def test_history_visibility(history: World, who: str, sees: list[str], hidden: list[str]) -> None:
    text = _client(getattr(history, who)).get(reverse("decisions:history")).content.decode()

    assert all(name in text for name in sees)
    assert not any(name in text for name in hidden)


def test_nominee_page_of_a_sibling_is_404(history: World) -> None:
    answer = _client(history.officer_b1).get(
        reverse("decisions:nominee", args=[history.hoa.nominee_id])
    )

    assert answer.status_code == 404
    assert "Trần Thị Hoa" not in answer.content.decode()


def test_history_export_xlsx(history: World) -> None:
    answer = _client(history.officer_a1).get(reverse("decisions:history_xlsx"), {"q": "hoa"})

    sheet = load_workbook(io.BytesIO(answer.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Họ tên / tên", "Đối tượng", "Đơn vị khi được khen", "Hình thức")
    numbers = sorted(r[6] for r in rows[1:])
    assert numbers == ["1234/QĐ-UBND", "66/QĐ-UBND", "77/QĐ-UBND"]
    assert all(r[0] == "Trần Thị Hoa" for r in rows[1:])
    assert AwardRecord.objects.count() == 6


def _archive_without_unit(province_root, name: str, number: str) -> AwardRecord:  # type: ignore[no-untyped-def]
    """An archive record of a nominee who no longer belongs to any unit, kept by the
    province ``province_root``."""
    return AwardRecordFactory(
        nominee=NomineeFactory(unit=None, name=name),
        province=province_root,
        decision_number=number,
    )


def test_a_province_secretariat_does_not_see_another_province_archive_records(
    history: World,
) -> None:
    """Issue #16: the unit-less archive records of province B are not shown to province
    A's Ban TĐKT (history page, nominee page, XLSX export), and A's own still are."""
    other_root = Unit.objects.get(code="Q")
    own = _archive_without_unit(history.province.root, "Đinh Văn Lưu", "501/QĐ-LT")
    foreign = _archive_without_unit(other_root, "Hồ Thị Khác", "502/QĐ-KH")
    ours, theirs = _client(history.secretariat), _client(history.other_secretariat)

    page = ours.get(reverse("decisions:history")).content.decode()
    assert "Đinh Văn Lưu" in page and "Hồ Thị Khác" not in page
    page = theirs.get(reverse("decisions:history")).content.decode()
    assert "Hồ Thị Khác" in page and "Đinh Văn Lưu" not in page

    assert ours.get(reverse("decisions:nominee", args=[foreign.nominee_id])).status_code == 404
    assert theirs.get(reverse("decisions:nominee", args=[own.nominee_id])).status_code == 404

    for client, seen, unseen in (
        (ours, "501/QĐ-LT", "502/QĐ-KH"),
        (theirs, "502/QĐ-KH", "501/QĐ-LT"),
    ):
        sheet = load_workbook(io.BytesIO(client.get(reverse("decisions:history_xlsx")).content))
        numbers = {row[6] for row in sheet.active.iter_rows(min_row=2, values_only=True)}
        assert seen in numbers and unseen not in numbers


def test_an_archive_record_takes_its_nominee_province(history: World) -> None:
    """A record saved without a province takes the root of its nominee's unit."""
    record = AwardRecordFactory(nominee=history.hoa.nominee)

    assert record.province_id == history.province.root.pk


def test_a_record_of_an_unassigned_archive_is_read_by_no_province(history: World) -> None:
    """Without a unit, a nomination or a province, nobody but the national administrator
    reads the record (it waits for the administrator to assign it)."""
    AwardRecordFactory(nominee=NomineeFactory(unit=None, name="Vô Chủ"), decision_number="9/X")

    for who in ("secretariat", "other_secretariat", "leader"):
        page = _client(getattr(history, who)).get(reverse("decisions:history"))
        assert "Vô Chủ" not in page.content.decode()


def test_the_migration_gives_existing_records_their_province(history: World) -> None:
    """0007 assigns existing rows: the nominee's province, else the province granting
    the nomination; a unit-less archive record without a nomination stays unassigned."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("thidua.awards.migrations.0007_award_record_province")
    unit_less = NomineeFactory(unit=None, name="Không Đơn Vị")
    decided = AwardRecord.objects.filter(nomination__isnull=False).first()
    assert decided is not None
    from thidua.awards.models import Nominee

    Nominee.objects.filter(pk=decided.nominee_id).update(unit=None)
    orphan = AwardRecordFactory(nominee=unit_less)
    AwardRecord.objects.update(province=None)

    migration.assign_provinces(apps, None)

    root = history.province.root.pk
    archive = AwardRecord.objects.filter(nomination__isnull=True).exclude(pk=orphan.pk)
    assert set(archive.values_list("province_id", flat=True)) == {root}
    assert AwardRecord.objects.get(pk=decided.pk).province_id == root
    assert AwardRecord.objects.get(pk=orphan.pk).province_id is None


def test_history_export_streams_rows_in_constant_queries(history: World) -> None:
    """Issue #16: the export writes every row with its date and amount formats, and the
    number of queries does not grow with the rows (no per-row query)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(history.secretariat)

    def export() -> tuple[int, list[tuple[object, ...]], object]:
        with CaptureQueriesContext(connection) as captured:
            answer = client.get(reverse("decisions:history_xlsx"))
        sheet = load_workbook(io.BytesIO(answer.content)).active
        return len(captured), list(sheet.iter_rows(min_row=2)), sheet

    few, rows, sheet = export()
    for number in range(30):
        AwardRecordFactory(
            nominee=NomineeFactory(unit=history.hoa.nominee.unit, name=f"Người {number}"),
            form=history.gk,
            decision_number=f"{900 + number}/QĐ-UBND",
            amount=1500000,
        )
    many, more_rows, sheet = export()

    assert many == few
    assert len(more_rows) == len(rows) + 30
    assert sheet.freeze_panes == "A2"
    row = next(r for r in more_rows if r[6].value == "900/QĐ-UBND")
    assert row[7].number_format == "DD/MM/YYYY" and row[9].number_format == "#,##0"
    assert row[9].value == 1500000
