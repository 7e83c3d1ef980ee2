"""thidua's ``db_worker``: django-tasks' database worker with task leases.

Same command line as django-tasks' own (``python -m thidua db_worker --queue-name '*'``;
thidua.core comes before django_tasks_db in INSTALLED_APPS, so this one is found). It
adds what ``core.task_leases`` describes: a lease on the task being run, renewed by a
second thread, and the recovery of tasks whose worker died — at start, then every third
of a lease. At start it also removes the temporary upload files a killed web server left
(``core.upload_temp``).
"""

from __future__ import annotations

import logging
from typing import Any

from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from thidua.core.task_leases import LeaseKeeper, lease_release, lease_take, recover_lost_tasks
from thidua.core.upload_temp import upload_temp_clean

logger = logging.getLogger("thidua.core.db_worker")


class LeasedWorker(db_worker.Worker):
    """A worker that holds a lease on the task it runs and recovers lost tasks."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keeper = LeaseKeeper(self.worker_id)

    def run(self) -> None:
        try:
            upload_temp_clean()
        except OSError:
            logger.exception("Could not clean the temporary upload folder")
        recover_lost_tasks()
        self.keeper.start()
        try:
            super().run()
        finally:
            self.keeper.stop()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        lease_take(db_task_result.pk, self.worker_id)
        self.keeper.current = db_task_result.pk
        try:
            super().run_task(db_task_result)
        finally:
            self.keeper.current = None
            lease_release(db_task_result.pk, self.worker_id)


class Command(db_worker.Command):
    help = (
        "Run a database background worker (with task leases: a task whose worker died runs again)"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        original = db_worker.Worker
        db_worker.Worker = LeasedWorker  # type: ignore[misc]
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original  # type: ignore[misc]
