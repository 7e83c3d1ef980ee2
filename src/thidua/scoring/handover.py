"""Hand the ranking's proposals over to commendation as nominations.

The units proposed for the Cờ thi đua (``Proposal.FLAG``) and the Bằng khen
(``Proposal.MERIT``) become draft nominations through
``thidua.awards.services.nomination_create``, for the award form whose rule in force on the
phase's last day names that proposal (``ranking_proposal`` in ``award-forms.yaml``: the
Cờ thi đua của UBND tỉnh and the Bằng khen của Chủ tịch UBND tỉnh in the shipped file). The Cụm/Khối proposes: its leading
unit sends the tờ trình with the meeting's minutes to Sở Nội vụ (LAW-NOTES §5; Luật TĐKT
Điều 84: the proposing unit files the dossier), so the nominations are created by the
leading unit's staff, with the leading unit as proposer and the group's organiser (the
province) as grantor. The basis is the annual result (Cờ thi đua of a province is an
annual cluster title: Law Điều 26, R11), on the set's campaign and its last phase, which
a nomination needs.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.templatetags.campaign_format import number
from thidua.core.errors import DomainError, NotPermitted
from thidua.organisations.models import GroupRole, Unit
from thidua.scoring.codes import ErrorCode, EventKind
from thidua.scoring.models import CriteriaSet, Proposal, Ranking, ScoringEvent

#: The proposals that become nominations.
HANDED_OVER = (Proposal.FLAG, Proposal.MERIT)


def available() -> bool:
    """Whether commendation takes nominations (the awards services exist)."""
    try:
        from thidua.awards import services
    except ImportError:  # pragma: no cover - the awards app ships with thidua
        return False
    return hasattr(services, "nomination_create")


def leading_unit(criteria_set: CriteriaSet) -> Unit | None:
    membership = (
        criteria_set.group.memberships.filter(role=GroupRole.LEADER).select_related("unit").first()
    )
    return membership.unit if membership else None


def may_hand_over(user: Any, criteria_set: CriteriaSet) -> bool:
    """The leading unit's officers or head (they propose for the group)."""
    from thidua.awards.rules import can_propose_for

    return bool(can_propose_for(user, leading_unit(criteria_set)))


def ranking_hand_over(*, actor: Any, criteria_set: CriteriaSet) -> int:
    """Create one draft nomination per proposed unit, once; returns how many."""
    from thidua.awards.authority import form_for_ranking_proposal
    from thidua.awards.models import AwardBasis, Nominee, SubjectKind
    from thidua.awards.services import nomination_create

    proposer = leading_unit(criteria_set)
    if proposer is None or not may_hand_over(actor, criteria_set):
        raise NotPermitted(
            _(
                "Đơn vị trưởng cụm, khối lập đề nghị khen thưởng của cụm, khối (tờ trình gửi Sở Nội vụ)."
            )
        )
    campaign = criteria_set.campaign
    phase = campaign.phases.order_by("-end", "-pk").first() if campaign else None
    if campaign is None or phase is None:
        raise DomainError(
            _("Bảng tiêu chí chưa gắn với phong trào có đợt thi đua: chưa lập được hồ sơ đề nghị."),
            code=ErrorCode.NO_CAMPAIGN,
        )
    found = {p: form_for_ranking_proposal(p, phase.last_day) for p in HANDED_OVER}
    forms = {p: form for p, form in found.items() if form is not None}
    if len(forms) != len(HANDED_OVER):
        raise DomainError(_("Chưa nạp danh mục hình thức khen thưởng."), code=ErrorCode.NO_FORMS)
    with transaction.atomic():
        ranking = Ranking.objects.select_for_update().filter(criteria_set=criteria_set).first()
        if ranking is None:
            raise DomainError(
                _(
                    "Bảng xếp hạng chưa được công bố: chỉ chuyển đề nghị khen thưởng sau khi "
                    "Ban Thi đua - Khen thưởng công bố kết quả chấm điểm."
                ),
                code=ErrorCode.NOT_PUBLISHED,
            )
        if ranking.handed_over_at is not None:
            raise DomainError(_("Đề nghị đã được chuyển."), code=ErrorCode.ALREADY_HANDED_OVER)
        created = 0
        for row in ranking.rows.select_related("unit").exclude(proposal=Proposal.NONE):
            nominee = Nominee.objects.filter(
                kind=SubjectKind.COLLECTIVE, unit=row.unit, merged_into__isnull=True
            ).first() or Nominee.objects.create(
                kind=SubjectKind.COLLECTIVE, name=row.unit.name, unit=row.unit
            )
            nomination = nomination_create(
                by=actor,
                campaign=campaign,
                phase=phase,
                proposer_unit=proposer,
                nominee=nominee,
                form=forms[Proposal(row.proposal)],
                grantor_unit=criteria_set.group.organiser,
                basis=AwardBasis.ANNUAL,
                summary=_("Xếp hạng %(rank)s/%(n)s %(group)s năm %(year)s, %(total)s điểm.")
                % {
                    "rank": row.rank,
                    "n": ranking.rows.count(),
                    "group": criteria_set.group.name,
                    "year": criteria_set.year,
                    "total": number(row.total),
                },
            )
            row.nomination_id = nomination.pk
            row.save(update_fields=["nomination_id"])
            created += 1
        ranking.handed_over_at = timezone.now()
        ranking.save(update_fields=["handed_over_at"])
        ScoringEvent.objects.create(
            criteria_set=criteria_set,
            actor=actor,
            kind=EventKind.HAND_OVER,
            payload={"nominations": created},
        )
    return created
