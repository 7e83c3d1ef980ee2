"""Writes on decisions: draft from approved nominations, edit the draft, issue, supersede.

Every state change goes through the workflow engine (``decisions.workflow``: lock →
check the table → check permission → apply → save → event). Issuing checks the signer's
authority as of the decision date (Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59; LAW-NOTES
R1), computes each reward (R16), renders the DOCX and PDF (ND 30/2020), stores their
SHA-256, writes one award record per row and marks each nomination decided.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.models import AwardForm, Nomination, NominationState
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.core.tree import path_ids
from thidua.core.workflow import WorkflowError
from thidua.decisions.codes import ErrorCode, EventKind
from thidua.decisions.documents import default_legal_bases
from thidua.decisions.issuing import issue_apply
from thidua.decisions.models import (
    AuthorityPrefix,
    Decision,
    DecisionEntry,
    DecisionEvent,
    DecisionState,
)
from thidua.decisions.row_authority import signing_check
from thidua.decisions.rules import is_decision_issuer
from thidua.decisions.transitions import Action
from thidua.decisions.workflow import WORKFLOW
from thidua.organisations.models import Unit, UnitKind

_PLACE = re.compile(
    r"\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+(.+)$", re.I
)
_HEAD_TITLES = {
    UnitKind.PROVINCE: "Chủ tịch",
    UnitKind.DISTRICT: "Chủ tịch",
    UnitKind.COMMUNE: "Chủ tịch",
    UnitKind.DEPARTMENT: "Giám đốc",
    UnitKind.ENTERPRISE: "Giám đốc",
}


# --- Drafting ---------------------------------------------------------------------------


def place_name_of(unit: Unit) -> str:
    """The địa danh of a body (ND 30/2020): the administrative unit it sits in, e.g.
    "Ủy ban nhân dân tỉnh Trà Vinh" → "Trà Vinh"; a department → its province's name."""
    ids = path_ids(unit.path)
    names = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
    for pk in reversed(ids):
        found = _PLACE.search(names.get(pk, ""))
        if found:
            return found.group(1).strip()
    return unit.name


def grantor_title_of(title: str, unit: Unit) -> str:
    """Who grants, as a decision names them: "Chủ tịch Ủy ban nhân dân xã Cầu Kè" for the
    head of a commune or district (the unit list names the area, "Xã Cầu Kè", not its
    Ủy ban nhân dân), "Giám đốc Sở Y tế tỉnh Vĩnh Long" for a department."""
    name = unit.name
    area = unit.kind in (UnitKind.COMMUNE, UnitKind.DISTRICT)
    if area and not name.startswith("Ủy ban") and name:
        return f"{title} Ủy ban nhân dân {name[0].lower()}{name[1:]}"
    return f"{title} {name}"


def _fill_grantor(draft: Decision, grantor_unit: Unit, day: dt.date) -> None:
    """The letterhead, place, signer's title and căn cứ of a draft granted by the head of
    ``grantor_unit`` (the campaign's signer when the campaign is that unit's own)."""
    campaign = draft.campaign
    title = _HEAD_TITLES.get(UnitKind(grantor_unit.kind), "Thủ trưởng")
    parent = grantor_unit.parent if grantor_unit.kind == UnitKind.DEPARTMENT else None
    draft.grantor_unit = grantor_unit
    draft.issuing_body = grantor_unit.name
    draft.parent_body = parent.name if parent is not None else ""
    draft.place_name = place_name_of(grantor_unit)
    draft.signer_title = title
    draft.grantor_title = grantor_title_of(title, grantor_unit)
    draft.signer_name = campaign.signer_name if campaign.issuer_unit_id == grantor_unit.pk else ""
    draft.authority_prefix, draft.signer_position = "", ""
    draft.legal_bases = default_legal_bases(on=day, campaign=campaign)


def candidates(
    *, campaign: Campaign, form: AwardForm, grantor_unit: Unit, phase: Phase | None = None
) -> list[Nomination]:
    """Approved nominations of the form and grantor not yet in a draft or issued
    decision: what a new decision may list."""
    nominations = Nomination.objects.filter(
        campaign=campaign,
        form=form,
        grantor_unit=grantor_unit,
        state=NominationState.APPROVED,
    ).exclude(decision_entries__decision__state__in=[DecisionState.DRAFT, DecisionState.ISSUED])
    if phase is not None:
        nominations = nominations.filter(phase=phase)
    return list(nominations.select_related("nominee__unit", "proposer_unit").order_by("pk"))


def _entry_for(decision: Decision, nomination: Nomination, order: int) -> DecisionEntry:
    nominee = nomination.nominee
    unit_name = nominee.unit.name if nominee.unit is not None else ""
    if nominee.unit_part:
        unit_name = f"{nominee.unit_part}, {unit_name}".strip(", ")
    return DecisionEntry(
        decision=decision,
        nomination=nomination,
        subject_kind=nominee.kind,
        name=nfc(nominee.name),
        position=nfc(nominee.position),
        unit_name=nfc(unit_name),
        order=order,
    )


def decision_draft(
    *,
    actor: Any,
    campaign: Campaign,
    form: AwardForm,
    grantor_unit: Unit,
    phase: Phase | None = None,
    nominations: Sequence[int] | None = None,
    on: dt.date | None = None,
) -> Decision:
    """Draft a decision listing approved nominations (all candidates, or the chosen
    ``nominations``). Only the secretariat of the grantor's province may draft."""
    draft = Decision(campaign=campaign, form=form, grantor_unit=grantor_unit, phase=phase)
    if not is_decision_issuer(actor, draft):
        raise NotPermitted()
    pool = candidates(campaign=campaign, form=form, grantor_unit=grantor_unit, phase=phase)
    if nominations is not None:
        chosen = set(nominations)
        pool = [n for n in pool if n.pk in chosen]
    if not pool:
        raise DomainError(
            _(
                "Chưa có đề nghị nào đã được Hội đồng đồng ý (và chưa có quyết định) cho "
                "hình thức và cấp khen thưởng này. Hãy chọn đợt, hình thức hoặc cấp khác."
            ),
            code=ErrorCode.NO_CANDIDATES,
        )
    day = on or timezone.localdate()
    with transaction.atomic():
        _fill_grantor(draft, grantor_unit, day)
        draft.proposal = _("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …/TTr-SNV ngày …")
        draft.achievement = _(
            "đã có thành tích xuất sắc trong phong trào thi đua theo %(kind)s số %(number)s"
        ) % {"kind": campaign.doc_kind, "number": campaign.doc_number}
        if phase is not None:
            draft.achievement += f" ({phase.name})"
        draft.recipients = [_("Như Điều 3;"), _("Lưu: VT, SNV.")]
        draft.created_by = actor
        draft.save()
        DecisionEntry.objects.bulk_create(
            [_entry_for(draft, n, i) for i, n in enumerate(pool, start=1)]
        )
        DecisionEvent.objects.create(
            decision=draft,
            actor=actor,
            kind=EventKind.DRAFT,
            to_state=DecisionState.DRAFT,
            payload={"nominations": [n.pk for n in pool]},
        )
    return draft


_NUMBER = re.compile(r"^\d{1,5}/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")


def decision_edit(
    *,
    actor: Any,
    decision: Decision,
    number: str,
    date: dt.date | None,
    signer_name: str,
    signer_title: str,
    authority_prefix: str = "",
    signer_position: str = "",
    place_name: str = "",
    legal_bases: Sequence[str] | None = None,
    proposal: str | None = None,
    achievement: str | None = None,
    remove_entries: Sequence[int] = (),
) -> Decision:
    """Edit a draft: number ("1234/QĐ-UBND", ND 30/2020), date, signer (KT. needs the
    signer's own position), place, căn cứ lines, Điều 1 text; remove rows."""
    number = nfc(number).upper().replace(" ", "")
    if number and not _NUMBER.match(number):
        raise DomainError(
            _("Số, ký hiệu phải có dạng “1234/QĐ-UBND” (số / ký hiệu viết hoa)."),
            code=ErrorCode.BAD_NUMBER,
        )
    if authority_prefix not in AuthorityPrefix.values:
        raise DomainError(_("Thẩm quyền ký không hợp lệ."), code=ErrorCode.BAD_AUTHORITY)
    if authority_prefix and not signer_position.strip():
        raise DomainError(
            _("Khi ký thay (KT.), hãy ghi chức vụ của người ký, ví dụ “Phó Chủ tịch”."),
            code=ErrorCode.KT_POSITION,
        )
    if not signer_title.strip():
        raise DomainError(_("Hãy ghi chức vụ người có thẩm quyền, ví dụ “Chủ tịch”."))

    def apply(d: Decision) -> None:
        date_changed = d.date != date
        d.number, d.date = number, date
        d.signer_name, d.signer_title = nfc(signer_name), nfc(signer_title)
        d.authority_prefix = authority_prefix
        d.signer_position = nfc(signer_position) if authority_prefix else ""
        d.grantor_title = grantor_title_of(d.signer_title, d.grantor_unit)
        if place_name.strip():
            d.place_name = nfc(place_name)
        if legal_bases is not None and any(line.strip() for line in legal_bases):
            d.legal_bases = [nfc(line) for line in legal_bases if line.strip()]
        elif date_changed and date is not None:
            d.legal_bases = default_legal_bases(on=date, campaign=d.campaign)
        if proposal is not None:
            d.proposal = nfc(proposal)
        if achievement is not None:
            d.achievement = nfc(achievement)
        if remove_entries:
            d.entries.filter(pk__in=list(remove_entries)).delete()
            if not d.entries.exists():
                raise DomainError(
                    _("Quyết định phải còn ít nhất một tập thể hoặc cá nhân."), code=ErrorCode.EMPTY
                )

    return WORKFLOW.run(
        decision,
        actor=actor,
        action=Action.EDIT,
        payload={"number": number, "date": date.isoformat() if date else None},
        apply=apply,
    )


def decision_grantor_succeed(*, actor: Any, decision: Decision) -> Decision:
    """Move a draft to the recorded successor of its granting unit, whose head holds the
    authority on the decision's date (today while it has none): e.g. from the chairman
    of UBND tỉnh Trà Vinh to the chairman of UBND tỉnh Vĩnh Long from 01/7/2025 (Nghị
    quyết 202/2025/QH15; Luật TĐKT 2022 Điều 80). The letterhead, place, signer's title
    and căn cứ follow; the signer's name is cleared unless the successor issued the
    campaign. Refused when there is no such successor, or when the actor does not
    prepare the successor's decisions."""
    day = decision.date or timezone.localdate()
    entries = list(decision.entries.order_by("order", "pk"))
    successor = signing_check(decision, entries, on=day).successor
    if successor is None:
        raise DomainError(
            _(
                "Không có đơn vị kế thừa có thẩm quyền ký các dòng này vào ngày %(date)s; "
                "hãy sửa ngày ký hoặc bỏ các dòng không có thẩm quyền."
            )
            % {"date": f"{day:%d/%m/%Y}"},
            code=ErrorCode.NO_SUCCESSOR,
        )
    if not is_decision_issuer(actor, Decision(grantor_unit=successor.unit)):
        raise NotPermitted(
            _("Bạn không lập quyết định của %(unit)s.") % {"unit": successor.unit.name}
        )
    previous = decision.grantor_unit

    def apply(d: Decision) -> None:
        _fill_grantor(d, successor.unit, day)

    return WORKFLOW.run(
        decision,
        actor=actor,
        action=Action.EDIT,
        payload={"grantor": successor.unit.pk, "previous_grantor": previous.pk},
        apply=apply,
    )


def decision_issue(*, actor: Any, decision: Decision) -> Decision:
    """Issue a draft: see ``issuing.issue_apply`` for every check and what is written.
    Refused with a Vietnamese message naming the rule broken (nothing is written)."""
    return WORKFLOW.run(
        decision,
        actor=actor,
        action=Action.ISSUE,
        apply=lambda d: issue_apply(d, actor=actor),
    )


def decision_supersede(*, actor: Any, decision: Decision, reason: str) -> Decision:
    """Start a correction: a new draft copying ``decision`` and its rows, linked to it
    (``supersedes``). The old decision stays issued until the new one is issued."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do đính chính, thay thế."), code=ErrorCode.REASON_REQUIRED)
    if WORKFLOW.move_for(decision.state, Action.SUPERSEDE) is None:
        raise DomainError(
            _("Chỉ quyết định đã ban hành mới lập được quyết định thay thế."),
            code=WorkflowError.INVALID_TRANSITION,
        )
    if not is_decision_issuer(actor, decision):
        raise NotPermitted()
    if Decision.objects.filter(supersedes=decision, state=DecisionState.DRAFT).exists():
        raise DomainError(
            _("Đã có một dự thảo thay thế quyết định này; hãy hoàn thiện dự thảo đó."),
            code=ErrorCode.SUPERSEDE_PENDING,
        )
    with transaction.atomic():
        fields = {
            name: getattr(decision, name)
            for name in (
                "campaign_id",
                "phase_id",
                "form_id",
                "grantor_unit_id",
                "issuing_body",
                "parent_body",
                "place_name",
                "grantor_title",
                "signer_name",
                "signer_title",
                "authority_prefix",
                "signer_position",
                "legal_bases",
                "proposal",
                "achievement",
                "recipients",
            )
        }
        draft = Decision.objects.create(
            **fields, supersedes=decision, created_by=actor, state=DecisionState.DRAFT
        )
        DecisionEntry.objects.bulk_create(
            [
                DecisionEntry(
                    decision=draft,
                    nomination_id=e.nomination_id,
                    subject_kind=e.subject_kind,
                    name=e.name,
                    position=e.position,
                    unit_name=e.unit_name,
                    order=e.order,
                )
                for e in decision.entries.order_by("order", "pk")
            ]
        )
        DecisionEvent.objects.create(
            decision=draft,
            actor=actor,
            kind=EventKind.DRAFT,
            to_state=DecisionState.DRAFT,
            payload={"supersedes": decision.pk, "reason": reason},
        )
        DecisionEvent.objects.create(
            decision=decision,
            actor=actor,
            kind=EventKind.CORRECTION_DRAFTED,
            from_state=decision.state,
            to_state=decision.state,
            payload={"draft": draft.pk, "reason": reason},
        )
    return draft
