"""Text people typed goes into a workbook as text, never as a formula (issue 15, item 4)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from thidua.documents.sheets import (
    SheetColumn,
    add_table,
    new_workbook,
    sheet_value,
    workbook_bytes,
)

HOSTILE = [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ('=HYPERLINK("http://evil.example/","click")', '\'=HYPERLINK("http://evil.example/","click")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
]


@pytest.mark.parametrize(("typed", "written"), HOSTILE)
def test_text_that_a_spreadsheet_would_run_gets_a_leading_apostrophe(typed: str, written: str):
    assert sheet_value(typed) == written


@pytest.mark.parametrize(
    "value",
    ["Đường giao thông ấp Phú Thạnh", "1+1=2", "", None, 12, Decimal("1.5"), dt.date(2025, 3, 1)],
)
def test_plain_text_numbers_and_dates_pass_unchanged(value: object):
    assert sheet_value(value) == value


def test_control_characters_xml_cannot_carry_are_dropped():
    assert sheet_value("Công\x00 trình\x1b số 1\x0b") == "Công trình số 1"


def test_a_table_writes_hostile_text_as_string_cells():
    book = new_workbook()
    columns = [SheetColumn("STT", 6), SheetColumn("Cơ quan, đơn vị", 40)]
    add_table(
        book,
        "Bảng",
        '=HYPERLINK("x","tiêu đề")',
        columns,
        [[i, t] for i, (t, _w) in enumerate(HOSTILE, 1)],
    )

    sheet = load_workbook(io.BytesIO(workbook_bytes(book)))["Bảng"]

    title = sheet.cell(row=1, column=1)
    assert (title.data_type, title.value) == ("s", '\'=HYPERLINK("x","tiêu đề")')
    cells = [sheet.cell(row=row, column=2) for row in range(3, 3 + len(HOSTILE))]
    assert [cell.data_type for cell in cells] == ["s"] * len(HOSTILE)
    assert [cell.value for cell in cells] == [written for _typed, written in HOSTILE]
