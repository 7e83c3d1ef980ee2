"""A certificate batch whose worker died: run again and finished, or failed clearly after
the last attempt (issue 15, item 5; ``core.task_leases``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories.decisions import World, issued
from thidua.core.task_leases import recover_lost_tasks
from thidua.decisions.certificates import certificate_batch_request
from thidua.decisions.models import BatchState, CertificateBatch
from thidua.decisions.transitions import BatchAction
from thidua.decisions.workflow import BATCHES


def _killed_mid_batch(world: World, capture: Any, *, attempts: int) -> CertificateBatch:
    """A batch its worker started (running, 1 %) and died in, ``attempts`` times."""
    decision = issued(world)
    with capture(execute=True):
        batch = certificate_batch_request(actor=world.secretariat, decision=decision)
    BATCHES.run(batch, actor=None, action=BatchAction.START, apply=lambda b: None)
    DBTaskResult.objects.update(
        status="RUNNING",
        started_at=timezone.now() - dt.timedelta(minutes=5),
        worker_ids=[f"dead-{n}" for n in range(attempts)],
    )
    return batch


# The worker closes connections that are not in autocommit (close_old_connections), as it
# should between tasks: inside a test's transaction that would close the test's own
# connection on PostgreSQL, so this test runs with real commits.
@pytest.mark.django_db(transaction=True)
def test_batch_left_running_is_queued_again_and_finishes(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    batch = _killed_mid_batch(world, django_capture_on_commit_callbacks, attempts=1)

    recovered = recover_lost_tasks()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(recovered.requeued) == 1 and recovered.failed == []
    batch.refresh_from_db()
    assert (batch.state, batch.progress, batch.done_count) == (BatchState.DONE, 100, 4)
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL" and len(task.worker_ids) == 2


def test_batch_whose_worker_died_every_time_fails_with_a_message(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    batch = _killed_mid_batch(world, django_capture_on_commit_callbacks, attempts=3)

    recovered = recover_lost_tasks()

    assert recovered.requeued == [] and len(recovered.failed) == 1
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert "bị dừng giữa chừng 3 lần" in task.traceback
    batch.refresh_from_db()
    assert batch.state == BatchState.FAILED
    assert "tiến trình nền bị dừng đột ngột nhiều lần" in batch.error
    # The Ban TĐKT may ask again.
    again = certificate_batch_request(actor=world.secretariat, decision=batch.decision)
    assert again.state == BatchState.QUEUED


def test_running_task_with_a_live_lease_is_left_alone(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from thidua.core.task_leases import lease_take

    _killed_mid_batch(world, django_capture_on_commit_callbacks, attempts=1)
    task = DBTaskResult.objects.get()
    lease_take(task.pk, "alive")

    recovered = recover_lost_tasks()

    assert recovered.requeued == [] and recovered.failed == []
    assert DBTaskResult.objects.get().status == "RUNNING"
