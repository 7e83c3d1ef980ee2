"""The award history as an XLSX workbook, of any size (``core.exports``, issue #16).

One row per award, in the layout the history page's "Xuất Excel" always gave: a bold,
frozen header, the decision's date shown dd/mm/yyyy and the amount with thousands marks.
Up to ``settings.EXPORT_DIRECT_ROWS`` rows the page answers with the file; more become a job
that the worker writes with the requester's rights (``award_history`` starts from
``award_records_visible_to``) and the page's search; its file is served while the
requester still holds the rights that selector read (``award_records_visible_grants``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.awards.models import AwardRecord
from thidua.core.exports import ExportKind, register_export_kind
from thidua.decisions.forms import HistoryForm
from thidua.decisions.selectors import award_history, award_records_visible_grants
from thidua.documents.sheets import sheet_value

EXPORT_KIND = "award_history"
WIDTHS = (32, 12, 36, 40, 8, 24, 18, 14, 40, 16, 36)


def history_search(data: Mapping[str, Any] | None) -> tuple[HistoryForm, str, str]:
    """The history form bound to ``data`` (a query string or a job's stored search),
    with its cleaned text and kind (both empty when nothing valid was asked)."""
    form = HistoryForm(data or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["q"], form.cleaned_data["kind"]
    return form, "", ""


def history_rows(user: Any, parameters: Mapping[str, Any]) -> QuerySet[AwardRecord]:
    """The award records ``user`` sees matching the stored search (run inside the task)."""
    _form, text, kind = history_search(parameters)
    return award_history(user, search=text, kind=kind)


def history_write(records: Iterable[AwardRecord], stream: IO[bytes]) -> int:
    """Write the records to ``stream`` with openpyxl's write-only workbook (each row as it
    comes, so memory stays flat); return how many were written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Lịch sử khen thưởng")[:31])
    for column, width in zip("ABCDEFGHIJK", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    headers = [
        _("Họ tên / tên"),
        _("Đối tượng"),
        _("Đơn vị khi được khen"),
        _("Hình thức"),
        _("Năm"),
        _("Loại thành tích"),
        _("Số quyết định"),
        _("Ngày quyết định"),
        _("Cấp khen thưởng"),
        _("Tiền thưởng (đồng)"),
        _("Đã bị hủy bỏ theo"),
    ]
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for record in records:
        count += 1
        date = WriteOnlyCell(sheet, value=sheet_value(record.decision_date))
        date.number_format = "DD/MM/YYYY"
        amount = WriteOnlyCell(sheet, value=sheet_value(record.amount))
        amount.number_format = "#,##0"
        row = [
            record.nominee.name,
            str(record.nominee.get_kind_display()),
            record.unit_name,
            record.form.name,
            record.year,
            str(record.get_basis_display()),
            record.decision_number,
            date,
            record.grantor_title,
            amount,
            record.revocation_ref,
        ]
        sheet.append([v if i in (7, 9) else sheet_value(v) for i, v in enumerate(row)])
    book.save(stream)
    return count


def history_file_name() -> str:
    return f"lich-su-khen-thuong-{timezone.localdate():%Y%m%d}.xlsx"


def register() -> None:
    """Offer the award history to ``core.exports`` (from ``DecisionsConfig.ready``)."""
    register_export_kind(
        ExportKind(
            key=EXPORT_KIND,
            label=gettext_lazy("Lịch sử khen thưởng"),
            rows=history_rows,
            grants=award_records_visible_grants,
            write=history_write,
            file_name=history_file_name,
            back_url="decisions:history",
        )
    )
