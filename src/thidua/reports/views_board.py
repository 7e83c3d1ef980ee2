"""The Ban Thi đua – Khen thưởng's side of periodic reports.

The periods of a campaign with their counts; one period's submission table (every
participating unit, its state, when it was submitted, late and missing reports) with
accept and return per row (HTMX swaps the row); and the consolidated report: requested
here, built by the task worker, followed on a progress bar, downloaded through a
permission-checked view. KH 128 IV.2: units report to Sở Nội vụ (Ban TĐKT), which sums
the reports up for the Ủy ban nhân dân tỉnh.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.core.views import render_page_or_part, wants_fragment
from thidua.reports import services
from thidua.reports.consolidation_tasks import (
    PENDING,
    can_consolidate,
    consolidation_cancel,
    consolidation_request,
)
from thidua.reports.forms import ReturnForm, SubmissionFilterForm
from thidua.reports.models import (
    Consolidation,
    ConsolidationState,
    ReportPeriod,
    ReportState,
    UnitReport,
)
from thidua.reports.rules import is_report_secretariat
from thidua.reports.selectors import (
    period_stats,
    period_stats_many,
    periods_of,
    reporting_kinds,
    reports_visible_to,
    submission_table,
)
from thidua.reports.views import board_campaigns, covers_campaign, pick, require_board

PAGE_SIZE = 50
DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_GET
def periods_page(request: HttpRequest) -> HttpResponse:
    """ "Kỳ báo cáo": each period of a campaign with how many reports are due, on time,
    late and missing (one grouped query for all periods)."""
    user = request.user
    require_board(user)
    campaigns = [c for c in board_campaigns(user) if covers_campaign(user, c)]
    campaign = pick(campaigns, request.GET.get("campaign"))
    today = timezone.localdate()
    rows: list[tuple[ReportPeriod, Any]] = []
    if campaign is not None:
        periods = list(periods_of(campaign))
        stats = period_stats_many(periods, today=today)
        rows = [(period, stats[period.pk]) for period in periods]
    context = {"campaigns": campaigns, "campaign": campaign, "rows": rows, "today": today}
    return render(request, "reports/periods.html", context)


def covered_period(user: Any, pk: int) -> ReportPeriod | None:
    """The period when the user covers its campaign (Ban TĐKT, leaders, council of the
    province, admin); None when it is missing or not theirs."""
    period = ReportPeriod.objects.select_related("campaign__issuer_unit").filter(pk=pk).first()
    if period is None or not covers_campaign(user, period.campaign):
        return None
    return period


def _filtered(rows: QuerySet[UnitReport], state: str, kind: str) -> QuerySet[UnitReport]:
    if state in ReportState.values:
        rows = rows.filter(state=state)
    elif state == "late":
        rows = rows.filter(
            submitted_late=True, state__in=[ReportState.SUBMITTED, ReportState.ACCEPTED]
        )
    elif state == "missing":
        rows = rows.filter(missing=True)  # type: ignore[misc]  # an annotation
    if kind:
        rows = rows.filter(unit__kind=kind)
    return rows


def mark_reviewable(user: Any, rows: list[UnitReport]) -> list[UnitReport]:
    """Set ``can_review`` on each row: submitted, and the user is its Ban TĐKT (no query:
    the user's reach is cached and each row has its unit)."""
    for row in rows:
        row.can_review = row.state == ReportState.SUBMITTED and bool(  # type: ignore[attr-defined]
            is_report_secretariat(user, row)
        )
    return rows


@login_required
@require_GET
def period_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One period: counts, the submission table with filters, accept/return, and the
    consolidated report. Unit staff following a link here land on their own report."""
    user = request.user
    period = covered_period(user, pk)
    if period is None:
        own = reports_visible_to(user).filter(period_id=pk).order_by("unit__code").first()
        if own is not None:
            return redirect("reports:detail", pk=own.pk)
        raise Http404(_("Không tìm thấy kỳ báo cáo."))
    today = timezone.localdate()
    form = SubmissionFilterForm(request.GET or None, kinds=reporting_kinds(period.campaign))
    state, kind = form.selected()
    rows = _filtered(submission_table(user, period, today=today), state, kind)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "period": period,
        "campaign": period.campaign,
        "today": today,
        "form": form,
        "filtered": bool(state or kind),
        "stats": period_stats(period, today=today),
        "page_obj": page,
        "rows": mark_reviewable(user, list(page)),
        "return_form": ReturnForm(),
        "can_consolidate": bool(can_consolidate(user, period)),
        "consolidations": list(
            Consolidation.objects.filter(period=period).select_related("requested_by")[:3]
        ),
    }
    return render_page_or_part(request, "reports/period.html", "results", context)


def _review(user: Any, report: UnitReport, action: str, form: ReturnForm | None) -> None:
    if action == "accept":
        services.report_accept(actor=user, report=report)
    else:
        assert form is not None
        services.report_return(actor=user, report=report, reason=form.cleaned_data["reason"])


def _next_url(request: HttpRequest, fallback: str) -> str:
    wanted = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and safe else fallback


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The Ban TĐKT accepts (tiếp nhận) or returns a submitted report, with the reason.

    An HTMX request gets its table row back (with the refusal in it: 403 or 422) and the
    period's counts out of band; a plain form post goes back where it came from with a
    message.
    """
    user = request.user
    report = reports_visible_to(user).select_related("unit", "period").filter(pk=pk).first()
    if report is None:
        raise Http404(_("Không tìm thấy báo cáo."))
    form = ReturnForm(request.POST) if action == "return" else None
    fragment = wants_fragment(request)
    error, status = "", 200
    if form is not None and not form.is_valid():
        error, status = " ".join(str(e) for e in form.errors.get("reason", [])), 422
    else:
        with refusal_caught(forbidden=fragment) as outcome:
            _review(user, report, action, form)
        if not outcome.ok:
            error, status = outcome.error, 403 if outcome.forbidden else 422
    if not fragment:
        if error:
            messages.error(request, error)
        elif action == "accept":
            messages.success(
                request, _("Đã tiếp nhận báo cáo của %(unit)s.") % {"unit": report.unit.name}
            )
        else:
            messages.success(
                request, _("Đã trả lại báo cáo của %(unit)s.") % {"unit": report.unit.name}
            )
        return redirect(_next_url(request, reverse("reports:period", args=[report.period_id])))
    row = submission_table(user, report.period).get(pk=pk)
    today = timezone.localdate()
    context = {
        "row": mark_reviewable(user, [row])[0],
        "today": today,
        "error": error,
        "done": "" if error else action,
        "return_form": form if (error and form is not None) else ReturnForm(),
        "period": report.period,
        # The period's counts change with the row: swapped in out of band.
        "stats": period_stats(report.period, today=today),
        "oob": True,
    }
    response = render(request, "reports/period.html#acted", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@require_POST
def consolidation_start(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Tổng hợp báo cáo": queue the consolidated report and follow it on its page."""
    user = request.user
    period = covered_period(user, pk)
    if period is None:
        raise Http404(_("Không tìm thấy kỳ báo cáo."))
    with refusal_caught(request, level=messages.WARNING) as outcome:
        consolidation = consolidation_request(actor=user, period=period)
    if not outcome.ok:
        pending = Consolidation.objects.filter(period=period, state__in=PENDING).first()
        if pending is not None:
            return redirect("reports:consolidation", pk=pending.pk)
        return redirect("reports:period", pk=period.pk)
    return redirect("reports:consolidation", pk=consolidation.pk)


def _consolidation(user: Any, pk: int) -> Consolidation:
    found = (
        Consolidation.objects.select_related("period__campaign__issuer_unit", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if found is None or not covers_campaign(user, found.period.campaign):
        raise Http404(_("Không tìm thấy báo cáo tổng hợp."))
    return found


@login_required
@require_GET
def consolidation_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The consolidated report's progress bar; its fragment polls every 2 s until the run
    is done (then the download links) or failed (then the reason and "Lập lại")."""
    consolidation = _consolidation(request.user, pk)
    context = {
        "consolidation": consolidation,
        "period": consolidation.period,
        "campaign": consolidation.period.campaign,
        "can_consolidate": bool(can_consolidate(request.user, consolidation.period)),
        "finished": consolidation.state not in PENDING,
    }
    return render_page_or_part(
        request, "reports/consolidation.html", "progress", context, no_store=True
    )


@login_required
@require_POST
def consolidation_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Hủy": cancel a queued or running consolidation; the task stops at its next step."""
    consolidation = _consolidation(request.user, pk)
    with refusal_caught(request, level=messages.WARNING) as outcome:
        consolidation_cancel(actor=request.user, consolidation=consolidation)
    if outcome.ok:
        messages.success(request, _("Đã hủy lần lập báo cáo tổng hợp. Có thể yêu cầu lập lại."))
    return redirect("reports:consolidation", pk=pk)


@login_required
@require_GET
def consolidation_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """The DOCX or XLSX of a finished consolidation, for those who cover the campaign."""
    consolidation = _consolidation(request.user, pk)
    field = consolidation.docx if kind == "docx" else consolidation.xlsx
    if consolidation.state != ConsolidationState.DONE or not field.name:
        raise Http404(_("Báo cáo tổng hợp chưa lập xong."))
    period = consolidation.period
    return stored_file_response(
        field,
        content_type=DOCUMENT_TYPES[kind],
        as_attachment=True,
        filename=f"bao-cao-tong-hop-{period.campaign.code}-{period.year}-q{period.number}.{kind}",
        missing=_("Tệp báo cáo tổng hợp không còn trên máy chủ."),
        private=True,
    )
