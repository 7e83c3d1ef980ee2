"""The consolidated report's tables as a workbook (one sheet per table)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from thidua.core.dates import format_date
from thidua.documents.sheets import (
    AUTO,
    INTEGER_FORMAT,
    ONE_DECIMAL_FORMAT,
    SheetColumn,
    add_table,
    new_workbook,
    workbook_bytes,
)
from thidua.reports.consolidation.data import METRICS

#: The columns of the targets sheet after its number: the keys of a target row.
_TARGET_KEYS = (
    "code", "indicator", "goal", "value", "value_max", "measure_unit", "result",
    "result_label", "source", "status_label",
)  # fmt: skip


def build_xlsx(data: dict[str, Any]) -> bytes:
    """The report's tables in a workbook: one sheet each, frozen headers, real numbers
    and dates (Excel shows them dd/mm/yyyy and 1.234,5 to a Vietnamese reader)."""
    book = new_workbook()
    _submission_sheet(book, data)
    _targets_sheet(book, data)
    _works_sheets(book, data)
    return workbook_bytes(book)


def _submission_sheet(book: Any, data: dict[str, Any]) -> None:
    """Who owed the report and when each sent it, with the counts beside the table."""
    submission = data["submission"]
    sheet = add_table(
        book,
        _("Nộp báo cáo"),
        _("Tình hình nộp báo cáo %(period)s (hạn nộp %(due)s)")
        % {"period": data["period"]["phrase"], "due": format_date(data["period"]["due"])},
        [
            SheetColumn(_("STT"), 6),
            SheetColumn(_("Mã đơn vị"), 14),
            SheetColumn(_("Cơ quan, đơn vị"), 40, wrap=True),
            SheetColumn(_("Trạng thái"), 16),
            SheetColumn(_("Ngày nộp"), 12),
            SheetColumn(_("Ghi chú"), 12),
        ],
        [
            [i, r["code"], r["name"], r["state_label"], r["submitted_on"], r["note"]]
            for i, r in enumerate(submission["rows"], start=1)
        ],
    )
    labels = (
        ("owed", _("Phải nộp")),
        ("on_time", _("Đúng hạn")),
        ("late", _("Nộp trễ")),
        ("missing", _("Chưa nộp")),
    )
    for offset, (key, label) in enumerate(labels, start=2):
        sheet.cell(row=offset, column=8, value=label)
        sheet.cell(row=offset, column=9, value=submission["counts"][key])


def _targets_sheet(book: Any, data: dict[str, Any]) -> None:
    """Each target of the campaign with its goal, its result and how it stands."""
    add_table(
        book,
        _("Chỉ tiêu"),
        _("Kết quả thực hiện các chỉ tiêu %(period)s") % {"period": data["period"]["phrase"]},
        [
            SheetColumn(_("STT"), 6),
            SheetColumn(_("Mã"), 8),
            SheetColumn(_("Chỉ tiêu"), 50, wrap=True),
            SheetColumn(_("Mục tiêu"), 16),
            SheetColumn(_("Giá trị mục tiêu"), 12, AUTO),
            SheetColumn(_("Giá trị tối đa"), 12, AUTO),
            SheetColumn(_("Đơn vị tính"), 10),
            SheetColumn(_("Kết quả"), 12, AUTO),
            SheetColumn(_("Kỳ số liệu"), 14),
            SheetColumn(_("Nguồn số liệu"), 30, wrap=True),
            SheetColumn(_("Đánh giá"), 16),
        ],
        [
            [i, *(r[key] for key in _TARGET_KEYS)]
            for i, r in enumerate(data["targets"]["rows"], start=1)
        ],
    )


def _works_sheets(book: Any, data: dict[str, Any]) -> None:
    """The works' progress twice: by district and by content area, each with its total."""
    works = data["works"]
    metrics = [
        SheetColumn(header, 12, INTEGER_FORMAT)
        for header in (
            _("Đăng ký"),
            _("Đang thực hiện"),
            _("Hoàn thành"),
            _("Chậm tiến độ"),
            _("Vượt tiến độ"),
        )
    ] + [SheetColumn(_("Tiến độ bình quân (%)"), 14, ONE_DECIMAL_FORMAT)]

    def cells(row: dict[str, Any]) -> list[Any]:
        return [row[key] for key in METRICS]

    for name, key, first in (
        (_("Công trình theo huyện"), "by_district", _("Địa phương, đơn vị")),
        (_("Công trình theo nội dung"), "by_area", _("Nội dung thi đua")),
    ):
        add_table(
            book,
            name,
            _("Tiến độ công trình, dự án, phần việc %(period)s (tính đến %(date)s)")
            % {"period": data["period"]["phrase"], "date": format_date(data["as_of"])},
            [SheetColumn(_("STT"), 6), SheetColumn(first, 40, wrap=True), *metrics],
            [[i, r["name"], *cells(r)] for i, r in enumerate(works[key], start=1)],
            total=["", _("Tổng cộng"), *cells(works["total"])],
        )
