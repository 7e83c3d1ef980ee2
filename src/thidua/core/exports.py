"""Exports of any size (issue #16): small ones answer at once, large ones are a task.

Core knows no domain app: each app that offers an export registers an ``ExportKind`` in
its ``AppConfig.ready()``::

    register_export_kind(
        ExportKind(key="works", label=…, rows=…, grants=…, write=…, file_name=…)
    )

``rows(user, parameters)`` is the app's visible rows for ``user`` with the page's
filters (its ``…_visible_to`` selector first: the task calls it with the requester's
rights, so a job never holds more than its requester may see), ``grants(user)`` names
the rights that selector rests on for ``user`` (``ExportKind.grants``: the file is served
only while the requester still holds them, ``core.rules.may_download_export``),
``write(rows, stream)`` writes the file (openpyxl write-only; ``rows`` is any iterable)
and ``file_name()`` names it.

A page calls ``export_or_job``: up to ``settings.EXPORT_DIRECT_ROWS`` rows are written in the request,
more become an ``ExportJob`` (``export_job_request``) whose page (``core.export_views``)
polls its progress. The job moves queued → running → done | failed | cancelled, and
done → expired when the daily ``exports_expire`` removes its file
(``core.export_expiry``), through the workflow engine (``EXPORT_JOBS``), each move an
``ExportJobEvent``; the task lives in ``core.export_tasks``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.models import ExportJob, ExportJobEvent, ExportJobState
from thidua.core.workflow import Workflow, event_writer, refusal_saying

#: A job in one of these states is still to finish (it may be cancelled).
PENDING = (ExportJobState.QUEUED, ExportJobState.RUNNING)


class ExportAction(StrEnum):
    """The moves of an export job (``EXPORT_TRANSITIONS``)."""

    START = "start"
    FINISH = "finish"
    FAIL = "fail"
    CANCEL = "cancel"
    EXPIRE = "expire"


J = ExportJobState
#: ``(state, action) → (target, who)``: the task (no actor) makes every move; a person
#: only cancels, and only their own job (``may_act_on_job``).
EXPORT_TRANSITIONS: dict[tuple[ExportJobState, ExportAction], tuple[ExportJobState, str]] = {
    (J.QUEUED, ExportAction.START): (J.RUNNING, "task"),
    (J.RUNNING, ExportAction.FINISH): (J.DONE, "task"),
    (J.QUEUED, ExportAction.FAIL): (J.FAILED, "task"),
    (J.RUNNING, ExportAction.FAIL): (J.FAILED, "task"),
    (J.QUEUED, ExportAction.CANCEL): (J.CANCELLED, "requester"),
    (J.RUNNING, ExportAction.CANCEL): (J.CANCELLED, "requester"),
    (J.DONE, ExportAction.EXPIRE): (J.EXPIRED, "task"),
}


def may_act_on_job(actor: Any, job: ExportJob, who: str) -> bool:
    """The task moves a job (no actor); a person may only cancel their own."""
    if actor is None:
        return True
    return who == "requester" and getattr(actor, "pk", None) == job.requested_by_id


EXPORT_JOBS: Workflow[ExportJob] = Workflow(
    model=ExportJob,
    states=ExportJobState,
    transitions=EXPORT_TRANSITIONS,
    may_act=may_act_on_job,
    record=event_writer(ExportJobEvent, "job"),
    refusal=refusal_saying(
        gettext_lazy("Tệp xuất đang ở trạng thái “%(state)s”; không thể %(action)s."),
        lambda action: {ExportAction.CANCEL: _("hủy")}.get(action, action),
    ),
)


Rows = Callable[[Any, dict[str, Any]], QuerySet[Any]]
Grants = Callable[[Any], frozenset[str]]
Writer = Callable[[Iterable[Any], IO[bytes]], int]


@dataclass(frozen=True)
class ExportKind:
    """An export an app offers: its visible rows, the rights they rest on, how a file is
    written and named.

    ``grants(user)`` names, as comparable tokens, every right of ``user`` that the
    visibility selector behind ``rows`` reads (a unit role's unit, a subtree, a
    province-wide role's province, being an administrator): the task records them with
    the file, and the file is served only while the requester still holds each of them
    (``core.rules.may_download_export``). It has no default: a kind that forgot it could
    not be registered, and its file would outlive its requester's rights.
    """

    key: str
    label: Any
    rows: Rows
    grants: Grants
    write: Writer
    file_name: Callable[[], str]
    content_type: str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    #: The page the export was asked from (a URL name), for the progress page's link back.
    back_url: str = ""


_KINDS: dict[str, ExportKind] = {}


def register_export_kind(kind: ExportKind) -> None:
    """Offer an export under ``kind.key`` (registered again: replaced, not doubled)."""
    _KINDS[kind.key] = kind


def export_kind(key: str) -> ExportKind:
    """The registered kind ``key`` (``KeyError`` when no app registered it)."""
    return _KINDS[key]


def export_kinds() -> list[ExportKind]:
    """Every registered kind, by key."""
    return [_KINDS[key] for key in sorted(_KINDS)]


def export_job_request(*, actor: Any, kind: str, parameters: dict[str, Any]) -> ExportJob:
    """Queue an export job of ``kind`` with the page's ``parameters`` for ``actor``.

    Guarantees: only a signed-in person may ask (``NotPermitted``); the same person asking
    the same export again while one is pending gets that one back (a double click makes
    no second job); the task is queued once the row is committed, with its first event.
    """
    from thidua.core.export_tasks import export_job_run

    export_kind(kind)
    return job_request(actor=actor, kind=kind, parameters=parameters, task=export_job_run)


def job_request(
    *,
    actor: Any,
    kind: str,
    parameters: dict[str, Any],
    task: Any,
    source: File | None = None,
) -> ExportJob:
    """An export or import job for ``actor`` (``export_job_request``, ``core.imports``):
    the pending one with the same kind and parameters, or a new one, its ``source`` file
    stored, its first event written and ``task`` queued once committed."""
    if not getattr(actor, "is_authenticated", False):
        raise NotPermitted()
    with transaction.atomic():
        pending = (
            ExportJob.objects.select_for_update()
            .filter(requested_by=actor, kind=kind, parameters=parameters, state__in=PENDING)
            .first()
        )
        if pending is not None:
            return pending
        job = ExportJob.objects.create(requested_by=actor, kind=kind, parameters=parameters)
        if source is not None:
            job.source.save(source.name or "tep.xlsx", source, save=False)
            job.save(update_fields=["source"])
        ExportJobEvent.objects.create(
            job=job, actor=actor, kind="requested", to_state=job.state, payload=parameters
        )
        transaction.on_commit(lambda: task.enqueue(job.pk))
    return job


def job_source_drop(job: ExportJob) -> None:
    """Remove an import job's uploaded file (once the job is finished: no one reads it
    again, and it holds personal data)."""
    if job.source.name:
        job.source.storage.delete(job.source.name)
        ExportJob.objects.filter(pk=job.pk).update(source="")


def export_job_cancel(*, actor: Any, job: ExportJob) -> ExportJob:
    """Cancel a queued or running job (its requester only): it moves to *cancelled* at
    once; the task stops at its next progress step and stores no file."""
    if job.state not in PENDING:
        raise DomainError(
            _("Tệp xuất đã kết thúc (%(state)s); không còn gì để hủy.")
            % {"state": job.get_state_display()},
            code=EXPORT_JOBS.refusal_code,
        )

    def cancel(locked: ExportJob) -> dict[str, Any]:
        locked.finished_at = timezone.now()
        transaction.on_commit(lambda: job_source_drop(locked))
        return {"done": locked.done, "total": locked.total}

    return EXPORT_JOBS.run(job, actor=actor, action=ExportAction.CANCEL, apply=cancel)


def export_or_job(
    request: HttpRequest,
    *,
    kind: str,
    parameters: dict[str, Any],
    rows: QuerySet[Any],
    direct: Callable[[list[Any]], HttpResponseBase],
) -> HttpResponseBase:
    """The export as a page answers it: ``direct(rows)`` when there are at most
    ``settings.EXPORT_DIRECT_ROWS`` (read in the one query the export needs anyway), else
    a job and a redirect to its progress page."""
    limit = settings.EXPORT_DIRECT_ROWS
    head = list(rows[: limit + 1])
    if len(head) <= limit:
        return direct(head)
    job = export_job_request(actor=request.user, kind=kind, parameters=parameters)
    return redirect("core:export_job", pk=job.pk)


def query_parameters(request: HttpRequest, names: Iterable[str]) -> dict[str, str]:
    """The named filters of a page's query string, as a job stores them (blanks left out)."""
    return {name: request.GET[name] for name in names if request.GET.get(name, "").strip()}
