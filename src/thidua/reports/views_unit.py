"""The unit's side of periodic reports: "Báo cáo định kỳ" and the report form.

For a department or district officer on a phone: each period's report with its state,
the due date (and the date it moved to), how many days are left; then the report itself,
pre-filled with the unit's works and targets, to write and — for the unit head only —
to confirm and submit (KH 128 IV.2: "thủ trưởng xác nhận").
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.campaigns.models import ContentArea
from thidua.core.dates import format_date
from thidua.core.errors import DomainError
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.reports import services
from thidua.reports.forms import ReportForm, ReturnForm
from thidua.reports.models import ReportAttachment, UnitReport
from thidua.reports.rules import is_report_secretariat, is_report_unit_head, is_report_unit_staff
from thidua.reports.selectors import report_detail, report_list, reports_visible_to
from thidua.reports.transitions import EDITABLE_STATES
from thidua.reports.views import is_board, staff_unit_ids


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """ "Báo cáo định kỳ": the reports of the user's units, by unit and campaign, oldest
    period first. The Ban TĐKT and the leaders, who write no report, go to the periods."""
    user = request.user
    units = staff_unit_ids(user)
    if not units and is_board(user):
        return redirect("reports:periods")
    reports = list(
        report_list(user)
        .filter(unit_id__in=units)
        .order_by("unit__name", "period__campaign_id", "period__year", "period__number")
    )
    groups = [
        (
            unit,
            [
                (campaign, list(rows))
                for campaign, rows in groupby(items, lambda r: r.period.campaign)
            ],
        )
        for unit, items in ((u, list(rs)) for u, rs in groupby(reports, lambda r: r.unit))
    ]
    context = {"groups": groups, "today": timezone.localdate(), "has_units": bool(units)}
    return render(request, "reports/unit_list.html", context)


def visible_report(user: Any, pk: int) -> UnitReport:
    """A report the user may see, with sections, files and history; else 404 (a sibling
    unit's report cannot be told apart from a missing one)."""
    try:
        return report_detail(user, pk)
    except UnitReport.DoesNotExist:
        raise Http404(_("Không tìm thấy báo cáo.")) from None


def _opened(user: Any, report: UnitReport) -> None:
    """Store the pre-filled snapshot at the first opening (``services.report_open``)."""
    if report.prefill or report.state not in EDITABLE_STATES:
        return
    try:
        opened = services.report_open(actor=user, report=report)
    except DomainError:
        return  # reading stays possible; the snapshot is taken on the first save
    report.prefill = opened.prefill


def _context(user: Any, report: UnitReport, form: ReportForm | None) -> dict[str, Any]:
    areas = form.areas if form is not None else _areas(report)
    narratives = {s.content_area_id: s.narrative for s in report.sections.all()}
    staff = bool(is_report_unit_staff(user, report))
    editable = staff and report.state in EDITABLE_STATES
    head = bool(is_report_unit_head(user, report))
    return {
        "report": report,
        "period": report.period,
        "campaign": report.period.campaign,
        "today": timezone.localdate(),
        "prefill": report.prefill or {},
        "form": form,
        "staff": staff,
        "editable": editable,
        "can_submit": editable and head,
        "officer_only": editable and not head,
        "can_review": report.state == "submitted" and bool(is_report_secretariat(user, report)),
        "return_form": ReturnForm(),
        "sections": [(area, narratives.get(area.pk, "")) for area in areas],
        "events": list(report.events.all())[::-1],
        "attachments": list(report.attachments.all()),
    }


def _areas(report: UnitReport) -> list[ContentArea]:
    return list(
        ContentArea.objects.filter(campaign_id=report.period.campaign_id).order_by("position", "pk")
    )


def _submitted_message(report: UnitReport) -> str:
    values = {"label": report.period.label, "due": format_date(report.period.effective_due)}
    if report.submitted_late:
        return _("Đã nộp báo cáo %(label)s — nộp trễ (hạn áp dụng %(due)s).") % values
    return _("Đã nộp báo cáo %(label)s đúng hạn (hạn áp dụng %(due)s).") % values


def _save(request: HttpRequest, report: UnitReport, form: ReportForm) -> HttpResponse | None:
    """Save the draft, then submit when the head asked; None when the form shows errors."""
    user = request.user
    with refusal_caught(form=form) as saved:
        services.report_save(
            actor=user,
            report=report,
            summary=form.cleaned_data["summary"],
            figures=form.figures(),
            sections=form.sections(),
            files=form.cleaned_data["attachments"],
        )
    submitting = request.POST.get("action") == "submit"
    if not saved.ok:
        if submitting and not form.cleaned_data["summary"].strip():  # every fix in one pass
            form.add_error("summary", _("Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."))
        return None
    if not submitting:
        messages.success(request, _("Đã lưu nháp báo cáo."))
        return redirect("reports:detail", pk=report.pk)
    with refusal_caught() as sent:
        submitted = services.report_submit(actor=user, report=report)
    if not sent.ok:
        messages.error(
            request, _("Đã lưu nháp nhưng chưa nộp được: %(reason)s") % {"reason": sent.error}
        )
        return redirect("reports:detail", pk=report.pk)
    messages.success(request, _submitted_message(submitted))
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One report: the pre-filled figures, then the form (unit staff, while open or
    returned) or the report as submitted; the Ban TĐKT's accept and return beside it.

    "Lưu nháp" for officers and the head; "Xác nhận và nộp" for the head only — an
    officer's POST asking to submit is refused (403) before anything is saved.
    """
    user = request.user
    report = visible_report(user, pk)
    staff = is_report_unit_staff(user, report)
    editable = staff and report.state in EDITABLE_STATES
    if request.method == "POST":
        if not staff:
            raise PermissionDenied(_("Chỉ cán bộ, thủ trưởng của đơn vị mới lập báo cáo này."))
        if request.POST.get("action") == "submit" and not is_report_unit_head(user, report):
            raise PermissionDenied(_("Chỉ thủ trưởng đơn vị mới xác nhận và nộp báo cáo."))
        if not editable:
            messages.error(request, _("Báo cáo đã nộp hoặc đã được tiếp nhận: không sửa được nữa."))
            return redirect("reports:detail", pk=pk)
    else:
        _opened(user, report)
    form = None
    if editable:
        areas = _areas(report)
        data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
        form = ReportForm(*data, report=report, areas=areas)
        if request.method == "POST" and form.is_valid():
            done = _save(request, report, form)
            if done is not None:
                return done
    status = 422 if request.method == "POST" else 200
    return render(request, "reports/detail.html", _context(user, report, form), status=status)


@login_required
@require_POST
def prefill_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a new snapshot of the unit's works and targets (open or returned reports)."""
    report = visible_report(request.user, pk)
    refreshed = _("Đã cập nhật số liệu công trình và chỉ tiêu đến hôm nay.")
    with refusal_caught(request, success=refreshed):
        services.report_prefill_refresh(actor=request.user, report=report)
    return redirect("reports:detail", pk=pk)


@login_required
@require_GET
def attachment_file(request: HttpRequest, pk: int, attachment: int) -> FileResponse:
    """A report's attached file, for those who may see the report only.

    Served through this view (never a public /media/ address) with the type found when
    the file was checked; photos open in the page, documents download.
    """
    item = (
        ReportAttachment.objects.filter(
            pk=attachment, report_id=pk, report__in=reports_visible_to(request.user)
        )
        .only("file", "original_name", "content_type")
        .first()
    )
    if item is None:
        raise Http404(_("Không tìm thấy tệp đính kèm."))
    response = stored_file_response(
        item.file,
        content_type=item.content_type,
        as_attachment=not item.content_type.startswith("image/"),
        filename=item.original_name,
        missing=_("Tệp đính kèm không còn trên máy chủ."),
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
