"""The page of an export or import job: its progress bar (polled with HTMX), cancel, the
file (an export) or the outcome (an import: rows created, or each row's error).

Only the person who asked for the export sees any of it: anyone else gets a 404, as
for a job that does not exist (a sibling unit's officer learns nothing, not even that
the job exists). The file was written with the requester's rights (``core.export_tasks``)
and is served again only to them, never from a cache.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.core.exports import PENDING, export_job_cancel, export_kind
from thidua.core.files import stored_file_response
from thidua.core.imports import import_kind
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.refusals import refusal_caught
from thidua.core.views import render_page_or_part


def _own_job(request: HttpRequest, pk: int) -> ExportJob:
    """The signed-in person's own job ``pk``; 404 for any other (or none)."""
    job = ExportJob.objects.filter(pk=pk, requested_by_id=request.user.pk).first()
    if job is None:
        raise Http404(_("Không tìm thấy tệp xuất."))
    return job


def _back_url(job: ExportJob) -> str:
    imported = import_kind(job.kind)
    if imported is not None:
        return imported.back(job.parameters)
    try:
        name = export_kind(job.kind).back_url
        return reverse(name) if name else ""
    except (KeyError, NoReverseMatch):
        return ""


def _label(job: ExportJob) -> Any:
    imported = import_kind(job.kind)
    if imported is not None:
        return imported.label
    try:
        return export_kind(job.kind).label
    except KeyError:
        return job.kind


@login_required
@require_GET
def export_job_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's progress bar; its fragment polls every 2 s until the job is finished,
    then offers the file (a fixed number of queries, whatever the job's size)."""
    job = _own_job(request, pk)
    context = {
        "job": job,
        "label": _label(job),
        "importing": import_kind(job.kind) is not None,
        "back_url": _back_url(job),
        "finished": job.state not in PENDING,
    }
    return render_page_or_part(request, "core/export_job.html", "progress", context, no_store=True)


@login_required
@require_POST
def export_job_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Hủy": cancel a queued or running job; the task stops at its next step."""
    job = _own_job(request, pk)
    with refusal_caught(request, level=messages.WARNING) as outcome:
        export_job_cancel(actor=request.user, job=job)
    if outcome.ok and import_kind(job.kind) is not None:
        messages.success(request, _("Đã hủy việc nhập tệp; không dòng nào được lưu."))
    elif outcome.ok:
        messages.success(request, _("Đã hủy việc xuất tệp."))
    return redirect("core:export_job", pk=pk)


@login_required
@require_GET
def export_job_file(request: HttpRequest, pk: int) -> FileResponse:
    """The finished job's file, for its requester only (private, never cached)."""
    job = _own_job(request, pk)
    if job.state != ExportJobState.DONE or not job.result.name:
        raise Http404(_("Tệp xuất chưa xong."))
    try:
        content_type = export_kind(job.kind).content_type
    except KeyError:
        raise Http404(_("Không tìm thấy tệp xuất.")) from None
    return stored_file_response(
        job.result,
        content_type=content_type,
        as_attachment=True,
        filename=job.file_name or job.result.name.rsplit("/", 1)[-1],
        missing=_("Tệp xuất không còn trên máy chủ; hãy xuất lại."),
        private=True,
    )
