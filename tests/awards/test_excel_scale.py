"""The nomination import at scale (issue #16): its queries do not grow with the rows, and
a refusal in its last step leaves nothing written."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from tests.awards.test_excel import _book
from tests.factories.awards import Kh, NominationFactory, NomineeFactory, People
from thidua.awards.excel import COLUMNS, SHEET, import_nominations, sheet_rows
from thidua.awards.models import Nomination, NominationEvent, Nominee
from thidua.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _rows(count: int, phase: str = "Đợt 1") -> list[list[object]]:
    return [
        [f"Lê Thị Mai {n}", "Cá nhân", "Nữ", 1980 + n, "Y sĩ", "", "Bằng khen UBND tỉnh",
         phase, "", "Tiêu biểu"]
        for n in range(count)
    ]  # fmt: skip


def _import(kh: Kh, people: People, rows: list[list[object]], **kw: Any) -> Any:
    stream = _book(rows)
    return import_nominations(
        by=people.officer,
        campaign=kh.campaign,
        unit=kh.province.health,
        stream=stream,
        size=len(stream.getvalue()),
        **kw,
    )


@pytest.mark.parametrize("count", [1, 3, 40])
def test_queries_do_not_grow_with_the_rows(kh: Kh, people: People, count: int) -> None:
    """Rows of new people and of a known one (her nominee is reused, not doubled)."""
    NomineeFactory(name="Lê Thị Mai 0", kind="individual", birth_year=1980,
                   unit=kh.province.health)  # fmt: skip

    with CaptureQueriesContext(connection) as captured:
        result = _import(kh, people, _rows(count))

    assert result.errors == [] and result.created == count
    # the same for 3 and 40 rows; one row fewer for the single row, whose nominee exists
    # (no insert of new nominees)
    assert len(captured) == (13 if count > 1 else 12)
    assert Nominee.objects.filter(name="Lê Thị Mai 0").count() == 1
    assert NominationEvent.objects.filter(kind="create").count() == count


def test_a_decided_award_in_the_phase_is_named(kh: Kh, people: People) -> None:
    mai = NomineeFactory(name="Lê Thị Mai 1", kind="individual", birth_year=1981,
                         unit=kh.province.health)  # fmt: skip
    NominationFactory(campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health,
                      nominee=mai, state="decided")  # fmt: skip

    result = _import(kh, people, _rows(2))

    assert result.created == 0
    assert result.errors == [
        "Dòng 3: Lê Thị Mai 1 đã được khen “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” "
        "trong đợt này; một thành tích chỉ được khen một hình thức (Luật TĐKT 2022 Điều 5)."
    ]
    assert Nomination.objects.count() == 1


def test_a_refusal_before_commit_leaves_nothing(kh: Kh, people: People) -> None:
    def refuse(created: int, notes: list[str]) -> None:
        raise DomainError(f"cancelled after {created}")

    with pytest.raises(DomainError, match="cancelled after 3"):
        _import(kh, people, _rows(3), before_commit=refuse)

    assert (Nomination.objects.count(), Nominee.objects.count()) == (0, 0)
    assert NominationEvent.objects.count() == 0


def test_a_long_name_is_refused_with_both_lengths(kh: Kh, people: People) -> None:
    rows = _rows(1)
    rows[0][0] = "A" * 300

    result = _import(kh, people, rows)

    assert result.errors == ["Dòng 2: Họ tên / tên dài 300 ký tự, tối đa 255: hãy rút gọn."]


def test_rows_are_counted_without_the_sheets_stated_dimension() -> None:
    """A file written in one stream (openpyxl's write-only mode, other tools) states no
    size: its rows are still counted, so a large one still becomes a job."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append([label for _key, label in COLUMNS])
    for row in _rows(7):
        sheet.append(row)
    streamed = BytesIO()
    book.save(streamed)

    assert sheet_rows(BytesIO(streamed.getvalue())) == 7
    assert sheet_rows(_book(_rows(3))) == 3
    assert sheet_rows(BytesIO(b"not a workbook")) == 0
