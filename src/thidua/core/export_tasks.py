"""The task that writes a large export (``core.exports``), run by ``db_worker``.

``export_job_run`` is the only code that moves a job on, through the workflow engine
(``core.exports.EXPORT_JOBS``): queued → running → done (the file stored privately
through Django's default storage), or failed with a Vietnamese message. The rows are
read again here, with the requester's rights (the kind's ``rows`` starts from its
visibility selector; those rights, the kind's ``grants``, are recorded on the job), in chunks (``iterator(chunk_size=CHUNK)``); the progress is saved
every ``settings.EXPORT_PROGRESS_ROWS`` rows (one small UPDATE), and a job cancelled
meanwhile stops at its next step and stores nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.core.files import File
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.core.errors import DomainError
from thidua.core.exports import (
    EXPORT_JOBS,
    PENDING,
    ExportAction,
    export_kind,
    job_source_drop,
)
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.task_leases import TaskCancelled, run_or_fail

#: Rows read from the database at a time (a server-side cursor on PostgreSQL).
CHUNK = 2000


def job_step(job: ExportJob, **fields: Any) -> bool:
    """Save the progress of a running job (never its state); False when the job is no
    longer running (its requester cancelled it meanwhile)."""
    saved = ExportJob.objects.filter(pk=job.pk, state=ExportJobState.RUNNING).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)
    return saved == 1


class _Progress:
    """The rows as they come, saving how many were written every ``every`` rows.

    A job cancelled meanwhile ends the rows there (``cancelled``): the writer closes its
    workbook as usual and the task then throws the file away. Raising inside openpyxl's
    write-only loop instead would leave its XML writer half open."""

    def __init__(self, job: ExportJob, every: int) -> None:
        self.job, self.every, self.cancelled = job, max(1, every), False

    def rows(self, rows: Iterable[Any]) -> Iterator[Any]:
        done = 0
        for row in rows:
            yield row
            done += 1
            if done % self.every == 0 and not job_step(self.job, done=done):
                self.cancelled = True
                return
        self.cancelled = not job_step(self.job, done=done)


def _run(job: ExportJob) -> ExportJob:
    kind = export_kind(job.kind)
    # The rights the rows are read with, recorded with the file: it is served only while
    # the requester still holds them (``core.rules.may_download_export``).
    grants = sorted(kind.grants(job.requested_by))
    rows = kind.rows(job.requested_by, job.parameters)
    total = rows.count()

    def start(locked: ExportJob) -> None:
        locked.total, locked.done, locked.started_at = total, 0, timezone.now()
        locked.grants = grants

    if job.state == ExportJobState.QUEUED:
        job = EXPORT_JOBS.run(job, actor=None, action=ExportAction.START, apply=start)
    elif not job_step(job, total=total, done=0, grants=grants):  # resumed: again
        raise TaskCancelled(job.pk)
    name = kind.file_name()
    progress = _Progress(job, settings.EXPORT_PROGRESS_ROWS)
    with tempfile.TemporaryFile() as stream:
        written = kind.write(progress.rows(rows.iterator(chunk_size=CHUNK)), stream)
        if progress.cancelled:
            raise TaskCancelled(job.pk)
        stream.seek(0)

        def finish(locked: ExportJob) -> dict[str, Any]:
            locked.result.save(name, File(stream, name=name), save=False)
            locked.file_name, locked.finished_at, locked.error = name, timezone.now(), ""
            locked.done = locked.total = written
            return {"rows": written}

        return EXPORT_JOBS.run(job, actor=None, action=ExportAction.FINISH, apply=finish)


@task()
def export_job_run(job_id: int) -> str:
    """Write the file of a queued export job; return the job's state. A job left running
    by a worker that died is written again from the start (its task runs again once its
    lease expired, ``core.task_leases``); one missing or finished is left alone."""
    return job_run("Export job", job_id, _run, _export_failure)


def job_run(
    what: str, job_id: int, run: Callable[[ExportJob], ExportJob], failure: Callable[[str], str]
) -> str:
    """Run the pending job ``job_id`` (``run_or_fail``): its new state, or "skipped" when
    it is missing or finished; a failure is worded by ``failure(reason)``."""
    job = (
        ExportJob.objects.select_related("requested_by")
        .filter(pk=job_id, state__in=PENDING)
        .first()
    )
    if job is None:
        return "skipped"
    return run_or_fail(
        what,
        job_id,
        lambda: run(job),
        cancelled=lambda: ExportJob.objects.filter(
            pk=job_id, state=ExportJobState.CANCELLED
        ).exists(),
        fail=lambda error: job_fail(job, failure(type(error).__name__), type(error).__name__),
        cancelled_state=str(ExportJobState.CANCELLED),
    )


def _export_failure(reason: str) -> str:
    with translation.override("vi"):
        return _(
            "Không tạo được tệp xuất (%(error)s). Vui lòng thử lại; nếu vẫn lỗi, báo cho "
            "quản trị hệ thống."
        ) % {"error": reason}


def job_fail(
    job: ExportJob, message: str, reason: str, outcome: dict[str, Any] | None = None
) -> ExportJob:
    """Mark a pending job failed with ``message`` (and an import's ``outcome``, its
    uploaded file removed); one finished or cancelled meanwhile is left as it is."""

    def fail(locked: ExportJob) -> dict[str, Any]:
        locked.error, locked.finished_at = message, timezone.now()
        if outcome is not None:
            locked.outcome = outcome
        return {"error": reason}

    try:
        job = EXPORT_JOBS.run(job, actor=None, action=ExportAction.FAIL, apply=fail)
    except DomainError:  # finished or cancelled meanwhile: nothing left to mark
        job = ExportJob.objects.get(pk=job.pk)
    job_source_drop(job)
    return job


#: The task of each kind of job and how its failure is worded (``job_abandoned``);
#: ``core.import_tasks`` adds its own.
JOB_TASKS: dict[Callable[..., Any], Callable[[str], str]] = {export_job_run.func: _export_failure}


def export_job_abandoned(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_finished`` receiver: a job whose task failed outside its own error
    handling (its worker died too often, ``core.task_leases``) is marked failed, so its
    page stops waiting and the requester may ask again."""
    failure = JOB_TASKS.get(task_result.task.func)
    if failure is None or str(task_result.status) != "FAILED" or not task_result.args:
        return
    job = ExportJob.objects.filter(pk=task_result.args[0], state__in=PENDING).first()
    if job is not None:
        job_fail(job, failure("WorkerLost"), "WorkerLost")
