"""An export job whose worker died: written again from the start, or failed clearly after
the last attempt, so its page stops waiting (``core.task_leases``, issue #16)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories.decisions import World, issued
from thidua.core.exports import EXPORT_JOBS, ExportAction, export_job_request
from thidua.core.models import ExportJob, ExportJobState
from thidua.core.task_leases import recover_lost_tasks


def _killed_mid_job(world: World, capture: Any, *, attempts: int) -> ExportJob:
    """A history export its worker started (running, 2 of 4 rows) and died in."""
    issued(world)
    with capture(execute=True):
        job = export_job_request(actor=world.secretariat, kind="award_history", parameters={})
    EXPORT_JOBS.run(job, actor=None, action=ExportAction.START, apply=lambda j: None)
    ExportJob.objects.filter(pk=job.pk).update(total=4, done=2)
    DBTaskResult.objects.update(
        status="RUNNING",
        started_at=timezone.now() - dt.timedelta(minutes=5),
        worker_ids=[f"dead-{n}" for n in range(attempts)],
    )
    return job


@pytest.mark.django_db(transaction=True)
def test_a_job_left_running_is_written_again_and_finishes(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    job = _killed_mid_job(world, django_capture_on_commit_callbacks, attempts=1)

    recovered = recover_lost_tasks()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(recovered.requeued) == 1
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (ExportJobState.DONE, 4, 4)
    assert job.result.name.endswith(".xlsx")


def test_a_job_whose_worker_died_every_time_fails_with_a_message(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    job = _killed_mid_job(world, django_capture_on_commit_callbacks, attempts=3)

    recovered = recover_lost_tasks()

    assert len(recovered.failed) == 1
    job.refresh_from_db()
    assert job.state == ExportJobState.FAILED
    assert "Không tạo được tệp xuất (WorkerLost)" in job.error
    again = export_job_request(actor=world.secretariat, kind="award_history", parameters={})
    assert again.pk != job.pk and again.state == ExportJobState.QUEUED
