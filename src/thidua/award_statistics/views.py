"""Pages of the annual statistical report: the year's tables, the XLSX in the form's
layout, recording that it was sent (the province's Ban TĐKT; its leaders read)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.award_statistics import workflow
from thidua.award_statistics.dates import CIRCULAR, due_date, due_source
from thidua.award_statistics.forms import SentForm
from thidua.award_statistics.models import ReportState
from thidua.award_statistics.rules import may_record_statistics
from thidua.award_statistics.selectors import province_for, provinces_of, report_of, statistics_for
from thidua.award_statistics.xlsx import figure_headers, statistics_workbook
from thidua.core.errors import NotPermitted
from thidua.core.refusals import refusal_caught
from thidua.organisations.models import Unit

FIRST_YEAR = 2020


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


def _chosen(request: HttpRequest, data: Any) -> tuple[Unit, int]:
    """The province and year asked (default: the user's province, this year); 403 when the
    user may not see that province's report."""
    province = province_for(request.user, _int(data.get("province")))
    if province is None:
        raise NotPermitted(
            _("Chỉ Ban Thi đua – Khen thưởng và lãnh đạo tỉnh xem báo cáo thống kê của tỉnh.")
        )
    this_year = timezone.localdate().year
    year = _int(data.get("year")) or this_year
    if not FIRST_YEAR <= year <= this_year:
        raise Http404
    return province, year


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The year's report of a province: figures by award form, state, due date."""
    province, year = _chosen(request, request.GET)
    report = report_of(province, year)
    context = {
        "province": province,
        "provinces": provinces_of(request.user),
        "year": year,
        "years": list(range(timezone.localdate().year, FIRST_YEAR - 1, -1)),
        "stats": statistics_for(province, year),
        "headers": figure_headers(),
        "report": report,
        "sent": report is not None and report.state == ReportState.SENT,
        "due": due_date(year),
        "due_source": due_source(),
        "circular": CIRCULAR,
        "may_record": may_record_statistics(request.user, province),
        "form": SentForm(initial={"sent_on": timezone.localdate()}),
    }
    return render(request, "award_statistics/index.html", context)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The report as XLSX in the form's layout."""
    province, year = _chosen(request, request.GET)
    content = statistics_workbook(
        statistics_for(province, year),
        reporting_body=province.name,
        place=province.name.removeprefix("UBND tỉnh ").removeprefix("Tỉnh "),
        day=timezone.localdate(),
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="thong-ke-khen-thuong-{year}.xlsx"'
    return response


def _back(province: Unit, year: int) -> HttpResponse:
    return redirect(f"{reverse('award_statistics:index')}?year={year}&province={province.pk}")


@login_required
@require_POST
def mark_sent(request: HttpRequest) -> HttpResponse:
    """Record that the year's report was sent (the Ban TĐKT)."""
    province, year = _chosen(request, request.POST)
    form = SentForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _back(province, year)
    with refusal_caught(request, success=_("Đã ghi nhận báo cáo thống kê đã gửi.")):
        workflow.statistics_mark_sent(
            actor=request.user,
            province=province,
            year=year,
            sent_on=form.cleaned_data["sent_on"],
            reference=form.cleaned_data["reference"],
        )
    return _back(province, year)


@login_required
@require_POST
def reopen(request: HttpRequest) -> HttpResponse:
    """Reopen a sent report (the Ban TĐKT), to correct and send it again."""
    province, year = _chosen(request, request.POST)
    report = report_of(province, year)
    if report is None:
        raise Http404
    with refusal_caught(request, success=_("Đã mở lại báo cáo thống kê.")):
        workflow.statistics_reopen(actor=request.user, report=report)
    return _back(province, year)
