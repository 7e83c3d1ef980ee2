"""Writes of scoring: criteria sets, self-assessment, review, confirmation.

The state changes go through the workflow engine (``scoring.workflow``); publication and proposals are in
``ranking.py``. Points are checked against each criterion's maximum; computed criteria
are refreshed from the data at every save and frozen at review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign
from thidua.campaigns.templatetags.campaign_format import number
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.uploads import check_evidence
from thidua.organisations.models import EmulationGroup
from thidua.scoring import computed
from thidua.scoring.codes import ErrorCode, EventKind
from thidua.scoring.models import (
    DEFAULT_TIE_BREAKS,
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Effect,
    Score,
    ScoreSheet,
    ScoringEvent,
    SetState,
    SheetState,
    TieBreak,
)
from thidua.scoring.rules import is_set_secretariat, is_sheet_reviewer, is_sheet_unit_staff
from thidua.scoring.transitions import SELF_EDITABLE, Action, SetAction
from thidua.scoring.workflow import SET_WORKFLOW, notify_unit, transition

TEMPLATE = Path(__file__).parent / "data" / "bang-cham-diem-mau.yaml"


@dataclass(frozen=True)
class Entry:
    """Points typed for one criterion, with a note (and, for the unit, evidence)."""

    points: Decimal | None
    note: str = ""
    evidence: UploadedFile | None = None


def parse_points(raw: Any) -> Decimal | None:
    """``"12,5"`` or ``"12.5"`` → Decimal; blank → None; anything else is refused."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise DomainError(
            _("“%(raw)s” không phải là số điểm.") % {"raw": raw}, code=ErrorCode.BAD_POINTS
        ) from None
    if not value.is_finite():
        raise DomainError(
            _("“%(raw)s” không phải là số điểm.") % {"raw": raw}, code=ErrorCode.BAD_POINTS
        )
    return value


def _check_points(criterion: Criterion, points: Decimal | None) -> None:
    if points is None:
        return
    if points < 0 or points > criterion.max_points:
        raise DomainError(
            _("Tiêu chí %(code)s: điểm phải từ 0 đến %(max)s.")
            % {"code": criterion.code, "max": number(criterion.max_points)},
            code=ErrorCode.POINTS_OUT_OF_RANGE,
        )
    if points != points.quantize(Decimal("0.01")):
        raise DomainError(
            _("Tiêu chí %(code)s: điểm lấy tối đa hai chữ số thập phân.")
            % {"code": criterion.code},
            code=ErrorCode.BAD_POINTS,
        )


# --- Criteria sets


@transaction.atomic
def criteria_set_create(
    *, actor: Any, group: EmulationGroup, campaign: Campaign | None = None, title: str = ""
) -> CriteriaSet:
    """The group's scoring table for its year, from the province's template; the
    campaign's criteria (group IV) only when a campaign adds them (KH 128 IV.3)."""
    probe = CriteriaSet(group=group, year=group.year)
    if not is_set_secretariat(actor, probe):
        raise NotPermitted()
    if CriteriaSet.objects.filter(group=group, year=group.year).exists():
        raise DomainError(
            _("%(group)s đã có bảng tiêu chí năm %(year)s.")
            % {"group": group.name, "year": group.year},
            code=ErrorCode.DUPLICATE_SET,
        )
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    keys = [k for k in data.get("tie_break_keys", DEFAULT_TIE_BREAKS) if k in TieBreak.values]
    criteria_set = CriteriaSet.objects.create(
        group=group,
        year=group.year,
        campaign=campaign,
        title=title
        or _("Bảng chấm điểm thi đua %(group)s năm %(year)s")
        % {"group": group.name, "year": group.year},
        tie_break_rules=data.get("tie_break_rules", ""),
        tie_break_keys=keys,
        created_by=actor,
    )
    for position, heading in enumerate(data["groups"], start=1):
        if heading.get("campaign") and campaign is None:
            continue
        criterion_group = CriterionGroup.objects.create(
            criteria_set=criteria_set,
            position=position,
            code=heading["code"],
            title=heading["title"],
        )
        for index, item in enumerate(heading["criteria"], start=1):
            Criterion.objects.create(
                criteria_set=criteria_set,
                group=criterion_group,
                position=position * 100 + index,
                code=str(item["code"]),
                text=item["text"],
                max_points=Decimal(str(item["max"])),
                kind=CriterionKind.COMPUTED if item.get("source") else CriterionKind.MANUAL,
                source=item.get("source", ""),
                target_count=item.get("target_count", 1),
                effect=item.get("effect", Effect.NORMAL),
                evidence_required=item.get("evidence", ""),
                added_by_campaign=bool(heading.get("campaign")),
            )
    ScoringEvent.objects.create(
        criteria_set=criteria_set, actor=actor, kind=EventKind.CREATE, payload={"group": group.code}
    )
    return criteria_set


def criteria_set_activate(*, actor: Any, criteria_set: CriteriaSet) -> int:
    """Put the table in force and open a sheet for every member of the group (the
    covenant is signed: criteria no longer change). Returns the number of sheets opened.

    A set already in force stays so (no second event) and only opens the sheets of
    members that joined since; the move itself goes through the engine
    (``scoring.workflow.SET_WORKFLOW``).
    """
    if not is_set_secretariat(actor, criteria_set):
        raise NotPermitted()
    with transaction.atomic():
        locked = CriteriaSet.objects.select_for_update(of=("self",)).get(pk=criteria_set.pk)
        if not locked.criteria.exists():
            raise DomainError(_("Bảng tiêu chí chưa có tiêu chí nào."), code=ErrorCode.NO_CRITERIA)
        if locked.state == SetState.DRAFT:
            locked = SET_WORKFLOW.run(locked, actor=actor, action=SetAction.ACTIVATE)
        opened = sheets_open(locked)
    criteria_set.refresh_from_db(fields=["state"])
    return opened


def sheets_open(criteria_set: CriteriaSet) -> int:
    """A sheet (with one score row per criterion) for each member that has none yet."""
    criteria = list(criteria_set.criteria.all())
    have = set(criteria_set.sheets.values_list("unit_id", flat=True))
    members = criteria_set.group.memberships.exclude(unit_id__in=have).values_list(
        "unit_id", flat=True
    )
    opened = 0
    for unit_id in members:
        sheet = ScoreSheet.objects.create(criteria_set=criteria_set, unit_id=unit_id)
        Score.objects.bulk_create(Score(sheet=sheet, criterion=c) for c in criteria)
        opened += 1
    if opened:
        sheets_refresh_computed(criteria_set, timezone.localdate())
    return opened


def sheets_refresh_computed(
    criteria_set: CriteriaSet, today: dt.date, *, only: ScoreSheet | None = None
) -> None:
    """Fill the computed criteria of the set's open sheets from reports, works, targets:
    one aggregate per source for all units. Sheets past review keep their figures."""
    sheets = criteria_set.sheets.filter(state__in=[*SELF_EDITABLE, SheetState.SELF_SUBMITTED])
    if only is not None:
        sheets = sheets.filter(pk=only.pk)
    by_unit = dict(sheets.values_list("unit_id", "pk"))
    if not by_unit:
        return
    until = computed.counted_until(criteria_set, today)
    unit_ids = sorted(by_unit)
    for criterion in criteria_set.criteria.filter(kind=CriterionKind.COMPUTED):
        figures = computed.measure(criterion, criteria_set, unit_ids, until)
        scores = Score.objects.filter(criterion=criterion, sheet_id__in=by_unit.values())
        rows = {s.sheet_id: s for s in scores}
        for unit_id, sheet_id in by_unit.items():
            figure = figures.get(unit_id) or computed.Figure(0, 0, Decimal(0), "")
            score = rows[sheet_id]
            score.computed_value = figure.share
            score.computed_detail = figure.detail[:255]
            score.self_points = computed.points_for(criterion, figure)
        Score.objects.bulk_update(
            rows.values(), ["computed_value", "computed_detail", "self_points"]
        )


# --- Self-assessment


def sheet_save_self(
    *, actor: Any, sheet: ScoreSheet, entries: dict[int, Entry], note: str = ""
) -> ScoreSheet:
    """The unit's own points, notes and evidence for the manual criteria (officer or head),
    while the sheet is a draft or returned; the computed criteria are refreshed."""
    if not is_sheet_unit_staff(actor, sheet):
        raise NotPermitted()
    checked = {
        cid: check_evidence(e.evidence, name=e.evidence.name or "", size=e.evidence.size or 0)
        for cid, e in entries.items()
        if e.evidence is not None
    }
    with transaction.atomic():
        locked = ScoreSheet.objects.select_for_update().get(pk=sheet.pk)
        if locked.state not in SELF_EDITABLE:
            raise DomainError(
                _("Phiếu đang “%(state)s”: không sửa điểm tự chấm được nữa.")
                % {"state": SheetState(locked.state).label},
                code=ErrorCode.SHEET_LOCKED,
            )
        scores = {s.criterion_id: s for s in locked.scores.select_related("criterion")}
        for cid, entry in entries.items():
            score = scores.get(cid)
            if score is None or score.criterion.kind == CriterionKind.COMPUTED:
                continue
            _check_points(score.criterion, entry.points)
            score.self_points = entry.points
            score.self_note = nfc(entry.note.strip())
            if entry.evidence is not None:
                info = checked[cid]
                score.evidence_sha256 = info.sha256
                score.evidence_type = info.content_type
                score.evidence_name = (entry.evidence.name or "")[:255]
                score.evidence.save(
                    f"{info.sha256[:16]}-{entry.evidence.name}", entry.evidence, save=False
                )
            score.save()
        locked.self_note = nfc(note.strip())
        locked.save(update_fields=["self_note", "updated_at"])
        ScoringEvent.objects.create(
            criteria_set_id=locked.criteria_set_id,
            sheet=locked,
            actor=actor,
            kind=EventKind.SELF_SAVE,
        )
    sheets_refresh_computed(locked.criteria_set, timezone.localdate(), only=locked)
    return locked


def _check_complete(sheet: ScoreSheet) -> None:
    missing = []
    for score in sheet.scores.select_related("criterion"):
        criterion = score.criterion
        if criterion.kind == CriterionKind.COMPUTED:
            continue
        if score.self_points is None:
            if criterion.effect == Effect.NORMAL:
                missing.append(criterion.code)
            continue
        if criterion.evidence_required and score.self_points > 0 and not score.evidence:
            raise DomainError(
                _("Tiêu chí %(code)s cần minh chứng (%(what)s): hãy tải tệp lên.")
                % {"code": criterion.code, "what": criterion.evidence_required},
                code=ErrorCode.EVIDENCE_REQUIRED,
            )
    if missing:
        raise DomainError(
            _("Chưa tự chấm các tiêu chí: %(codes)s.") % {"codes": ", ".join(missing)},
            code=ErrorCode.INCOMPLETE,
        )


def sheet_submit(*, actor: Any, sheet: ScoreSheet) -> ScoreSheet:
    """The unit's head sends the self-assessment to the cluster for review; every standard
    criterion must be scored, and evidence attached where the table asks for it."""
    sheets_refresh_computed(sheet.criteria_set, timezone.localdate(), only=sheet)

    def apply(s: ScoreSheet) -> None:
        _check_complete(s)
        s.submitted_at = timezone.now()
        s.return_reason = ""

    return transition(actor=actor, sheet=sheet, action=Action.SUBMIT, apply=apply)


# --- Review, return, confirm


def sheet_review(
    *, actor: Any, sheet: ScoreSheet, entries: dict[int, Entry], note: str = ""
) -> ScoreSheet:
    """The reviewer's points for every criterion (computed ones are taken as measured;
    a blank bonus or deduction counts 0). Nobody reviews their own unit (rules.py)."""
    if not is_sheet_reviewer(actor, sheet):
        raise NotPermitted()

    def apply(s: ScoreSheet) -> None:
        missing = []
        for score in s.scores.select_related("criterion"):
            criterion = score.criterion
            if criterion.kind == CriterionKind.COMPUTED:
                score.reviewed_points = score.self_points or Decimal(0)
            else:
                entry = entries.get(criterion.pk, Entry(None))
                _check_points(criterion, entry.points)
                if entry.points is None and criterion.effect == Effect.NORMAL:
                    missing.append(criterion.code)
                score.reviewed_points = entry.points if entry.points is not None else Decimal(0)
                score.review_note = nfc(entry.note.strip())
            score.save(update_fields=["reviewed_points", "review_note"])
        if missing:
            raise DomainError(
                _("Chưa chấm thẩm định các tiêu chí: %(codes)s.") % {"codes": ", ".join(missing)},
                code=ErrorCode.INCOMPLETE,
            )
        s.review_note = nfc(note.strip())
        s.reviewed_at = timezone.now()
        s.reviewed_by = actor

    return transition(actor=actor, sheet=sheet, action=Action.REVIEW, apply=apply)


def sheet_return(*, actor: Any, sheet: ScoreSheet, reason: str) -> ScoreSheet:
    """Send a sheet back to its unit with the reason (the reviewer before review, the
    Ban TĐKT after it); the unit's staff are told."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do trả lại."), code=ErrorCode.REASON_REQUIRED)

    def apply(s: ScoreSheet) -> None:
        s.return_reason = nfc(reason.strip())

    return transition(
        actor=actor,
        sheet=sheet,
        action=Action.RETURN,
        payload={"reason": nfc(reason.strip())},
        apply=apply,
        effects=lambda s: notify_unit(
            s,
            title=_("Phiếu chấm điểm bị trả lại: %(set)s") % {"set": s.criteria_set.title},
            body=reason.strip(),
            kind="score_sheet_returned",
        ),
    )


def sheet_confirm(*, actor: Any, sheet: ScoreSheet) -> ScoreSheet:
    """The Ban TĐKT confirms a reviewed sheet; its points no longer change."""

    def apply(s: ScoreSheet) -> None:
        s.confirmed_at = timezone.now()

    return transition(actor=actor, sheet=sheet, action=Action.CONFIRM, apply=apply)
