"""Writes of exemplary models: drafting (blank, from a work, from a nomination), editing,
photos, and the workflow submit → approve → publish / return / unpublish.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``exemplars.transitions``; no other code assigns ``Exemplar.state``. Every other
write appends its own event too (events are append-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.campaigns.models import Campaign, ContentArea
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.uploads import check_evidence
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.exemplars.codes import ErrorCode, EventKind
from thidua.exemplars.models import (
    Exemplar,
    ExemplarEvent,
    ExemplarPhoto,
    ExemplarState,
    SubjectKind,
)
from thidua.exemplars.rules import is_exemplar_author, may_act
from thidua.exemplars.transitions import EDITABLE_STATES, TRANSITIONS, Action
from thidua.organisations.models import Unit

#: At most this many photos in a story (a page stays light on a phone).
MAX_PHOTOS = 8


@dataclass
class StoryData:
    """What an author fills in."""

    subject_kind: str
    subject_name: str
    title: str
    achievements: str
    results: str = ""
    content_area: ContentArea | None = None
    place: Unit | None = None


def _check(data: StoryData, campaign: Campaign) -> None:
    if not nfc(data.subject_name) or not nfc(data.title) or not nfc(data.achievements):
        raise DomainError(
            _("Hãy ghi tên tập thể, cá nhân, tiêu đề và việc đã làm."), code=ErrorCode.REQUIRED
        )
    if data.subject_kind not in SubjectKind.values:
        raise DomainError(_("Hãy chọn cá nhân hoặc tập thể."), code=ErrorCode.BAD_KIND)
    if data.content_area is not None and data.content_area.campaign_id != campaign.pk:
        raise DomainError(
            _("Nội dung thi đua phải thuộc phong trào của câu chuyện."), code=ErrorCode.BAD_AREA
        )


def _may_draft_for(actor: Any, campaign: Campaign, unit: Unit) -> bool:
    probe = Exemplar(campaign=campaign, unit=unit)
    return bool(is_exemplar_author(actor, probe))


def _event(
    exemplar: Exemplar, actor: Any, kind: EventKind, payload: dict[str, Any] | None = None
) -> None:
    ExemplarEvent.objects.create(exemplar=exemplar, actor=actor, kind=kind, payload=payload or {})


def exemplar_create(*, actor: Any, campaign: Campaign, unit: Unit, data: StoryData) -> Exemplar:
    """Draft a story for ``unit`` (its staff or the Ban TĐKT covering it may)."""
    if not _may_draft_for(actor, campaign, unit):
        raise NotPermitted()
    _check(data, campaign)
    with transaction.atomic():
        exemplar = Exemplar.objects.create(
            campaign=campaign, unit=unit, created_by=actor, **_fields(data)
        )
        _event(exemplar, actor, EventKind.CREATE)
    return exemplar


def _fields(data: StoryData) -> dict[str, Any]:
    return {
        "subject_kind": data.subject_kind,
        "subject_name": nfc(data.subject_name),
        "title": nfc(data.title),
        "achievements": nfc(data.achievements),
        "results": nfc(data.results),
        "content_area": data.content_area,
        "place": data.place,
    }


def _locked_editable(actor: Any, pk: int, refusal: str) -> Exemplar:
    """The story read under a row lock, if it is still editable and ``actor`` its author."""
    locked = Exemplar.objects.select_for_update(of=("self",)).select_related("unit").get(pk=pk)
    if locked.state not in EDITABLE_STATES:
        raise DomainError(refusal, code=ErrorCode.NOT_EDITABLE)
    if not is_exemplar_author(actor, locked):
        raise NotPermitted()
    return locked


def exemplar_update(*, actor: Any, exemplar: Exemplar, data: StoryData) -> Exemplar:
    """Edit a draft or returned story (the author side only)."""
    with transaction.atomic():
        locked = _locked_editable(
            actor, exemplar.pk, _("Chỉ sửa được câu chuyện ở trạng thái nháp hoặc bị trả lại.")
        )
        _check(data, locked.campaign)
        for name, value in _fields(data).items():
            setattr(locked, name, value)
        locked.save()
        _event(locked, actor, EventKind.UPDATE)
    return locked


def _store_photo(
    exemplar: Exemplar, stream: IO[bytes], *, name: str, size: int, caption: str
) -> ExemplarPhoto:
    checked = check_evidence(stream, name=name, size=size)
    if checked.kind != "photo":
        raise DomainError(
            _("Tệp “%(name)s” không phải ảnh; hãy gửi ảnh JPEG, PNG hoặc WebP.") % {"name": name},
            code=ErrorCode.NOT_A_PHOTO,
        )
    if exemplar.photos.count() >= MAX_PHOTOS:
        raise DomainError(
            _("Mỗi câu chuyện có tối đa %(n)s ảnh; hãy bỏ bớt ảnh cũ.") % {"n": MAX_PHOTOS},
            code=ErrorCode.TOO_MANY_PHOTOS,
        )
    position = (exemplar.photos.aggregate(m=Max("position"))["m"] or 0) + 1
    photo = ExemplarPhoto(
        exemplar=exemplar,
        caption=nfc(caption)[:255],
        original_name=name[:255],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        position=position,
    )
    stream.seek(0)
    photo.file.save(name, ContentFile(stream.read()), save=False)
    photo.save()
    return photo


def exemplar_add_photo(
    *, actor: Any, exemplar: Exemplar, stream: IO[bytes], name: str, size: int, caption: str = ""
) -> ExemplarPhoto:
    """Attach a photo, checked by content (JPEG, PNG, WebP ≤ 10 MB), to an editable story."""
    with transaction.atomic():
        locked = _locked_editable(
            actor, exemplar.pk, _("Chỉ thêm ảnh khi câu chuyện ở trạng thái nháp hoặc bị trả lại.")
        )
        photo = _store_photo(locked, stream, name=name, size=size, caption=caption)
        _event(locked, actor, EventKind.PHOTO_ADD, {"photo": photo.pk, "sha256": photo.sha256})
    return photo


def exemplar_remove_photo(*, actor: Any, photo: ExemplarPhoto) -> None:
    """Remove a photo from an editable story."""
    with transaction.atomic():
        locked = _locked_editable(
            actor,
            photo.exemplar_id,
            _("Chỉ bỏ ảnh khi câu chuyện ở trạng thái nháp hoặc bị trả lại."),
        )
        _event(locked, actor, EventKind.PHOTO_REMOVE, {"photo": photo.pk, "sha256": photo.sha256})
        name = photo.file.name
        photo.delete()
        transaction.on_commit(lambda: photo.file.storage.delete(name))


def exemplar_from_work(*, actor: Any, work: Any) -> Exemplar:
    """Draft a story from a work: its title, unit, place, content area, progress and photos.

    KH 128 IV.5: works finished ahead of schedule and exemplary models are chosen for the
    media. The author edits the draft before submitting it.
    """
    from thidua.works.models import EvidenceKind, ProgressUpdate

    updates = list(
        ProgressUpdate.objects.filter(work=work).prefetch_related("evidence").order_by("on", "pk")
    )
    results = [_("Tiến độ: %(p)s%%.") % {"p": work.percent_complete}]
    if work.actual_finish:
        results.append(
            _("Hoàn thành ngày %(d)s (kế hoạch %(p)s).")
            % {
                "d": work.actual_finish.strftime("%d/%m/%Y"),
                "p": work.planned_finish.strftime("%d/%m/%Y"),
            }
        )
    results += [u.narrative for u in updates[-2:] if u.narrative]
    data = StoryData(
        subject_kind=SubjectKind.COLLECTIVE,
        subject_name=work.unit.name,
        title=work.title,
        achievements=work.description or work.title,
        results="\n".join(results),
        content_area=work.content_area,
        place=work.place or work.unit,
    )
    with transaction.atomic():
        exemplar = exemplar_create(actor=actor, campaign=work.campaign, unit=work.unit, data=data)
        Exemplar.objects.filter(pk=exemplar.pk).update(source_work=work)
        exemplar.source_work = work
        photos = [e for u in updates for e in u.evidence.all() if e.kind == EvidenceKind.PHOTO]
        for evidence in photos[-MAX_PHOTOS:]:
            try:
                with evidence.file.open("rb") as handle:
                    _store_photo(
                        exemplar,
                        handle,
                        name=evidence.original_name,
                        size=evidence.size,
                        caption=work.title,
                    )
            except (OSError, DomainError):
                continue  # a missing or odd file is left out; the author may add others
        _event(
            exemplar,
            actor,
            EventKind.FROM_WORK,
            {"work": work.pk, "photos": exemplar.photos.count()},
        )
    return exemplar


def exemplar_from_nomination(*, actor: Any, nomination: Any) -> Exemplar:
    """Draft a story from a nomination's nominee and its summary of achievements."""
    nominee = nomination.nominee
    individual = nominee.kind == SubjectKind.INDIVIDUAL
    unit = nominee.unit if nominee.unit_id else nomination.proposer_unit
    data = StoryData(
        subject_kind=SubjectKind.INDIVIDUAL if individual else SubjectKind.COLLECTIVE,
        subject_name=nominee.name,
        title=nominee.name,
        achievements=nomination.summary or nominee.name,
        content_area=None,
        place=unit,
    )
    with transaction.atomic():
        exemplar = exemplar_create(actor=actor, campaign=nomination.campaign, unit=unit, data=data)
        Exemplar.objects.filter(pk=exemplar.pk).update(source_nomination=nomination)
        exemplar.source_nomination = nomination
        _event(exemplar, actor, EventKind.FROM_NOMINATION, {"nomination": nomination.pk})
    return exemplar


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi duyệt"),
        Action.APPROVE: _("duyệt"),
        Action.RETURN: _("trả lại"),
        Action.PUBLISH: _("công bố"),
        Action.UNPUBLISH: _("thu hồi công bố"),
    }
    return str(labels[action])


WORKFLOW: Workflow[Exemplar] = Workflow(
    model=Exemplar,
    states=ExemplarState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(ExemplarEvent, "exemplar"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi câu chuyện đang “%(state)s”."), action_label
    ),
    related=("unit", "campaign__issuer_unit"),
)


def exemplar_submit(*, actor: Any, exemplar: Exemplar) -> Exemplar:
    """Send a draft (or corrected) story to the Ban TĐKT."""

    def apply(e: Exemplar) -> None:
        e.return_reason = ""

    return WORKFLOW.run(exemplar, actor=actor, action=Action.SUBMIT, apply=apply)


def exemplar_approve(*, actor: Any, exemplar: Exemplar, note: str = "") -> Exemplar:
    """The Ban TĐKT approves a submitted story (KH 128 IV.5)."""
    return WORKFLOW.run(exemplar, actor=actor, action=Action.APPROVE, payload={"note": note})


def exemplar_return(*, actor: Any, exemplar: Exemplar, reason: str) -> Exemplar:
    """Return a submitted or approved story with the reason (required)."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do trả lại."), code=ErrorCode.REASON_REQUIRED)

    def apply(e: Exemplar) -> None:
        e.return_reason = nfc(reason)

    return WORKFLOW.run(
        exemplar,
        actor=actor,
        action=Action.RETURN,
        payload={"reason": reason},
        apply=apply,
    )


def exemplar_publish(*, actor: Any, exemplar: Exemplar) -> Exemplar:
    """Publish an approved story on the public site (it must have at least one photo)."""
    if not exemplar.photos.exists():
        raise DomainError(
            _("Câu chuyện cần ít nhất một ảnh trước khi công bố."), code=ErrorCode.PHOTO_REQUIRED
        )

    def apply(e: Exemplar) -> None:
        e.published_at = timezone.now()

    return WORKFLOW.run(exemplar, actor=actor, action=Action.PUBLISH, apply=apply)


def exemplar_unpublish(*, actor: Any, exemplar: Exemplar, reason: str) -> Exemplar:
    """Take a published story off the public site, with the reason (required)."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do thu hồi công bố."), code=ErrorCode.REASON_REQUIRED)

    def apply(e: Exemplar) -> None:
        e.published_at = None

    return WORKFLOW.run(
        exemplar,
        actor=actor,
        action=Action.UNPUBLISH,
        payload={"reason": reason},
        apply=apply,
    )
