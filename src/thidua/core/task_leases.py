"""Leases of running background tasks: a task whose worker died is run again, once.

django-tasks' database worker marks a task *running* when it claims it and nothing
more: a worker killed mid-task (kill -9, out of memory, the machine rebooted) left the
task running for ever, and the page that asked for it refused to ask again. thidua's
``db_worker`` (``core/management/commands/db_worker.py``) adds a lease:

- when it starts a task it takes the task's lease (``TaskLease``) for
  ``TASK_LEASE_SECONDS`` and renews it every third of that while the task runs (a
  thread of its own, ``LeaseKeeper``), then gives it back when the task ends;
- every worker, at start and then every third of a lease, looks for *running* tasks
  whose lease expired (or that never got one and started longer than a lease ago):
  their worker is gone. Each is queued again, to be claimed by exactly one worker the
  usual way (a locked ``SELECT … SKIP LOCKED``), or, once it was started
  ``TASK_MAX_ATTEMPTS`` times, failed with a Vietnamese message and the
  ``task_finished`` signal, so that the app that owns it marks its own row failed.

A live worker renews its lease long before it expires, so a task is never taken from a
worker that still runs it; the only way two could run it at once is a worker frozen
(not killed) for longer than a lease, which the keeper logs as an error when it wakes.
The tasks themselves resume a row left *running* by a dead worker (see
``decisions.certificates`` and ``reports.consolidation_tasks``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from thidua.core.models import TaskLease

logger = logging.getLogger("thidua.core.task_leases")
RUNNING, READY = "RUNNING", "READY"


class WorkerLost(Exception):
    """The worker running a task died: recorded as the failed task's exception."""


class TaskCancelled(Exception):
    """The Ban TĐKT cancelled the task while it ran: raised by the task's own progress
    step (which finds its row no longer *running*), so that the task stops there,
    removes what it half wrote and ends quietly (the row already says *cancelled*)."""


def run_or_fail(
    what: str,
    pk: int,
    work: Callable[[], Any],
    *,
    cancelled: Callable[[], bool],
    fail: Callable[[Exception], Any],
    cancelled_state: str,
) -> str:
    """Run a job's ``work`` in Vietnamese (its files are official documents) and return its
    new state: ``cancelled_state`` when the Ban TĐKT cancelled it (``TaskCancelled`` from its
    own progress step, or any error right after a cancel), else ``fail(error)``'s state after
    logging the traceback. ``what`` names the job in the log."""
    try:
        with override("vi"):
            return str(work().state)
    except TaskCancelled:
        logger.info("%s %s cancelled; stopped", what, pk)
        return cancelled_state
    except Exception as error:
        if cancelled():  # cancelled just before a move of its own
            logger.info("%s %s cancelled; stopped", what, pk)
            return cancelled_state
        logger.exception("%s %s failed", what, pk)
        return str(fail(error).state)


def lease_seconds() -> float:
    return float(settings.TASK_LEASE_SECONDS)


def lease_take(task_id: UUID | str, worker_id: str) -> None:
    """Take (or take over) the lease of a task this worker just claimed."""
    TaskLease.objects.update_or_create(
        task_id=task_id,
        defaults={
            "worker_id": worker_id,
            "expires_at": timezone.now() + dt.timedelta(seconds=lease_seconds()),
        },
    )


def lease_renew(task_id: UUID | str, worker_id: str) -> bool:
    """Extend this worker's lease; False when it is no longer this worker's."""
    renewed = TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).update(
        expires_at=timezone.now() + dt.timedelta(seconds=lease_seconds())
    )
    return renewed == 1


def lease_release(task_id: UUID | str, worker_id: str) -> None:
    TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).delete()


@dataclass
class Recovery:
    """What one look for lost tasks did: the task ids queued again and failed."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _lost_tasks(now: dt.datetime) -> list[DBTaskResult]:
    leases = TaskLease.objects.filter(task_id=OuterRef("pk"))
    expired = Exists(leases.filter(expires_at__lt=now))
    never_leased = ~Exists(leases) & Q(started_at__lt=now - dt.timedelta(seconds=lease_seconds()))
    lost = DBTaskResult.objects.filter(status=RUNNING).filter(expired | never_leased)
    return list(lost.select_for_update(skip_locked=True).order_by("started_at"))


def recover_lost_tasks() -> Recovery:
    """Queue again, or fail after the last attempt, every running task whose worker is
    gone (its lease expired). Safe to run in every worker at once: the rows are locked
    while they change, and a recovered task is claimed by one worker only."""
    now = timezone.now()
    result = Recovery()
    failed: list[DBTaskResult] = []
    with exclusive_transaction():
        for task_result in _lost_tasks(now):
            attempts = len(task_result.worker_ids)
            TaskLease.objects.filter(task_id=task_result.pk).delete()
            if attempts < settings.TASK_MAX_ATTEMPTS:
                # django-tasks' own row (its worker writes the status directly too).
                task_result.status = READY
                task_result.save(update_fields=["status"])
                result.requeued.append(str(task_result.pk))
                logger.warning(
                    "Task %s (%s) lost its worker %s; queued again (attempt %d of %d)",
                    task_result.pk,
                    task_result.task_path,
                    (task_result.worker_ids or ["?"])[-1],
                    attempts + 1,
                    settings.TASK_MAX_ATTEMPTS,
                )
                continue
            with override("vi"):
                message = _(
                    "Tác vụ đã bị dừng giữa chừng %(attempts)s lần vì tiến trình nền chạy nó "
                    "bị tắt đột ngột; đã ngừng thử lại. Hãy yêu cầu lại; nếu vẫn lỗi, báo "
                    "quản trị hệ thống."
                ) % {"attempts": attempts}
            task_result.set_failed(WorkerLost(message))
            failed.append(task_result)
            result.failed.append(str(task_result.pk))
            logger.error("Task %s (%s) failed: %s", task_result.pk, task_result.task_path, message)
    for task_result in failed:
        _announce_failure(task_result)
    return result


def _announce_failure(task_result: DBTaskResult) -> None:
    """Send ``task_finished`` for a task failed here, as the worker does for its own."""
    try:
        public = task_result.task_result
        sender = type(task_result.task.get_backend())
    except ImportError:
        logger.exception("Task %s of an unknown function failed", task_result.pk)
        return
    task_finished.send(sender=sender, task_result=public)


class LeaseKeeper(threading.Thread):
    """The worker's second thread: renews the lease of the task being run and looks for
    lost tasks, every third of a lease. Uses its own database connection."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"lease-keeper-{worker_id[:8]}", daemon=True)
        self.worker_id = worker_id
        self.current: UUID | str | None = None
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(lease_seconds() / 3):
                self.beat()
        finally:
            connections.close_all()

    def beat(self) -> None:
        try:
            current = self.current
            if current is not None and not lease_renew(current, self.worker_id):
                logger.error(
                    "Worker %s lost the lease of task %s (frozen longer than %s s?)",
                    self.worker_id,
                    current,
                    lease_seconds(),
                )
            recover_lost_tasks()
        except Exception:
            logger.exception("Lease keeper of worker %s", self.worker_id)
            connections.close_all()  # start the next beat on a fresh connection

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=lease_seconds())
