"""Old export files are removed (issue #16): the daily ``python -m thidua exports_expire``.

An export's file is a copy of data taken with its requester's rights on one day. Kept for
ever it would pile up in the storage (the disk or the bucket) and keep that copy alive
long after the data changed; so it is kept ``settings.EXPORT_RETENTION_DAYS`` days after
it was written, then removed through the storage API (the same call for the local disk
and for S3, ``core.file_storage``) and its job moved done → expired by the workflow
engine (``EXPORT_JOBS``, an ``ExportJobEvent`` naming the file). The job's page then says
the file expired and can be made again. No law sets the period: it is the operator's
setting (``THIDUA_EXPORT_RETENTION_DAYS``, docs/operations.md).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone

from thidua.core.exports import EXPORT_JOBS, ExportAction
from thidua.core.models import ExportJob, ExportJobState

logger = logging.getLogger("thidua.core.export_expiry")


@dataclass
class ExpiryResult:
    """What one run did: the jobs whose file was removed, those whose removal failed."""

    expired: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def export_job_expire(*, job: ExportJob) -> ExportJob:
    """Remove a finished job's file from the storage and mark the job expired.

    Guarantees: the file is deleted inside the move's transaction, before the job is
    saved: a storage that refuses (a bucket out of reach) raises, and the job stays
    *done*, to be tried again by the next run; a file already gone counts as removed
    (both storages delete a missing name without error). The event's payload names the
    file. ``DomainError`` for a job that is not *done*.
    """

    def remove(locked: ExportJob) -> dict[str, Any]:
        name = locked.result.name or ""
        if name:
            locked.result.storage.delete(name)
        locked.result = ""
        return {"file": name}

    return EXPORT_JOBS.run(job, actor=None, action=ExportAction.EXPIRE, apply=remove)


def export_jobs_expire(*, days: int | None = None, now: dt.datetime | None = None) -> ExpiryResult:
    """Expire every finished job whose file was written more than ``days`` days before
    ``now`` (default ``settings.EXPORT_RETENTION_DAYS`` and the present moment), oldest
    first, each in its own transaction: one failure (logged, listed in ``failed``) does
    not keep the others' files."""
    keep = settings.EXPORT_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - dt.timedelta(days=keep)
    result = ExpiryResult()
    old = ExportJob.objects.filter(state=ExportJobState.DONE, finished_at__lt=cutoff)
    for job in old.order_by("finished_at", "pk"):
        try:
            export_job_expire(job=job)
        except Exception:
            logger.exception("Export job %s: its file could not be removed", job.pk)
            result.failed.append(job.pk)
        else:
            result.expired.append(job.pk)
    return result
