"""The registration template: the workbook a unit fills in to register works.

Its "Đăng ký" sheet uses the columns of ``columns.COLUMNS``, so the import accepts it.
openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.campaigns.models import Campaign, Phase
from thidua.documents.sheets import sheet_value
from thidua.organisations.models import Unit
from thidua.works.excel.columns import (
    CATALOGUE_SHEET,
    COLUMNS,
    EXAMPLE_MARK,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    REGISTER_SHEET,
    column_index,
    letter,
)
from thidua.works.excel.lookups import Lookups

#: Rows of the template prepared with drop-downs and text-formatted date cells.
TEMPLATE_ROWS = 500


def registration_template(campaign: Campaign, unit: Unit) -> bytes:
    """The workbook a unit fills in to register works for ``campaign``.

    Sheets: "Đăng ký" (title, header, a grey example row the import skips, drop-downs),
    "Hướng dẫn" (how to fill it in) and a hidden "Danh mục" listing the campaign's content
    areas, phases and targets, the kinds the unit may register (KH 128 II.2) and the
    communes of its district. The import accepts exactly this layout.
    """
    from openpyxl import Workbook

    lookups = Lookups.build(campaign, unit)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _(REGISTER_SHEET)
    ranges = _write_catalogue(workbook.create_sheet(_(CATALOGUE_SHEET)), lookups, campaign, unit)
    _write_register(sheet, lookups, campaign, unit, ranges)
    _write_guide(workbook.create_sheet(_(GUIDE_SHEET), 1))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_catalogue(sheet: Any, lookups: Lookups, campaign: Campaign, unit: Unit) -> dict:
    """Fill the hidden list sheet; return the cell range of each drop-down's choices."""
    quoted = "'%s'" % sheet.title.replace("'", "''")
    lists = {
        "kind": [str(k.label) for k in lookups.kinds],
        "content_area": [a.code for a in lookups.areas],
        "phase": [p.code for p in lookups.phases],
        "place": [u.name for u in lookups.communes],
    }
    columns = [
        (_("Loại"), lists["kind"]),
        (_("Mã nội dung thi đua"), lists["content_area"]),
        (_("Nội dung thi đua"), [a.title for a in lookups.areas]),
        (_("Mã đợt"), lists["phase"]),
        (_("Đợt"), [_phase_text(p) for p in lookups.phases]),
        (_("Mã chỉ tiêu"), [t.code for t in lookups.targets]),
        (_("Chỉ tiêu"), [t.indicator for t in lookups.targets]),
        (_("Xã, phường"), lists["place"]),
        (_("Mã phong trào"), [campaign.code]),
        (_("Mã đơn vị"), [unit.code]),
    ]
    for index, (title, values) in enumerate(columns):
        sheet.cell(row=1, column=index + 1, value=title)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index + 1, value=sheet_value(value))
    sheet.sheet_state = "hidden"
    where = {"kind": "A", "content_area": "B", "phase": "D", "place": "H"}
    return {
        key: f"{quoted}!${where[key]}$2:${where[key]}${len(values) + 1}"
        for key, values in lists.items()
        if values
    }


def _phase_text(phase: Phase) -> str:
    return "%s (%s – %s)" % (
        phase.name,
        phase.start.strftime("%d/%m/%Y"),
        phase.last_day.strftime("%d/%m/%Y"),
    )


def _write_register(
    sheet: Any, lookups: Lookups, campaign: Campaign, unit: Unit, ranges: dict
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    last = letter(len(COLUMNS) - 1)
    sheet["A1"] = sheet_value(
        _("Đăng ký công trình, dự án, phần việc – %(number)s: %(title)s")
        % {"number": campaign.doc_number, "title": campaign.title}
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = sheet_value(_("Đơn vị: %(unit)s") % {"unit": unit.name})
    sheet["A2"].font = Font(bold=True)
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    thin = Side(style="thin", color="999999")
    for index, column in enumerate(COLUMNS):
        cell = sheet.cell(row=HEADER_ROW, column=index + 1, value=_(column.header))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.column_dimensions[letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 45
    grey = Font(italic=True, color="808080")
    for index, value in enumerate(_example_row(lookups)):
        sheet.cell(row=HEADER_ROW + 1, column=index + 1, value=sheet_value(value)).font = grey
    last_row = FIRST_DATA_ROW + TEMPLATE_ROWS - 1
    for key in ("planned_start", "planned_finish"):
        # Text cells keep "07/03/2025" as typed: an English-locale Excel would read 7 March.
        col = letter(column_index(key))
        for row in range(FIRST_DATA_ROW, last_row + 1):
            sheet[f"{col}{row}"].number_format = "@"
    for key, formula in ranges.items():
        strict = key != "place"  # a place may be typed without diacritics
        validation = DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=strict
        )
        validation.error = _("Hãy chọn một giá trị trong danh sách.")
        validation.errorTitle = _("Giá trị không hợp lệ")
        col = letter(column_index(key))
        validation.add(f"{col}{FIRST_DATA_ROW}:{col}{last_row}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _example_row(lookups: Lookups) -> list[object]:
    return [
        EXAMPLE_MARK,
        str(lookups.kinds[0].label) if lookups.kinds else "",
        _("Ví dụ: Nâng cấp, mở rộng đường giao thông nông thôn ấp Phú Thạnh"),
        _("Dòng này là ví dụ, không được nhập; hãy điền từ dòng kế tiếp."),
        lookups.areas[0].code if lookups.areas else "",
        lookups.communes[0].name if lookups.communes else "",
        "1.500",
        _("Ngân sách xã, vận động nhân dân"),
        "01/12/2024",
        "30/04/2025",
        lookups.phases[0].code if lookups.phases else "",
        ", ".join(t.code for t in lookups.targets[:2]),
    ]


GUIDE = (
    gettext_noop("Cách điền mẫu đăng ký công trình, dự án, phần việc"),
    gettext_noop(
        "1. Mỗi dòng là một công trình, dự án hoặc phần việc; điền từ dòng ngay dưới dòng ví dụ (dòng chữ nghiêng màu xám, STT “VD”, không được nhập)."
    ),
    gettext_noop(
        "2. Cột có dấu * là bắt buộc; cột Loại cũng bắt buộc: chọn Công trình, Dự án hoặc Phần việc trong danh sách."
    ),
    gettext_noop(
        "3. Ngày ghi dạng dd/mm/yyyy, ví dụ 30/04/2025. Ngày hoàn thành không được trước ngày bắt đầu."
    ),
    gettext_noop(
        "4. Kinh phí ghi bằng triệu đồng, có thể có phần thập phân: 1.234,5 hoặc 1234,5 đều được."
    ),
    gettext_noop(
        "5. Nội dung thi đua, Chào mừng đợt: chọn mã trong danh sách. Chỉ tiêu phục vụ: ghi mã, cách nhau dấu phẩy, ví dụ T01, T05."
    ),
    gettext_noop(
        "6. Địa điểm: tên xã, phường trong huyện của đơn vị; gõ có dấu hay không dấu đều được."
    ),
    gettext_noop("7. Không đổi tên, thứ tự các cột và không xóa dòng tiêu đề."),
    gettext_noop(
        "8. Khi tải lên, hệ thống kiểm tra toàn bộ tệp: nếu có lỗi, không dòng nào được lưu; sửa theo danh sách lỗi (số dòng, tên cột) rồi tải lên lại."
    ),
    gettext_noop(
        "9. Nếu có công trình gần giống đã đăng ký, hệ thống liệt kê; kiểm tra lại, nếu không trùng thì tải lên lại và đánh dấu ô xác nhận."
    ),
    gettext_noop("10. Công trình được tạo ở trạng thái Nháp; xem lại rồi gửi duyệt trên hệ thống."),
)


def _write_guide(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = 120
    for row, line in enumerate(GUIDE, start=1):
        cell = sheet.cell(row=row, column=1, value=_(line))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=13)
