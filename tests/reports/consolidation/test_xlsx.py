"""Golden tests of the consolidated report's workbook, opened with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.factories.consolidation import GENERATED_ON, Quarter
from thidua.reports.consolidation import build_xlsx, consolidation_data


@pytest.fixture
def workbook(quarter: Quarter) -> Any:
    data = consolidation_data(quarter.period, today=GENERATED_ON)
    return load_workbook(io.BytesIO(build_xlsx(data)))


def _header(sheet: Any) -> list[Any]:
    return [cell.value for cell in sheet[2] if cell.value is not None]


def _rows(sheet: Any, width: int) -> list[list[Any]]:
    """The data rows (row 3 on) of the table's first ``width`` columns."""
    rows = sheet.iter_rows(min_row=3, max_col=width, values_only=True)
    return [list(row) for row in rows if any(v is not None for v in row)]


def test_xlsx_sheets_have_titles_and_frozen_headers(workbook: Any) -> None:
    assert workbook.sheetnames == [
        "Nộp báo cáo",
        "Chỉ tiêu",
        "Công trình theo huyện",
        "Công trình theo nội dung",
    ]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A3"
        assert sheet["A1"].font.bold
        assert sheet["A2"].value == "STT"
        assert sheet["A2"].font.bold
    assert workbook["Nộp báo cáo"]["A1"].value == (
        "Tình hình nộp báo cáo quý IV/2024 (hạn nộp 15/12/2024)"
    )


def test_xlsx_submission_sheet_counts_and_real_dates(workbook: Any) -> None:
    sheet = workbook["Nộp báo cáo"]

    assert _header(sheet)[:6] == [
        "STT",
        "Mã đơn vị",
        "Cơ quan, đơn vị",
        "Trạng thái",
        "Ngày nộp",
        "Ghi chú",
    ]
    rows = _rows(sheet, 6)
    assert len(rows) == 6
    assert rows[2] == [3, "P-SYT", "Sở Y tế", "Đã nộp", dt.datetime(2024, 12, 10), "Đúng hạn"]
    assert sheet["E5"].number_format == "dd/mm/yyyy"
    assert rows[0][4] is None
    summary = {
        sheet.cell(row=r, column=8).value: sheet.cell(row=r, column=9).value for r in range(2, 6)
    }
    assert summary == {"Phải nộp": 6, "Đúng hạn": 2, "Nộp trễ": 1, "Chưa nộp": 3}


def test_xlsx_targets_sheet_keeps_numbers_as_numbers(workbook: Any) -> None:
    sheet = workbook["Chỉ tiêu"]

    assert _header(sheet) == [
        "STT",
        "Mã",
        "Chỉ tiêu",
        "Mục tiêu",
        "Giá trị mục tiêu",
        "Giá trị tối đa",
        "Đơn vị tính",
        "Kết quả",
        "Kỳ số liệu",
        "Nguồn số liệu",
        "Đánh giá",
    ]
    rows = {row[1]: row for row in _rows(sheet, 11)}
    assert rows["CT01"][3:11] == [
        "≥ 1.234,5 tỷ đồng",
        1234.5,
        None,
        "tỷ đồng",
        1000,
        "Năm 2024",
        "Sở Tài chính",
        "Chưa đạt",
    ]
    assert sheet["E3"].number_format == "#,##0.0###"
    assert rows["CT02"][4:6] == [10, 11]
    assert {code: row[10] for code, row in rows.items()} == {
        "CT01": "Chưa đạt",
        "CT02": "Đạt",
        "CT03": "Chưa đủ dữ liệu",
        "CT04": "Vượt",
    }


def test_xlsx_works_sheets_sum_to_the_total(workbook: Any) -> None:
    districts = _rows(workbook["Công trình theo huyện"], 8)
    areas = _rows(workbook["Công trình theo nội dung"], 8)

    assert _header(workbook["Công trình theo huyện"]) == [
        "STT",
        "Địa phương, đơn vị",
        "Đăng ký",
        "Đang thực hiện",
        "Hoàn thành",
        "Chậm tiến độ",
        "Vượt tiến độ",
        "Tiến độ bình quân (%)",
    ]
    *by_district, total = districts
    assert total == [None, "Tổng cộng", 6, 2, 2, 2, 1, 48.3]
    assert by_district[0] == [1, "Huyện Cầu Kè", 3, 1, 1, 1, 1, 46.7]
    for column in range(2, 7):
        assert sum(row[column] for row in by_district) == total[column]
        assert sum(row[column] for row in areas[:-1]) == total[column]
    sheet = workbook["Công trình theo huyện"]
    assert sheet.cell(row=3, column=8).number_format == "#,##0.0"
    assert sheet.cell(row=3 + len(by_district), column=2).font.bold
