"""Writes of a nomination before it leaves the proposing unit: create, edit, link works and
targets, attach dossier files (Luật TĐKT 2022 Điều 84; LAW-NOTES §4.1).

The proposing unit is the officer's own unit; the grantor is the province for what its
chairman grants (Bằng khen, CSTĐ tỉnh, TTLĐXS, Cờ) and, for Giấy khen and the unit titles,
the nearest unit (the proposer or one above it) whose head holds the authority.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.authority import authority_for, province_grants
from thidua.awards.codes import ErrorCode, EventKind
from thidua.awards.models import (
    AwardBasis,
    AwardForm,
    DossierFile,
    DossierKind,
    Nomination,
    NominationEvent,
    NominationState,
    Nominee,
)
from thidua.awards.rules import can_propose_for, is_proposer_staff, is_reviewer
from thidua.awards.transitions import EDITABLE_STATES, OPEN_STATES
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.tree import path_ids
from thidua.core.uploads import check_evidence
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.models import Work

#: Sections of the achievement report, after the decree's template for thematic
#: (chuyên đề) campaigns (ND 152/2025 Phụ lục; ND 91/2017 Mẫu 07).
ACHIEVEMENT_SECTIONS: list[tuple[str, str]] = [
    ("situation", "I. Sơ lược đặc điểm, tình hình"),
    ("results", "II. Thành tích đạt được"),
    ("measures", "III. Biện pháp, giải pháp, sáng kiến"),
    ("lessons", "IV. Bài học kinh nghiệm"),
    ("awards", "V. Các hình thức khen thưởng đã được ghi nhận"),
]
SECTION_KEYS = frozenset(key for key, _label in ACHIEVEMENT_SECTIONS)

ONE_LIVE = _(
    "%(nominee)s đã có một đề nghị khen thưởng đang xử lý trong đợt này; một thành tích chỉ "
    "được khen một hình thức (Luật TĐKT 2022 Điều 5)."
)
ONE_DECIDED = _(
    "%(nominee)s đã được khen “%(form)s” trong đợt này; một thành tích chỉ được khen một "
    "hình thức (Luật TĐKT 2022 Điều 5)."
)


def _clean_achievement(achievement: dict[str, Any] | None) -> dict[str, str]:
    if not achievement:
        return {}
    unknown = set(achievement) - SECTION_KEYS
    if unknown:
        raise DomainError(
            _("Mục báo cáo thành tích không có: %(keys)s.") % {"keys": ", ".join(sorted(unknown))},
            code=ErrorCode.BAD_SECTION,
        )
    return {key: nfc(str(value)) for key, value in achievement.items() if str(value).strip()}


def default_grantor(
    *, form: AwardForm, proposer_unit: Unit, subject_kind: str, on: dt.date
) -> Unit | None:
    """The province (root of the proposer's tree) for the chairman's forms; otherwise the
    proposer or the nearest unit above it whose head may grant ``form`` on ``on``."""
    ids = path_ids(proposer_unit.path)
    units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=ids)}
    chain = [units[pk] for pk in reversed(ids) if pk in units]
    if province_grants(form, on):
        return next((u for u in reversed(chain) if u.kind == UnitKind.PROVINCE), None)
    for unit in chain:
        if authority_for(form=form, subject_kind=subject_kind, grantor_unit=unit, on=on):
            return unit
    return None


def _validate(nomination: Nomination) -> None:
    if nomination.phase.campaign_id != nomination.campaign_id:
        raise DomainError(_("Đợt thi đua không thuộc phong trào này."), code=ErrorCode.BAD_PHASE)
    if nomination.nominee.merged_into_id:
        raise DomainError(
            _("Đối tượng này đã được gộp vào %(other)s; hãy chọn hồ sơ đó.")
            % {"other": nomination.nominee.merged_into},
            code=ErrorCode.MERGED_NOMINEE,
        )
    if nomination.nominee.kind not in nomination.form.subject_kinds:
        raise DomainError(
            _("“%(form)s” không tặng cho đối tượng loại này.") % {"form": nomination.form.name},
            code=ErrorCode.BAD_SUBJECT,
        )
    if nomination.basis not in AwardBasis.values:
        raise DomainError(_("Hãy chọn loại thành tích."), code=ErrorCode.BAD_BASIS)


def _save(nomination: Nomination) -> None:
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError as exc:
        decided = (
            Nomination.objects.filter(
                phase_id=nomination.phase_id,
                nominee_id=nomination.nominee_id,
                state=NominationState.DECIDED,
            )
            .select_related("form")
            .first()
        )
        values = {"nominee": nomination.nominee.name}
        if decided is not None:
            message = ONE_DECIDED % (values | {"form": decided.form.name})
        else:
            message = ONE_LIVE % values
        raise DomainError(message, code=ErrorCode.ONE_AWARD) from exc


def nomination_create(
    *,
    by: Any,
    campaign: Campaign,
    phase: Phase,
    proposer_unit: Unit,
    nominee: Nominee,
    form: AwardForm,
    grantor_unit: Unit | None = None,
    basis: str = AwardBasis.CAMPAIGN,
    simplified: bool = False,
    summary: str = "",
    achievement: dict[str, Any] | None = None,
) -> Nomination:
    """Draft a nomination for the officer's own unit (Luật TĐKT Điều 84: the unit that
    manages the subject proposes). One live nomination per nominee and phase (Điều 5)."""
    if not can_propose_for(by, proposer_unit):
        raise NotPermitted()
    if grantor_unit is None:
        grantor_unit = default_grantor(
            form=form, proposer_unit=proposer_unit, subject_kind=nominee.kind, on=phase.last_day
        )
        if grantor_unit is None:
            raise DomainError(
                _("Không tìm thấy cấp có thẩm quyền tặng “%(form)s”; hãy chọn cấp khen thưởng.")
                % {"form": form.name},
                code=ErrorCode.GRANTOR_REQUIRED,
            )
    nomination = Nomination(
        campaign=campaign,
        phase=phase,
        proposer_unit=proposer_unit,
        grantor_unit=grantor_unit,
        nominee=nominee,
        form=form,
        basis=basis,
        simplified=simplified,
        summary=nfc(summary),
        achievement=_clean_achievement(achievement),
        created_by=by,
    )
    _validate(nomination)
    with transaction.atomic():
        _save(nomination)
        NominationEvent.objects.create(
            nomination=nomination, actor=by, kind=EventKind.CREATE, to_state=nomination.state
        )
    return nomination


_EDITABLE_FIELDS = frozenset(
    {"nominee", "form", "grantor_unit", "basis", "simplified", "summary", "achievement"}
)


def _check_editable(nomination: Nomination, by: Any) -> None:
    if not is_proposer_staff(by, nomination):
        raise NotPermitted()
    if nomination.state not in EDITABLE_STATES:
        raise DomainError(
            _("Đề nghị đã gửi đi; chỉ sửa được khi còn dự thảo hoặc bị trả lại."),
            code=ErrorCode.NOT_EDITABLE,
        )


def nomination_update(
    nomination: Nomination,
    *,
    by: Any,
    works: Iterable[Work] | None = None,
    targets: Iterable[Target] | None = None,
    **changes: Any,
) -> Nomination:
    """Edit a draft or returned nomination (the proposing unit's staff): any of nominee,
    form, grantor_unit, basis, simplified, summary, achievement; ``works`` must be the
    unit's works in the campaign, ``targets`` the campaign's targets."""
    unknown = set(changes) - _EDITABLE_FIELDS
    if unknown:
        raise DomainError(_("Không sửa được: %(f)s.") % {"f": ", ".join(sorted(unknown))})
    with transaction.atomic():
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        _check_editable(locked, by)
        if "achievement" in changes:
            changes["achievement"] = _clean_achievement(changes["achievement"])
        if "summary" in changes:
            changes["summary"] = nfc(changes["summary"])
        for key, value in changes.items():
            setattr(locked, key, value)
        _validate(locked)
        _save(locked)
        if works is not None:
            works = list(works)
            if any(
                w.unit_id != locked.proposer_unit_id or w.campaign_id != locked.campaign_id
                for w in works
            ):
                raise DomainError(
                    _("Chỉ gắn công trình, phần việc của đơn vị đề nghị trong phong trào này."),
                    code=ErrorCode.BAD_WORK,
                )
            locked.works.set(works)
        if targets is not None:
            targets = list(targets)
            if any(t.campaign_id != locked.campaign_id for t in targets):
                raise DomainError(
                    _("Chỉ gắn chỉ tiêu của phong trào này."), code=ErrorCode.BAD_TARGET
                )
            locked.targets.set(targets)
        NominationEvent.objects.create(
            nomination=locked,
            actor=by,
            kind=EventKind.UPDATE,
            payload={"fields": sorted(changes) + (["works"] if works is not None else [])},
        )
    return locked


def dossier_file_add(
    nomination: Nomination, *, by: Any, kind: str, stream: IO[bytes], name: str, size: int
) -> DossierFile:
    """Attach one dossier document, checked by its content and size (PDF, DOCX, XLSX ≤ 20
    MB; photos ≤ 10 MB), while the nomination is editable."""
    _check_editable(nomination, by)
    if kind not in DossierKind.values:
        raise DomainError(_("Hãy chọn loại tài liệu."), code=ErrorCode.BAD_KIND)
    checked = check_evidence(stream, name=name, size=size)
    record = DossierFile(
        nomination=nomination,
        kind=kind,
        original_name=nfc(name)[:255],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    stream.seek(0)
    record.file.save(nfc(name)[-100:], File(stream), save=False)
    record.save()
    NominationEvent.objects.create(
        nomination=nomination,
        actor=by,
        kind=EventKind.FILE_ADD,
        payload={"kind": kind, "name": name},
    )
    return record


def dossier_file_remove(file: DossierFile, *, by: Any) -> None:
    """Remove a document from an editable nomination's dossier (the event keeps its name)."""
    nomination = file.nomination
    _check_editable(nomination, by)
    NominationEvent.objects.create(
        nomination=nomination,
        actor=by,
        kind=EventKind.FILE_REMOVE,
        payload={"kind": file.kind, "name": file.original_name},
    )
    file.file.delete(save=False)
    file.delete()


def nomination_confirm_distinct(nomination: Nomination, *, by: Any, note: str) -> Nomination:
    """The reviewer confirms that the achievement differs from the one the same form
    rewards (or is proposed for) in another phase of the campaign, saying how (one
    achievement, one award: Luật TĐKT 2022 Điều 5). Only the appraising body confirms,
    while the nomination is open; the confirmation is an event of the nomination."""
    note = nfc(note).strip()
    if not note:
        raise DomainError(
            _("Hãy ghi vì sao đây là thành tích khác (nội dung, thời gian, kết quả)."),
            code=ErrorCode.NOTE_REQUIRED,
        )
    with transaction.atomic():
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if not is_reviewer(by, locked):
            raise NotPermitted()
        if locked.state not in OPEN_STATES:
            raise DomainError(
                _("Đề nghị đã kết thúc xử lý; không xác nhận được nữa."),
                code=ErrorCode.NOT_EDITABLE,
            )
        locked.distinct_achievement = note
        locked.distinct_confirmed_by = by
        locked.save(update_fields=["distinct_achievement", "distinct_confirmed_by", "updated_at"])
        NominationEvent.objects.create(
            nomination=locked,
            actor=by,
            kind=EventKind.DISTINCT_CONFIRMED,
            payload={"note": note},
        )
    return locked


def today() -> dt.date:
    return timezone.localdate()
