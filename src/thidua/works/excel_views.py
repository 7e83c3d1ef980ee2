"""Excel pages of works: download a unit's registration template, upload it, export the register.

Permissions: the template and the upload are for the unit's own officers or head
(``can_register_for``) on a campaign visible to them that covers the unit; the export is
for anyone who can list works and holds exactly what ``works_visible_to`` gives them.
"""

from __future__ import annotations

import tempfile
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core.exports import export_or_job, query_parameters
from thidua.core.form_conventions import FormConventions
from thidua.core.imports import import_job_request
from thidua.core.models import ExportJob
from thidua.core.views import wants_fragment
from thidua.organisations.models import Unit
from thidua.works.excel import (
    CONFIRM_LABEL,
    MAX_IMPORT_BYTES,
    XLSX_CONTENT_TYPE,
    ImportResult,
    RowError,
    file_problem,
    register_export_to,
    registration_import,
    registration_template,
    size_problem,
)
from thidua.works.exports import EXPORT_KIND, FILTER_NAMES, filters_from_query
from thidua.works.import_jobs import KIND, file_rows
from thidua.works.selectors import work_list
from thidua.works.services import can_register_for


class ExcelUploadForm(FormConventions, forms.Form):
    """The filled template, and the confirmation that look-alike works are not copies."""

    file = forms.FileField(
        label=gettext_lazy("Tệp Excel đã điền (.xlsx, tối đa 5 MB)"),
        allow_empty_file=True,  # the import says what is wrong with an empty file
        error_messages={"required": gettext_lazy("Hãy chọn tệp Excel đã điền theo mẫu.")},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    confirm_similar = forms.BooleanField(label=gettext_lazy(CONFIRM_LABEL), required=False)


def _registration_target(
    request: HttpRequest, campaign_pk: int, unit_pk: int
) -> tuple[Campaign, Unit]:
    """The campaign (visible to the user) and the unit they register for, or 403/404."""
    campaign = get_object_or_404(
        campaigns_visible_to(request.user).select_related("issuer_unit"), pk=campaign_pk
    )
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not can_register_for(request.user, unit):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise Http404(_("Đơn vị không thuộc phạm vi của phong trào này."))
    return campaign, unit


def _xlsx_name(*parts: str) -> str:
    return "-".join(part.replace("/", "-") for part in parts if part) + ".xlsx"


@login_required
@require_GET
def excel_template(request: HttpRequest, campaign: int, unit: int) -> HttpResponse:
    """Download the registration template of one unit for one campaign."""
    campaign_obj, unit_obj = _registration_target(request, campaign, unit)
    content = registration_template(campaign_obj, unit_obj)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    name = _xlsx_name("dang-ky-cong-trinh", campaign_obj.code, unit_obj.code)
    response["Content-Disposition"] = content_disposition_header(True, name) or ""
    return response


@login_required
@require_http_methods(["GET", "POST"])
def excel_upload(request: HttpRequest, campaign: int, unit: int) -> HttpResponse:
    """Upload a filled template: every row is registered, or none and each error is listed.

    Never a server error on a bad file: size, type and content are checked before any row
    is read; an HTMX request gets the result fragment only.
    """
    campaign_obj, unit_obj = _registration_target(request, campaign, unit)
    result: ImportResult | None = None
    if request.method == "POST":
        form = ExcelUploadForm(request.POST, request.FILES)
        if form.is_valid():
            answer = _import(request, campaign_obj, unit_obj, form)
            if isinstance(answer, ExportJob):
                return _to_job(request, answer)
            result = answer
            if result.ok:
                form = ExcelUploadForm()
    else:
        form = ExcelUploadForm()
    context: dict[str, Any] = {
        "campaign": campaign_obj,
        "unit": unit_obj,
        "form": form,
        "result": result,
        "max_mb": MAX_IMPORT_BYTES // (1024 * 1024),
        "direct_rows": settings.IMPORT_DIRECT_ROWS,
    }
    fragment = request.method == "POST" and wants_fragment(request)
    context["fragment"] = fragment
    template = "works/excel_upload.html#result" if fragment else "works/excel_upload.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _import(
    request: HttpRequest, campaign: Campaign, unit: Unit, form: ExcelUploadForm
) -> ImportResult | ExportJob:
    """The file imported here, or, beyond ``settings.IMPORT_DIRECT_ROWS`` rows, its job
    (``works.import_jobs``; a bad file is refused here, in words, whatever its size)."""
    upload = form.cleaned_data["file"]
    problem = size_problem(upload.size)  # decided before reading a byte of it
    if problem:
        return ImportResult(errors=[RowError(None, None, problem)])
    content = upload.read()
    confirm = form.cleaned_data["confirm_similar"]
    if file_problem(content) is None and file_rows(content) > settings.IMPORT_DIRECT_ROWS:
        return import_job_request(
            actor=request.user,
            kind=KIND,
            parameters={"campaign": campaign.pk, "unit": unit.pk, "confirm": confirm},
            content=content,
            name=upload.name or "",
        )
    return registration_import(
        actor=request.user, campaign=campaign, unit=unit, content=content, confirm_similar=confirm
    )


def _to_job(request: HttpRequest, job: ExportJob) -> HttpResponse:
    """The job's progress page (an HTMX upload is sent there whole, not swapped in)."""
    url = reverse("core:export_job", args=[job.pk])
    if wants_fragment(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@login_required
@require_GET
def excel_export(request: HttpRequest) -> HttpResponseBase:
    """The register as the user sees it, with the register page's filters, as XLSX.

    Up to ``settings.EXPORT_DIRECT_ROWS`` works the file comes at once (openpyxl write-only, in a
    temporary file, streamed); more become an export job written by the worker, and the
    answer is its progress page (issue #16: no request writes a national register).
    """
    today = timezone.localdate()
    works = work_list(request.user, filters_from_query(request.GET), today=today)

    def direct(rows: list[Any]) -> FileResponse:
        stream = tempfile.TemporaryFile()  # noqa: SIM115 — FileResponse closes it when sent
        register_export_to(rows, today=today, stream=stream)
        stream.seek(0)
        name = _xlsx_name("cong-trinh", today.strftime("%Y-%m-%d"))
        return FileResponse(
            stream, as_attachment=True, filename=name, content_type=XLSX_CONTENT_TYPE
        )

    return export_or_job(
        request,
        kind=EXPORT_KIND,
        parameters=query_parameters(request, FILTER_NAMES),
        rows=works,
        direct=direct,
    )
