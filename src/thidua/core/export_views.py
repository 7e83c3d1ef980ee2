"""The page of an export or import job: its progress bar (polled with HTMX), cancel, the
file (an export) or the outcome (an import: rows created, or each row's error).

Only the person who asked for the export sees any of it: anyone else gets a 404, as
for a job that does not exist (a sibling unit's officer learns nothing, not even that
the job exists). The file was written with the requester's rights (``core.export_tasks``)
and is served again only to them, never from a cache, and only while they still hold
those rights (``core.rules.may_download_export``): a requester who lost them since gets
the 403 page, for the job page and the file alike. A file past its retention was removed
(``core.export_expiry``); the page says so.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.core.errors import NotPermitted
from thidua.core.exports import PENDING, export_job_cancel, export_kind
from thidua.core.files import stored_file_response
from thidua.core.imports import import_kind
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.refusals import refusal_caught
from thidua.core.rules import may_download_export
from thidua.core.views import render_page_or_part, wants_fragment


def _own_job(request: HttpRequest, pk: int) -> ExportJob:
    """The signed-in person's own job ``pk``; 404 for any other (or none)."""
    job = ExportJob.objects.filter(pk=pk, requested_by_id=request.user.pk).first()
    if job is None:
        raise Http404(_("Không tìm thấy tệp xuất."))
    return job


def _no_longer_allowed() -> str:
    return _(
        "Bạn không còn quyền xem tệp xuất này: vai trò hoặc đơn vị của bạn đã thay "
        "đổi sau khi tệp được tạo. Nếu vẫn cần, hãy xuất lại từ trang dữ liệu."
    )


def _own_job_still_allowed(request: HttpRequest, pk: int) -> ExportJob:
    """``_own_job``, refused (the 403 page) when the requester no longer holds the rights
    the export was written with."""
    job = _own_job(request, pk)
    if not may_download_export(request.user, job):
        raise NotPermitted(_no_longer_allowed())
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
    if not may_download_export(request.user, job):
        if not wants_fragment(request):
            raise NotPermitted(_no_longer_allowed())
        # The polling bar shows the refusal in its place and stops polling.
        refused = {"job": job, "finished": True, "refused": _no_longer_allowed()}
        return render_page_or_part(
            request, "core/export_job.html", "progress", refused, no_store=True, status=403
        )
    context = {
        "job": job,
        "label": _label(job),
        "importing": import_kind(job.kind) is not None,
        "back_url": _back_url(job),
        "finished": job.state not in PENDING,
        "retention_days": settings.EXPORT_RETENTION_DAYS,
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
def export_job_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The finished job's file, for its requester only while they still hold the rights
    it was written with (private, never cached); for an expired job, its page."""
    job = _own_job_still_allowed(request, pk)
    if job.state == ExportJobState.EXPIRED:  # an old link: the page says why it is gone
        return redirect("core:export_job", pk=job.pk)
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
