"""The report as an XLSX workbook in the layout of a statistical form of the Ministry of
Home Affairs: the form's heading (reporting and receiving units, the period), the table
with its row codes (01, 02 …) and column codes (A, B, C, 1 … 7), and the signature block.

What could be checked (docs/annual.md): the circular in force is Thông tư 18/2025/TT-BNV
(08/10/2025), which replaced Thông tư 02/2023/TT-BNV. The annex's form number, rows and
columns could not be read; the columns here are the figures thidua holds, named plainly,
and the form number is left for the Ban TĐKT to fill in (never guessed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from thidua.award_statistics.dates import CIRCULAR
from thidua.award_statistics.selectors import Statistics
from thidua.documents.sheets import INTEGER_FORMAT, new_workbook, sheet_value, workbook_bytes


#: Column headers of the figures, in the order of ``selectors.FIGURES`` (codes 1 … 7).
def figure_headers() -> list[str]:
    return [
        _("Tổng số"),
        _("Tập thể"),
        _("Cá nhân"),
        _("Trong đó: cá nhân là nữ"),
        _("Trong đó: cá nhân trực tiếp lao động, sản xuất"),
        _("Hộ gia đình"),
        _("Tiền thưởng (đồng)"),
    ]


#: The first row of the table (its header); the column codes are on the next row.
TABLE_HEADER_ROW = 8
FIRST_DATA_ROW = TABLE_HEADER_ROW + 2
LAST_COLUMN = 10  # A (STT) + B (name) + C (code) + 7 figures


def table_lines(stats: Statistics) -> list[tuple[str, str, str, list[int] | None, bool]]:
    """The table's lines: (STT, name, row code, figures or None for a heading, bold)."""
    lines: list[tuple[str, str, str, list[int] | None, bool]] = [
        ("", _("Tổng số"), "01", stats.total().values(), True),
        ("I", _("Danh hiệu thi đua"), "02", stats.titles_total().values(), True),
    ]
    code = 3
    for number, row in enumerate(stats.titles, start=1):
        lines.append((str(number), row.name, f"{code:02d}", row.values(), False))
        code += 1
    lines.append(
        ("II", _("Hình thức khen thưởng"), f"{code:02d}", stats.forms_total().values(), True)
    )
    code += 1
    for number, row in enumerate(stats.forms, start=1):
        lines.append((str(number), row.name, f"{code:02d}", row.values(), False))
        code += 1
    return lines


def _style(sheet: Any) -> tuple[Any, Any, Any, Any]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    return (
        Border(left=thin, right=thin, top=thin, bottom=thin),
        Font(bold=True),
        Alignment(horizontal="center", vertical="center", wrap_text=True),
        Alignment(vertical="top", wrap_text=True),
    )


def _heading(sheet: Any, stats: Statistics, reporting_body: str) -> None:
    from openpyxl.styles import Alignment, Font

    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    year = stats.year
    cells = {
        "A1": _("Biểu số: ……… (Ban Thi đua – Khen thưởng ghi số hiệu biểu theo %(circular)s)")
        % {"circular": CIRCULAR},
        "A2": _("Ban hành theo %(circular)s quy định chế độ báo cáo thống kê ngành Nội vụ")
        % {"circular": CIRCULAR},
        "A3": _("Kỳ báo cáo: năm %(year)s (từ ngày 01/01/%(year)s đến ngày 31/12/%(year)s)")
        % {"year": year},
        "G1": _("Đơn vị báo cáo: %(unit)s") % {"unit": reporting_body},
        "G2": _("Đơn vị nhận báo cáo: Bộ Nội vụ"),
    }
    for ref, text in cells.items():
        sheet[ref] = sheet_value(text)
    sheet.merge_cells("A5:J5")
    sheet["A5"] = sheet_value(
        _("SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM %(year)s") % {"year": year}
    )
    sheet["A5"].font, sheet["A5"].alignment = Font(bold=True, size=13), center
    sheet.merge_cells("A6:J6")
    sheet["A6"] = sheet_value(
        _("(Theo quyết định khen thưởng ký trong năm; không tính khen thưởng đã bị hủy bỏ)")
    )
    sheet["A6"].alignment = center


def _table(sheet: Any, stats: Statistics) -> int:
    border, bold, center, top = _style(sheet)
    headers = [
        _("STT"),
        _("Danh hiệu thi đua, hình thức khen thưởng"),
        _("Mã số"),
        *figure_headers(),
    ]
    codes = ["A", "B", "C", *[str(n) for n in range(1, 8)]]
    for column, (header, code) in enumerate(zip(headers, codes, strict=True), start=1):
        for row, text in ((TABLE_HEADER_ROW, header), (TABLE_HEADER_ROW + 1, code)):
            cell = sheet.cell(row=row, column=column, value=sheet_value(text))
            cell.font, cell.alignment, cell.border = bold, center, border
    row = FIRST_DATA_ROW
    for number, name, code, figures, strong in table_lines(stats):
        values: list[Any] = [number, name, code, *(figures or [])]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=sheet_value(value))
            cell.border = border
            cell.alignment = center if column in (1, 3) else top
            if column > 3:
                cell.number_format = INTEGER_FORMAT
            if strong:
                cell.font = bold
        row += 1
    return row


def _signatures(sheet: Any, row: int, place: str, day: dt.date) -> None:
    from openpyxl.styles import Alignment, Font

    center = Alignment(horizontal="center", wrap_text=True)
    sheet.merge_cells(start_row=row + 1, start_column=6, end_row=row + 1, end_column=10)
    sheet.cell(
        row=row + 1,
        column=6,
        value=sheet_value(
            _("%(place)s, ngày %(d)s tháng %(m)s năm %(y)s")
            % {"place": place, "d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": day.year}
        ),
    ).alignment = center
    blocks = (
        (1, 3, _("NGƯỜI LẬP BIỂU"), _("(Ký, ghi rõ họ tên)")),
        (4, 5, _("NGƯỜI KIỂM TRA BIỂU"), _("(Ký, ghi rõ họ tên)")),
        (6, 10, _("THỦ TRƯỞNG ĐƠN VỊ"), _("(Ký, đóng dấu, ghi rõ họ tên)")),
    )
    for first, last, title, note in blocks:
        for offset, text, font in ((2, title, Font(bold=True)), (3, note, Font(italic=True))):
            sheet.merge_cells(
                start_row=row + offset, start_column=first, end_row=row + offset, end_column=last
            )
            cell = sheet.cell(row=row + offset, column=first, value=sheet_value(text))
            cell.font, cell.alignment = font, center


def statistics_workbook(
    stats: Statistics, *, reporting_body: str, place: str, day: dt.date
) -> bytes:
    """The report of ``stats`` as XLSX bytes, dated ``day`` at ``place``."""
    from openpyxl.utils import get_column_letter

    workbook = new_workbook()
    sheet = workbook.create_sheet(_("Báo cáo %(year)s") % {"year": stats.year})
    _heading(sheet, stats, reporting_body)
    last_row = _table(sheet, stats)
    _signatures(sheet, last_row, place, day)
    widths = [6, 44, 8, 10, 10, 10, 12, 16, 10, 16]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.print_title_rows = f"{TABLE_HEADER_ROW}:{TABLE_HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    return workbook_bytes(workbook)
