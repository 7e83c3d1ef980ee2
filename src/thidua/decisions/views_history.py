"""The award history (lịch sử khen thưởng) under /quyet-dinh/lich-su/: search people and
collectives without diacritics, one nominee's awards across campaigns and years, one
unit's awards with those of the units it took over (successions), and the XLSX export. Visibility: ``award_records_visible_to`` (province-wide for the secretariat,
leaders and council members; a unit's own people for unit staff)."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.awards.models import AwardRecord, Nominee
from thidua.core.exports import export_or_job
from thidua.core.paging import CappedPaginator
from thidua.decisions.forms import HistoryForm
from thidua.decisions.history_export import (
    EXPORT_KIND,
    history_file_name,
    history_search,
    history_write,
)
from thidua.decisions.selectors import (
    award_history,
    award_history_listing,
    nominee_history,
    unit_award_history,
)
from thidua.organisations.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _search(request: HttpRequest) -> tuple[HistoryForm, str, str]:
    return history_search(request.GET)


@login_required
@require_GET
def history_page(request: HttpRequest) -> HttpResponse:
    """Awards of the visible nominees, grouped by nominee, 50 rows a page."""
    form, text, kind = _search(request)
    records, parts = award_history_listing(request.user, search=text, kind=kind)
    page = CappedPaginator(records, 50, parts=parts).get_page(request.GET.get("page"))
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
def history_export(request: HttpRequest) -> HttpResponseBase:
    """The searched history as an XLSX workbook (one row per award, no cap).

    Up to ``settings.EXPORT_DIRECT_ROWS`` rows the file comes at once, written by openpyxl's write-only
    workbook in the one query that reads them; more become an export job written by the
    worker, and the answer is its progress page (issue #16: no request over 5 s).
    """
    _form, text, kind = _search(request)
    records = award_history(request.user, search=text, kind=kind)

    def direct(rows: list[AwardRecord]) -> HttpResponse:
        buffer = io.BytesIO()
        history_write(rows, buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{history_file_name()}"'
        response["Cache-Control"] = "private, no-store"
        return response

    parameters = {name: value for name, value in (("q", text), ("kind", kind)) if value}
    return export_or_job(
        request, kind=EXPORT_KIND, parameters=parameters, rows=records, direct=direct
    )
