"""Requesting and running the consolidated report of a period (a background task).

``consolidation_request`` is the only way a ``Consolidation`` is created; the task
``consolidate`` is the only code that moves it on, through the workflow engine
(``thidua.core.workflow``) with the table ``reports.transitions.CONSOLIDATION_TRANSITIONS``:
queued → running → done, or → failed with a message in Vietnamese. Progress (10, 40, 70, 90, 100 %) is saved at each step so
that a page can show a progress bar. Run by ``python -m thidua db_worker``. The Ban TĐKT
may cancel a queued or running consolidation from that page (``consolidation_cancel``):
the task notices at its next step, removes the files it stored and stops.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import rules
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.accounts.selectors import secretariat_covers
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.task_leases import TaskCancelled, WorkerLost
from thidua.core.workflow import Move, Workflow
from thidua.reports.codes import ErrorCode
from thidua.reports.models import Consolidation, ConsolidationState, ReportPeriod
from thidua.reports.transitions import CONSOLIDATION_TRANSITIONS, ConsolidationAction

logger = logging.getLogger(__name__)

#: A consolidation in one of these states blocks a new request for the same period.
PENDING = (ConsolidationState.QUEUED, ConsolidationState.RUNNING)


@rules.predicate
def can_consolidate(user: Any, period: ReportPeriod | None) -> bool:
    """The Ban Thi đua - Khen thưởng covering the campaign's issuer, or an administrator.

    Sở Nội vụ (Ban TĐKT) receives the units' reports and sums them up for the province
    (KH 128 section IV.2; NĐ 152/2025, Điều 86). A secretariat of another province may not.
    """
    if period is None:
        return False
    return secretariat_covers(user, period.campaign.issuer_unit.path)


def consolidation_request(*, actor: Any, period: ReportPeriod) -> Consolidation:
    """Queue the consolidated report of ``period`` and return its row (state *queued*).

    Guarantees: only the secretariat covering the campaign or an admin may ask
    (``NotPermitted`` otherwise); at most one consolidation of a period is queued or
    running at a time (the period row is locked while checking; ``DomainError``
    otherwise); the task is queued only once the row is committed.
    """
    if not can_consolidate(actor, period):
        raise NotPermitted()
    with transaction.atomic():
        ReportPeriod.objects.select_for_update().filter(pk=period.pk).first()
        if Consolidation.objects.filter(period=period, state__in=PENDING).exists():
            raise DomainError(
                _(
                    "Báo cáo tổng hợp %(period)s đang được lập. Vui lòng chờ lần lập này "
                    "hoàn tất rồi mới yêu cầu lại."
                )
                % {"period": period.label},
                code=ErrorCode.CONSOLIDATION_PENDING,
            )
        consolidation = Consolidation.objects.create(period=period, requested_by=actor)
        transaction.on_commit(lambda: consolidate.enqueue(consolidation.pk))
    return consolidation


def consolidation_cancel(*, actor: Any, consolidation: Consolidation) -> Consolidation:
    """Cancel a queued or running consolidation (those who may ask for it only).

    The row moves to *cancelled* at once with who cancelled it and when (its record; the
    move is logged); a task not started yet skips it, a running one stops at its next
    step and removes what it stored. Asking again is allowed afterwards."""
    if not can_consolidate(actor, consolidation.period):
        raise NotPermitted()
    if consolidation.state not in PENDING:
        raise DomainError(
            _("Lần lập báo cáo này đã kết thúc (%(state)s); không còn gì để hủy.")
            % {"state": consolidation.get_state_display()},
            code=WORKFLOW.refusal_code,
        )

    def cancel(locked: Consolidation) -> None:
        locked.cancelled_by, locked.finished_at, locked.error = actor, timezone.now(), ""

    return WORKFLOW.run(consolidation, actor=actor, action=ConsolidationAction.CANCEL, apply=cancel)


def _record(consolidation: Consolidation, actor: Any, move: Move, payload: dict[str, Any]) -> None:
    """Nothing more to write: a consolidation's row (state, progress, error, times, who
    cancelled it) is the record of its one run; the move is logged."""
    logger.info(
        "Consolidation %s: %s → %s (by %s)",
        consolidation.pk,
        move.source,
        move.target,
        getattr(actor, "pk", None),
    )


WORKFLOW: Workflow[Consolidation] = Workflow(
    model=Consolidation,
    states=ConsolidationState,
    transitions=CONSOLIDATION_TRANSITIONS,
    record=_record,
    related=("period__campaign",),
)


def _move(
    consolidation: Consolidation, action: ConsolidationAction, progress: int, **fields: Any
) -> Consolidation:
    """Move the consolidation on, saving its progress and other fields with the state."""

    def apply(locked: Consolidation) -> None:
        locked.progress = progress
        for name, value in fields.items():
            setattr(locked, name, value)

    return WORKFLOW.run(consolidation, actor=None, action=action, apply=apply)


def _step(consolidation: Consolidation, progress: int) -> None:
    """Save the progress at once, so a progress bar sees each step; raise
    ``TaskCancelled`` when the run is no longer running (cancelled meanwhile)."""
    running = Consolidation.objects.filter(pk=consolidation.pk, state=ConsolidationState.RUNNING)
    if not running.exists():
        raise TaskCancelled(consolidation.pk)
    consolidation.progress = progress
    # Only the progress is written: a cancel that lands in between is kept, and the next
    # step (or the last move, which the table then refuses) notices it.
    consolidation.save(update_fields=["progress"])


def _cancelled(consolidation_id: int) -> bool:
    return Consolidation.objects.filter(
        pk=consolidation_id, state=ConsolidationState.CANCELLED
    ).exists()


def _file_name(period: ReportPeriod, extension: str) -> str:
    return f"bao-cao-tong-hop-{period.campaign.code}-{period.year}-q{period.number}.{extension}"


def _discard_files(consolidation: Consolidation) -> None:
    """Remove a file stored before a later step failed: a failed run leaves nothing."""
    for field in (consolidation.docx, consolidation.xlsx):
        if field.name:
            try:
                field.delete(save=False)
            except OSError:
                logger.warning("Could not remove %s", field.name, exc_info=True)


@task()
def consolidate(consolidation_id: int) -> str:
    """Build the DOCX and XLSX of a queued consolidation and store them; return its state.

    Steps: running (10) → figures gathered (40) → DOCX built (70) → XLSX built (90) →
    files stored with the DOCX's SHA-256, done (100). Any error ends in *failed* with a
    Vietnamese message naming the step; the traceback goes to the log. A consolidation
    left running by a worker that died is built again from the start (its task runs again
    once its lease expired, ``core.task_leases``); one that is missing, done or failed is
    left alone.
    """
    consolidation = (
        Consolidation.objects.select_related("period__campaign")
        .filter(pk=consolidation_id, state__in=PENDING)
        .first()
    )
    if consolidation is None:
        return "skipped"
    try:
        if consolidation.state == ConsolidationState.RUNNING:
            _step(consolidation, 10)  # resumed after its worker died
        else:
            try:
                consolidation = _move(consolidation, ConsolidationAction.START, 10)
            except DomainError:
                return "skipped"  # another worker took it, or it was cancelled, meanwhile
    except TaskCancelled:
        return str(ConsolidationState.CANCELLED)
    steps = [_("bắt đầu lập báo cáo")]
    try:
        # Official documents are in Vietnamese whatever language the requester uses.
        with translation.override("vi"):
            consolidation = _build_and_store(consolidation, steps)
    except TaskCancelled:
        logger.info("Consolidation %s cancelled while %s; stopped", consolidation_id, steps[-1])
        _discard_files(consolidation)
        return str(ConsolidationState.CANCELLED)
    except Exception as error:
        _discard_files(consolidation)
        if _cancelled(consolidation_id):  # cancelled just before its last move
            logger.info("Consolidation %s cancelled; stopped", consolidation_id)
            return str(ConsolidationState.CANCELLED)
        logger.exception("Consolidation %s failed while %s", consolidation_id, steps[-1])
        consolidation = _fail(consolidation, steps[-1], error)
    return str(consolidation.state)


def _build_and_store(consolidation: Consolidation, steps: list[str]) -> Consolidation:
    """Gather the figures, build both files and store them, saving the progress after
    each step; each step is named in ``steps`` before it starts, so a failure names it."""
    from thidua.reports.consolidation import build_docx, build_xlsx, consolidation_data

    period = consolidation.period
    steps.append(_("tổng hợp số liệu"))
    data = consolidation_data(period)
    _step(consolidation, 40)
    steps.append(_("tạo tệp Word (DOCX)"))
    docx = build_docx(data)
    _step(consolidation, 70)
    steps.append(_("tạo tệp Excel (XLSX)"))
    xlsx = build_xlsx(data)
    _step(consolidation, 90)
    steps.append(_("lưu tệp vào kho lưu trữ"))
    consolidation.docx.save(_file_name(period, "docx"), ContentFile(docx), save=False)
    consolidation.xlsx.save(_file_name(period, "xlsx"), ContentFile(xlsx), save=False)
    return _move(
        consolidation,
        ConsolidationAction.FINISH,
        100,
        docx=consolidation.docx,
        xlsx=consolidation.xlsx,
        docx_sha256=hashlib.sha256(docx).hexdigest(),
        finished_at=timezone.now(),
        error="",
    )


def _fail(consolidation: Consolidation, step: str, error: Exception) -> Consolidation:
    """Mark the run failed with a Vietnamese message naming the step and the error."""
    with translation.override("vi"):
        message = _(
            "Không lập được báo cáo tổng hợp: lỗi khi %(step)s (%(error)s). Vui lòng thử "
            "lại; nếu vẫn lỗi, báo cho quản trị hệ thống."
        ) % {"step": step, "error": type(error).__name__}
    return _move(
        consolidation,
        ConsolidationAction.FAIL,
        consolidation.progress,
        error=message,
        finished_at=timezone.now(),
    )


def consolidation_abandoned(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_finished`` receiver: a consolidation whose task failed outside its own
    error handling (its worker died too often, ``core.task_leases``) is marked failed,
    so the page stops waiting and the Ban TĐKT may ask again."""
    if task_result.task.func is not consolidate.func:
        return
    if str(task_result.status) != "FAILED" or not task_result.args:
        return
    consolidation = Consolidation.objects.filter(pk=task_result.args[0], state__in=PENDING).first()
    if consolidation is not None:
        _fail(consolidation, _("chạy tiến trình nền (bị dừng đột ngột nhiều lần)"), WorkerLost())
