"""Printing certificates: one on demand, or every certificate of a decision as a task.

``certificate_batch_request`` is the only way a ``CertificateBatch`` is created; the task
``certificate_batch_run`` is the only code that moves it on, through the workflow engine
(``decisions.workflow.BATCHES``): queued → running → done (a ZIP of the PDFs and one
combined PDF), or failed with a Vietnamese message. Progress is saved every few
certificates so the page's progress bar follows it. The Ban TĐKT may cancel a queued or
running batch from that page (``certificate_batch_cancel``): the task notices at its next
progress step, stops and stores nothing (issue 15, item 5).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.task_leases import TaskCancelled, run_or_fail
from thidua.core.text import fold
from thidua.decisions.certificate_pdf import certificate_pdf
from thidua.decisions.codes import ErrorCode, EventKind
from thidua.decisions.models import (
    BatchState,
    Certificate,
    CertificateBatch,
    Decision,
    DecisionEvent,
    DecisionState,
)
from thidua.decisions.rules import is_decision_issuer
from thidua.decisions.transitions import BatchAction
from thidua.decisions.workflow import BATCHES

PENDING = (BatchState.QUEUED, BatchState.RUNNING)
#: Save the progress after this many certificates (a batch may hold hundreds).
PROGRESS_EVERY = 10


def certificate_file_name(certificate: Certificate) -> str:
    entry = certificate.entry
    return f"{entry.order:03d}-{slugify(fold(entry.name))[:60]}-{certificate.code[:6]}.pdf"


def certificate_pdf_ensure(certificate: Certificate) -> Certificate:
    """Render and store the certificate's PDF once (later calls reuse the file)."""
    if certificate.pdf.name:
        return certificate
    content = certificate_pdf([certificate], title=certificate.entry.name)
    certificate.pdf.save(certificate_file_name(certificate), ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate


def certificate_batch_request(*, actor: Any, decision: Decision) -> CertificateBatch:
    """Queue the printing of every certificate of an issued decision (secretariat only;
    one batch of a decision at a time; queued once the row is committed)."""
    if not is_decision_issuer(actor, decision):
        raise NotPermitted()
    if decision.state == DecisionState.DRAFT:
        raise DomainError(
            _("Chỉ in được bằng khen, giấy khen của quyết định đã ban hành."), code=ErrorCode.DRAFT
        )
    with transaction.atomic():
        Decision.objects.select_for_update().filter(pk=decision.pk).first()
        if CertificateBatch.objects.filter(decision=decision, state__in=PENDING).exists():
            raise DomainError(
                _("Lô in của quyết định này đang được tạo; vui lòng chờ lô đó hoàn tất."),
                code=ErrorCode.BATCH_PENDING,
            )
        batch = CertificateBatch.objects.create(
            decision=decision,
            requested_by=actor,
            total=Certificate.objects.filter(entry__decision=decision).count(),
        )
        DecisionEvent.objects.create(
            decision=decision,
            actor=actor,
            kind=EventKind.CERTIFICATES_REQUESTED,
            from_state=decision.state,
            to_state=decision.state,
            payload={"batch": batch.pk},
        )
        transaction.on_commit(lambda: certificate_batch_run.enqueue(batch.pk))
    return batch


def certificate_batch_cancel(*, actor: Any, batch: CertificateBatch) -> CertificateBatch:
    """Cancel a queued or running batch (the secretariat that may print it only).

    The batch moves to *cancelled* at once, with an event in the decision's log; a task
    not started yet skips it, a running one stops at its next progress step
    (``TaskCancelled``) and stores no file. Asking again is allowed afterwards."""
    if not is_decision_issuer(actor, batch.decision):
        raise NotPermitted()
    if batch.state not in PENDING:
        raise DomainError(
            _("Lô in đã kết thúc (%(state)s); không còn gì để hủy.")
            % {"state": batch.get_state_display()},
            code=BATCHES.refusal_code,
        )

    def cancel(b: CertificateBatch) -> None:
        b.finished_at, b.error = timezone.now(), ""

    with transaction.atomic():
        batch = BATCHES.run(batch, actor=actor, action=BatchAction.CANCEL, apply=cancel)
        decision = batch.decision
        DecisionEvent.objects.create(
            decision=decision,
            actor=actor,
            kind=EventKind.CERTIFICATES_CANCELLED,
            from_state=decision.state,
            to_state=decision.state,
            payload={"batch": batch.pk, "progress": batch.progress},
        )
    return batch


def _step(batch: CertificateBatch, **fields: Any) -> None:
    """Save the progress of a running batch (never its state: see ``workflow.BATCHES``);
    raise ``TaskCancelled`` when the batch is no longer running (cancelled meanwhile)."""
    for name, value in fields.items():
        setattr(batch, name, value)
    saved = CertificateBatch.objects.filter(pk=batch.pk, state=BatchState.RUNNING).update(**fields)
    if saved == 0:
        raise TaskCancelled(batch.pk)


def _run(batch: CertificateBatch) -> CertificateBatch:
    from pypdf import PdfReader, PdfWriter

    certificates = list(
        Certificate.objects.filter(entry__decision=batch.decision)
        .select_related("entry__decision__form")
        .order_by("entry__order", "pk")
    )
    total = len(certificates) or 1

    def start(b: CertificateBatch) -> None:
        b.progress, b.total = 1, len(certificates)

    if batch.state == BatchState.QUEUED:
        batch = BATCHES.run(batch, actor=None, action=BatchAction.START, apply=start)
    else:  # resumed after its worker died (core.task_leases): already running
        _step(batch, progress=1, total=len(certificates), done_count=0)
    archive_buffer = io.BytesIO()
    combined = PdfWriter()
    with zipfile.ZipFile(archive_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, certificate in enumerate(certificates, start=1):
            certificate_pdf_ensure(certificate)
            with certificate.pdf.open("rb") as handle:
                content = handle.read()
            archive.writestr(certificate_file_name(certificate), content)
            combined.append(PdfReader(io.BytesIO(content)))
            if done % PROGRESS_EVERY == 0 or done == len(certificates):
                _step(batch, done_count=done, progress=max(1, int(done * 90 / total)))
    merged = io.BytesIO()
    combined.write(merged)
    stem = slugify(fold(batch.decision.number).replace("/", "-")) or f"lo-{batch.pk}"

    def finish(b: CertificateBatch) -> None:
        b.archive.save(f"chung-nhan-{stem}.zip", ContentFile(archive_buffer.getvalue()), save=False)
        b.combined.save(f"chung-nhan-{stem}.pdf", ContentFile(merged.getvalue()), save=False)
        b.progress, b.finished_at, b.error = 100, timezone.now(), ""

    return BATCHES.run(batch, actor=None, action=BatchAction.FINISH, apply=finish)


@task()
def certificate_batch_run(batch_id: int) -> str:
    """Print every certificate of a queued batch; return the batch's state. A batch left
    running by a worker that died is printed again from the start (its task runs again
    once its lease expired, ``core.task_leases``; certificates already rendered are
    reused); a batch that is missing, done or failed is left alone."""
    batch = (
        CertificateBatch.objects.select_related("decision")
        .filter(pk=batch_id, state__in=PENDING)
        .first()
    )
    if batch is None:
        return "skipped"
    return run_or_fail(
        "Certificate batch",
        batch_id,
        lambda: _run(batch),
        cancelled=lambda: _cancelled(batch_id),
        fail=lambda error: _fail(batch, type(error).__name__),
        cancelled_state=str(BatchState.CANCELLED),
    )


def _fail(batch: CertificateBatch, reason: str) -> CertificateBatch:
    with translation.override("vi"):
        message = _(
            "Không tạo được lô bằng khen, giấy khen (%(error)s). Vui lòng thử lại; nếu "
            "vẫn lỗi, báo cho quản trị hệ thống."
        ) % {"error": reason}

    def fail(b: CertificateBatch) -> None:
        b.error, b.finished_at = message, timezone.now()

    return BATCHES.run(batch, actor=None, action=BatchAction.FAIL, apply=fail)


def _cancelled(batch_id: int) -> bool:
    return CertificateBatch.objects.filter(pk=batch_id, state=BatchState.CANCELLED).exists()


def certificate_batch_abandoned(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_finished`` receiver: a batch whose task failed outside its own error
    handling (its worker died too often, ``core.task_leases``) is marked failed, so the
    page stops waiting and the Ban TĐKT may ask again."""
    if task_result.task.func is not certificate_batch_run.func:
        return
    if str(task_result.status) != "FAILED" or not task_result.args:
        return
    batch = CertificateBatch.objects.filter(pk=task_result.args[0], state__in=PENDING).first()
    if batch is None:
        return
    with translation.override("vi"):
        message = _(
            "Không tạo được lô bằng khen, giấy khen: tiến trình nền bị dừng đột ngột nhiều "
            "lần. Vui lòng thử lại; nếu vẫn lỗi, báo cho quản trị hệ thống."
        )

    def fail(b: CertificateBatch) -> None:
        b.error, b.finished_at = message, timezone.now()

    BATCHES.run(batch, actor=None, action=BatchAction.FAIL, apply=fail)
