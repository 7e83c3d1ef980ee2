"""Permission predicates of core's own records (django-rules): an export job's file.

An export's rows are read with its requester's rights (``core.export_tasks``); the file
then outlives the request. Whoever lost those rights since (a membership ended or
removed, an account deactivated) must not keep the data through the file: the job page
and the download ask ``may_download_export`` every time (issue #16).
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.core.exports import export_kind
from thidua.core.imports import import_kind
from thidua.core.models import ExportJob


@rules.predicate
def may_download_export(user: Any, job: ExportJob | None) -> bool:
    """The requester of ``job``, still active, who still holds every right the file was
    written with (``job.grants``, the kind's ``ExportKind.grants`` when the task read the
    rows) and still some right to that export at all (a job not yet started recorded
    none). Rights gained since change nothing; any right lost refuses: the file may
    hold rows that right alone made visible. A kind no app registers any more: refused.
    """
    if job is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.is_active or user.pk != job.requested_by_id:
        return False
    if import_kind(job.kind) is not None:
        # An import job's page shows the outcome of the requester's own file; the worker
        # re-checked their rights on the unit before it saved a row (``core.import_tasks``).
        return True
    try:
        kind = export_kind(job.kind)
    except KeyError:
        return False
    held = kind.grants(user)
    return bool(held) and set(job.grants) <= held


rules.add_perm("core.download_export", may_download_export)
