"""Progress of a work: dated reports with their evidence files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.uploads import CheckedFile, check_evidence
from thidua.works.models import Evidence, ProgressUpdate, Work, WorkEvent, WorkState
from thidua.works.rules import is_work_unit_staff
from thidua.works.workflow import work_start


def progress_add(
    *,
    actor: Any,
    work: Work,
    on: dt.date,
    percent: int,
    narrative: str,
    files: list[Any] | None = None,
) -> ProgressUpdate:
    """Record progress with its evidence; the first update of an approved work starts it.

    Progress never goes backwards; each file is checked by content and size, and a bad
    file rejects the whole update (nothing half-written).
    """
    _check_report(actor, work, on=on, percent=percent, narrative=narrative)
    checked = [(f, check_evidence(f, name=f.name, size=f.size)) for f in files or []]
    with transaction.atomic():
        # The state is read under the lock, not from the caller's copy (which may be stale),
        # and the start belongs to the same transaction as the update.
        locked = Work.objects.select_for_update().get(pk=work.pk)
        if locked.state == WorkState.APPROVED:
            locked = work_start(actor=actor, work=locked)
        if locked.state != WorkState.IN_PROGRESS:
            raise DomainError(
                _("Chỉ cập nhật tiến độ công trình đã duyệt, đang thực hiện."), code="bad_state"
            )
        if percent < locked.percent_complete:
            raise DomainError(
                _("Tiến độ không được thấp hơn lần trước (%(last)s%%).")
                % {"last": locked.percent_complete},
                code="progress_backwards",
            )
        update = ProgressUpdate.objects.create(
            work=locked, on=on, percent=percent, narrative=narrative, created_by=actor
        )
        _attach_evidence(update, checked)
        locked.percent_complete = percent
        locked.save(update_fields=["percent_complete", "updated_at"])
        WorkEvent.objects.create(
            work=locked,
            actor=actor,
            kind="progress",
            payload={"percent": percent, "on": on.isoformat(), "files": len(checked)},
        )
    return update


def _check_report(actor: Any, work: Work, *, on: dt.date, percent: int, narrative: str) -> None:
    """Refuse, before anything is locked, a reporter who is not the work's unit staff and
    a report whose percent, day or description cannot stand."""
    if not is_work_unit_staff(actor, work):
        raise NotPermitted()
    if not 0 <= percent <= 100:
        raise DomainError(_("Tiến độ phải từ 0 đến 100%."), code="bad_percent")
    if on > timezone.localdate():
        raise DomainError(_("Ngày cập nhật không được sau hôm nay."), code="future_date")
    if not narrative.strip():
        raise DomainError(_("Hãy mô tả tiến độ."), code="narrative_required")


def _attach_evidence(update: ProgressUpdate, checked: list[tuple[Any, CheckedFile]]) -> None:
    """One ``Evidence`` row per file already checked (``core.uploads.check_evidence``)."""
    for upload, info in checked:
        Evidence.objects.create(
            update=update,
            kind=info.kind,
            file=upload,
            original_name=upload.name,
            content_type=info.content_type,
            size=info.size,
            sha256=info.sha256,
        )
