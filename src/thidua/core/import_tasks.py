"""The task that runs a large import (``core.imports``), run by ``db_worker``.

``import_job_run`` moves the job through the export jobs' workflow (``EXPORT_JOBS``):
queued → running (the progress saved as the file is read) → done, moved inside the very
transaction that saves the rows (a cancel that came first refuses the move and rolls
every row back: all or nothing), or failed with every row's error and nothing saved.
The uploaded file is removed once the job is finished.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.core.errors import NotPermitted
from thidua.core.export_tasks import JOB_TASKS, job_fail, job_run, job_step
from thidua.core.exports import EXPORT_JOBS, ExportAction, job_source_drop
from thidua.core.imports import import_kind
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.task_leases import TaskCancelled

#: Errors kept on the job for its page (a file with more lists the first ones).
KEPT_ERRORS = 1000


class _Steps:
    """What the import tells its job (``core.imports.ImportSteps``)."""

    def __init__(self, job: ExportJob) -> None:
        self.job = job
        self.finished: ExportJob | None = None

    def progress(self, done: int, total: int) -> None:
        if not job_step(self.job, done=done, total=total):
            raise TaskCancelled(self.job.pk)

    def commit(self, created: int, notes: list[str]) -> None:
        def finish(locked: ExportJob) -> dict[str, Any]:
            locked.outcome = {"created": created, "notes": notes[:KEPT_ERRORS]}
            locked.done = locked.total = created
            locked.finished_at, locked.error = timezone.now(), ""
            return {"created": created}

        self.finished = EXPORT_JOBS.run(
            self.job, actor=None, action=ExportAction.FINISH, apply=finish
        )


def _start(locked: ExportJob) -> None:
    locked.total, locked.done, locked.started_at = 0, 0, timezone.now()


def _run(job: ExportJob) -> ExportJob:
    kind = import_kind(job.kind)
    if kind is None:
        raise KeyError(job.kind)
    with job.source.open("rb") as stream:
        content = stream.read()
    if job.state == ExportJobState.QUEUED:
        job = EXPORT_JOBS.run(job, actor=None, action=ExportAction.START, apply=_start)
    elif not job_step(job, total=0, done=0):  # resumed after its worker died: again
        raise TaskCancelled(job.pk)
    steps = _Steps(job)
    try:
        errors = kind.run(job.requested_by, job.parameters, content, steps)
    except NotPermitted:
        errors = [_("Bạn không còn quyền nhập danh sách cho đơn vị này; không dòng nào được lưu.")]
    if not errors:
        if steps.finished is None:
            raise RuntimeError("import %s saved rows without finishing its job" % job.kind)
        job_source_drop(steps.finished)
        return steps.finished
    message = _("Tệp có %(n)s lỗi; chưa lưu dòng nào. Hãy sửa rồi tải lên lại.") % {
        "n": len(errors)
    }
    outcome = {"errors": errors[:KEPT_ERRORS], "count": len(errors)}
    return job_fail(job, message, "rows", outcome)


def _import_failure(reason: str) -> str:
    with translation.override("vi"):
        return _(
            "Không nhập được tệp (%(error)s); không dòng nào được lưu. Vui lòng thử lại; nếu "
            "vẫn lỗi, báo cho quản trị hệ thống."
        ) % {"error": reason}


@task()
def import_job_run(job_id: int) -> str:
    """Import the file of a queued import job; return the job's state. A job left running
    by a worker that died is imported again from the start (nothing of the first run was
    saved: rows and the finish commit together); one missing or finished is left alone."""
    return job_run("Import job", job_id, _run, _import_failure)


JOB_TASKS[import_job_run.func] = _import_failure
