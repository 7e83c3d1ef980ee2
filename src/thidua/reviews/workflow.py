"""Writes of phase reviews: open one, edit its texts, select works, generate the report,
issue it, reopen it. Every write appends an event; the state changes only through the
workflow engine (``thidua.core.workflow``) with the table of ``reviews.transitions``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.reviews.codes import ErrorCode, EventKind
from thidua.reviews.models import PhaseReview, PhaseReviewEvent, ReviewKind, ReviewState
from thidua.reviews.rules import can_manage_reviews
from thidua.reviews.selectors import ahead_works, review_figures
from thidua.reviews.transitions import EDITABLE_STATES, TRANSITIONS, Action


def _event(
    review: PhaseReview, actor: Any, kind: EventKind, payload: dict[str, Any] | None = None
) -> None:
    PhaseReviewEvent.objects.create(review=review, actor=actor, kind=kind, payload=payload or {})


def review_open(
    *, actor: Any, campaign: Campaign, phase: Phase | None, kind: str, held_on: Any
) -> PhaseReview:
    """Open the review of a phase (sơ kết) or of the campaign (tổng kết) — once each.

    KH 128 IV.8: units review the campaign at each phase and at its end. Only the Ban
    TĐKT covering the campaign's issuer may (``NotPermitted`` otherwise).
    """
    if not can_manage_reviews(actor, campaign):
        raise NotPermitted()
    if kind not in ReviewKind.values:
        raise DomainError(_("Hãy chọn sơ kết hoặc tổng kết."), code=ErrorCode.BAD_KIND)
    if kind == ReviewKind.INTERIM and phase is None:
        raise DomainError(_("Sơ kết phải chọn đợt thi đua."), code=ErrorCode.PHASE_REQUIRED)
    if kind == ReviewKind.FINAL:
        phase = None
    if phase is not None and phase.campaign_id != campaign.pk:
        raise DomainError(_("Đợt thi đua không thuộc phong trào này."), code=ErrorCode.BAD_PHASE)
    with transaction.atomic():
        Campaign.objects.select_for_update(of=("self",)).filter(pk=campaign.pk).first()
        if PhaseReview.objects.filter(campaign=campaign, phase=phase, kind=kind).exists():
            raise DomainError(
                _("Đã có hồ sơ %(kind)s cho đợt này; hãy mở hồ sơ đó.")
                % {"kind": ReviewKind(kind).label.lower()},
                code=ErrorCode.DUPLICATE,
            )
        review = PhaseReview.objects.create(
            campaign=campaign, phase=phase, kind=kind, held_on=held_on, created_by=actor
        )
        _event(review, actor, EventKind.OPEN)
    return review


def _locked_editable(actor: Any, review: PhaseReview) -> PhaseReview:
    locked = (
        PhaseReview.objects.select_for_update(of=("self",))
        .select_related("campaign__issuer_unit", "phase")
        .get(pk=review.pk)
    )
    if not can_manage_reviews(actor, locked.campaign):
        raise NotPermitted()
    if locked.state not in EDITABLE_STATES:
        raise DomainError(_("Báo cáo đã ban hành; hãy mở lại để sửa."), code=ErrorCode.NOT_EDITABLE)
    return locked


def review_update(
    *, actor: Any, review: PhaseReview, held_on: Any, shortcomings: str, directions: str, notes: str
) -> PhaseReview:
    """Edit the texts and the date of a draft review."""
    with transaction.atomic():
        locked = _locked_editable(actor, review)
        locked.held_on = held_on
        locked.shortcomings = nfc(shortcomings)
        locked.directions = nfc(directions)
        locked.notes = nfc(notes)
        locked.save()
        _event(locked, actor, EventKind.UPDATE)
    return locked


def review_select_works(
    *, actor: Any, review: PhaseReview, commend: Iterable[int], publicise: Iterable[int]
) -> PhaseReview:
    """Choose, among the works finished ahead of schedule in the window, those proposed
    for commendation and those introduced in the media (KH 128 IV.5)."""
    commend_ids, publicise_ids = set(commend), set(publicise)
    with transaction.atomic():
        locked = _locked_editable(actor, review)
        allowed = set(ahead_works(locked.campaign, locked.phase).values_list("pk", flat=True))
        stray = (commend_ids | publicise_ids) - allowed
        if stray:
            raise DomainError(
                _("Chỉ chọn được công trình hoàn thành vượt tiến độ trong đợt."),
                code=ErrorCode.NOT_AHEAD,
            )
        locked.works_to_commend.set(sorted(commend_ids))
        locked.works_to_publicise.set(sorted(publicise_ids))
        _event(
            locked,
            actor,
            EventKind.SELECT_WORKS,
            {"commend": sorted(commend_ids), "publicise": sorted(publicise_ids)},
        )
    return locked


def _file_name(review: PhaseReview) -> str:
    what = "so-ket" if review.kind == ReviewKind.INTERIM else "tong-ket"
    phase = review.phase.code if review.phase else "phong-trao"
    return f"bao-cao-{what}-{review.campaign.code}-{phase}.docx"


def _generate(actor: Any, review: PhaseReview) -> None:
    """Build the DOCX from the workspace's figures and store it with its SHA-256."""
    from thidua.reviews.document import build_review_docx

    with translation.override("vi"):
        figures = review_figures(actor, review.campaign, review.phase)
        content = build_review_docx(review, figures)
    old = review.report.name
    review.report.save(_file_name(review), ContentFile(content), save=False)
    review.report_sha256 = hashlib.sha256(content).hexdigest()
    review.report_generated_at = timezone.now()
    review.save()
    if old and old != review.report.name:
        storage, name = review.report.storage, old
        transaction.on_commit(lambda: storage.delete(name))
    _event(review, actor, EventKind.REPORT, {"sha256": review.report_sha256, "size": len(content)})


def review_generate_report(*, actor: Any, review: PhaseReview) -> PhaseReview:
    """(Re)generate the review report of a draft from the current figures.

    Fast enough inline (about a second for a province: a fixed number of queries and one
    DOCX), so no background task.
    """
    with transaction.atomic():
        locked = _locked_editable(actor, review)
        _generate(actor, locked)
    return locked


def _may_act(actor: Any, review: PhaseReview, who: Any) -> bool:
    return bool(can_manage_reviews(actor, review.campaign))


WORKFLOW: Workflow[PhaseReview] = Workflow(
    model=PhaseReview,
    states=ReviewState,
    transitions=TRANSITIONS,
    may_act=_may_act,
    record=event_writer(PhaseReviewEvent, "review"),
    refusal=refusal_saying(
        gettext_lazy("Không thể thực hiện thao tác này khi báo cáo đang “%(state)s”.")
    ),
    related=("campaign__issuer_unit", "phase"),
)


def review_issue(*, actor: Any, review: PhaseReview) -> PhaseReview:
    """Issue the review: its report is generated once more from the final figures, then
    frozen with its SHA-256 (the file a leader signs is the one stored)."""

    def apply(r: PhaseReview) -> None:
        _generate(actor, r)
        r.issued_at = timezone.now()

    return WORKFLOW.run(review, actor=actor, action=Action.ISSUE, apply=apply)


def review_reopen(*, actor: Any, review: PhaseReview, reason: str) -> PhaseReview:
    """Reopen an issued review to correct it (the reason is required and kept)."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do mở lại."), code=ErrorCode.REASON_REQUIRED)

    def apply(r: PhaseReview) -> None:
        r.issued_at = None

    return WORKFLOW.run(
        review, actor=actor, action=Action.REOPEN, payload={"reason": reason}, apply=apply
    )
