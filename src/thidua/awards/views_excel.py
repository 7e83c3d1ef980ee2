"""The Excel template and upload of a unit's nomination list."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.awards.excel import file_problem, import_nominations, sheet_rows, template_bytes
from thidua.awards.import_jobs import KIND
from thidua.awards.rules import can_propose_for
from thidua.campaigns.selectors import campaigns_for_unit
from thidua.core.imports import import_job_request
from thidua.core.refusals import refusal_caught
from thidua.core.uploads import XLSX_IMPORT_BYTES
from thidua.core.views import pick_by_id
from thidua.organisations.selectors import staff_units

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    units = staff_units(request.user)
    unit = pick_by_id(units, request.GET.get("unit"))
    if unit is None:
        raise PermissionDenied
    campaign = pick_by_id(campaigns_for_unit(request.user, unit), request.GET.get("campaign"))
    if campaign is None:
        raise PermissionDenied
    response = HttpResponse(template_bytes(campaign), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-de-nghi-khen-thuong.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def upload_page(request: HttpRequest) -> HttpResponse:
    """Upload a filled template: all rows are created, or none and every error listed; a
    list of more than ``settings.IMPORT_DIRECT_ROWS`` rows is imported by a job (its
    page shows the progress, then the rows created or every error)."""
    units = staff_units(request.user)
    unit = pick_by_id(units, request.GET.get("unit") or request.POST.get("unit"))
    if unit is None:
        raise PermissionDenied
    campaigns = campaigns_for_unit(request.user, unit)
    campaign = pick_by_id(campaigns, request.GET.get("campaign") or request.POST.get("campaign"))
    errors: list[str] = []
    if request.method == "POST" and campaign is not None:
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Hãy chọn tệp Excel.")]
        else:
            size = upload.size or 0
            content = upload.read(XLSX_IMPORT_BYTES + 1)  # more is refused anyway
            if _is_large(content, size):
                if not can_propose_for(request.user, unit):
                    raise PermissionDenied
                job = import_job_request(
                    actor=request.user,
                    kind=KIND,
                    parameters={"unit": unit.pk, "campaign": campaign.pk},
                    content=content,
                    name=upload.name or "",
                )
                return redirect("core:export_job", pk=job.pk)
            with refusal_caught() as outcome:
                result = import_nominations(
                    by=request.user,
                    campaign=campaign,
                    unit=unit,
                    stream=io.BytesIO(content),
                    size=size,
                )
            errors = result.errors if outcome.ok else [outcome.error]
            if not errors:
                messages.success(
                    request, _("Đã nhập %(n)s đề nghị (dự thảo).") % {"n": result.created}
                )
                return redirect(f"/khen-thuong/?unit={unit.pk}&campaign={campaign.pk}")
    context = {
        "unit": unit,
        "units": units,
        "campaign": campaign,
        "campaigns": campaigns,
        "errors": errors,
        "direct_rows": settings.IMPORT_DIRECT_ROWS,
    }
    return render(request, "awards/excel_upload.html", context)


def _is_large(content: bytes, size: int) -> bool:
    """A good .xlsx whose list sheet has more than ``settings.IMPORT_DIRECT_ROWS`` rows: a
    job (a bad file is refused in the request, in words, as any other)."""
    if file_problem(io.BytesIO(content), size) is not None:
        return False
    return sheet_rows(io.BytesIO(content)) > settings.IMPORT_DIRECT_ROWS
