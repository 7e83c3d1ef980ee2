"""The award history (lịch sử khen thưởng) under /quyet-dinh/lich-su/: search people and
collectives without diacritics, one nominee's awards across campaigns and years, one
unit's awards with those of the units it took over (successions), and the XLSX export. Visibility: ``award_records_visible_to`` (province-wide for the secretariat,
leaders and council members; a unit's own people for unit staff)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.awards.models import Nominee
from thidua.decisions.forms import HistoryForm
from thidua.decisions.selectors import award_history, nominee_history, unit_award_history
from thidua.documents.sheets import sheet_value
from thidua.organisations.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Rows an export holds at most (a province's history fits; beyond, narrow the search).
EXPORT_LIMIT = 20000


def _search(request: HttpRequest) -> tuple[HistoryForm, str, str]:
    form = HistoryForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["q"], form.cleaned_data["kind"]
    return form, "", ""


@login_required
@require_GET
def history_page(request: HttpRequest) -> HttpResponse:
    """Awards of the visible nominees, grouped by nominee, 50 rows a page."""
    form, text, kind = _search(request)
    records = award_history(request.user, search=text, kind=kind)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "searched": bool(text)}
    return render(request, "decisions/history.html", context)


@login_required
@require_GET
def nominee_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One nominee's awards across campaigns and years (archive entries included)."""
    try:
        nominee, records = nominee_history(request.user, pk)
    except Nominee.DoesNotExist:
        raise Http404(_("Không tìm thấy đối tượng khen thưởng.")) from None
    return render(request, "decisions/nominee.html", {"nominee": nominee, "records": records})


@login_required
@require_GET
def unit_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's award history, with the awards of the units it took over (a Vĩnh Long
    commune shows those of the Trà Vinh communes merged into it), 50 rows a page."""
    try:
        unit, lineage, records = unit_award_history(request.user, pk)
    except Unit.DoesNotExist:
        raise Http404(_("Không tìm thấy đơn vị.")) from None
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    context = {"unit": unit, "lineage": lineage, "page": page, "query": ""}
    return render(request, "decisions/unit_history.html", context)


@login_required
@require_GET
def history_export(request: HttpRequest) -> HttpResponse:
    """The searched history as an XLSX workbook (one row per award, at most ``EXPORT_LIMIT``).

    Streamed: openpyxl's write-only workbook writes each row as it comes from a server-side
    cursor (``iterator``), so time and memory grow linearly with the rows and the queries
    stay constant (issue #16: 20.000 rows were quadratic through ``max_row``)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    _form, text, kind = _search(request)
    records = award_history(request.user, search=text, kind=kind)[:EXPORT_LIMIT]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Lịch sử khen thưởng")[:31])
    widths = (32, 12, 36, 40, 8, 24, 18, 14, 40, 16, 36)
    for column, width in zip("ABCDEFGHIJK", widths, strict=True):
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
    for record in records.iterator(chunk_size=2000):
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
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="lich-su-khen-thuong-{stamp}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response
