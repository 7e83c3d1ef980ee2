"""Preparing a session: create it, seat its members, record attendance, build the agenda.

The secretariat prepares (QĐ 86/2025/QĐ-UBND Bắc Ninh Điều 8.2: the secretary of the
council is the head of the emulation division of Sở Nội vụ). Members, attendance and
agenda change only while the session is planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.awards.models import Nomination
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.councils.codes import ErrorCode, EventKind
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    Council,
    CouncilMember,
    CouncilSession,
    MemberRole,
)
from thidua.councils.roster import quorum_for
from thidua.councils.rules import can_manage_session
from thidua.councils.selectors import agenda_candidates, rule_for
from thidua.councils.standing import seat_session, term_label
from thidua.councils.transitions import Operation
from thidua.councils.workflow import append_event, locked_session

#: Roles a session has at most one of.
_SINGLE_ROLES = (MemberRole.CHAIR, MemberRole.SECRETARY)


def session_create(
    *,
    actor: Any,
    campaign: Campaign,
    title: str,
    date: dt.date,
    place: str,
    place_name: str,
    council_name: str = "",
    council: Council | None = None,
    phase: Phase | None = None,
    body_name: str = "",
    start_time: dt.time | None = None,
    quorum_share: Decimal | None = None,
) -> CouncilSession:
    """Plan a session for a campaign: of a standing ``council`` (whoever runs it; its
    members are seated from the roster in force on ``date``, its name, body and quorum
    come from the council unless given) or of an ad-hoc council (the secretariat covering
    the campaign's issuer; members are added one by one)."""
    if phase is not None and phase.campaign_id != campaign.pk:
        raise DomainError(
            _("Đợt thi đua không thuộc phong trào đã chọn."), code=ErrorCode.BAD_PHASE
        )
    if council is not None and not council.covers(date):
        raise DomainError(
            _("Ngày họp nằm ngoài nhiệm kỳ của %(council)s (%(term)s).")
            % {"council": council.name, "term": term_label(council)},
            code=ErrorCode.NOT_IN_TERM,
        )
    if council is not None:
        council_name = council_name or council.name
        body_name = body_name or council.body_name
    if quorum_share is None:
        quorum_share = quorum_for(council, date).share
    if not council_name.strip():
        raise DomainError(_("Hãy ghi tên Hội đồng."), code=ErrorCode.NAME_REQUIRED)
    if not Decimal("0") < quorum_share <= Decimal("1"):
        raise DomainError(
            _("Tỷ lệ thành viên có mặt tối thiểu phải lớn hơn 0 và không quá 1 (ví dụ 0,8)."),
            code=ErrorCode.BAD_QUORUM,
        )
    session = CouncilSession(
        title=nfc(title),
        council_name=nfc(council_name),
        body_name=nfc(body_name),
        campaign=campaign,
        council=council,
        phase=phase,
        date=date,
        start_time=start_time,
        place=nfc(place),
        place_name=nfc(place_name),
        quorum_share=quorum_share,
        created_by=actor,
    )
    if not can_manage_session(actor, session):
        raise NotPermitted()
    session.full_clean(exclude=["created_by", "minutes"])
    with transaction.atomic():
        session.save()
        append_event(session, actor, EventKind.CREATED, {"title": session.title})
        if council is not None:
            seat_session(session, actor)
    return session


def session_add_member(
    *,
    actor: Any,
    session: CouncilSession,
    user: Any = None,
    name: str = "",
    position: str = "",
    role: str = MemberRole.MEMBER,
) -> CouncilMember:
    """Seat a member: a council-member account (who then votes from their phone) or a
    person by name (who votes through the secretary). One chair, one secretary."""
    if user is not None and not has_role(user, Role.COUNCIL_MEMBER):
        raise DomainError(
            _("Tài khoản %(name)s chưa có vai trò thành viên Hội đồng TĐKT.") % {"name": user},
            code=ErrorCode.NOT_COUNCIL_MEMBER,
        )
    name = nfc(name or (user.get_full_name() if user is not None else ""))
    if not name:
        raise DomainError(_("Hãy ghi họ và tên thành viên."), code=ErrorCode.NAME_REQUIRED)
    if role not in MemberRole.values:
        raise DomainError(_("Vai trò trong Hội đồng không hợp lệ."), code=ErrorCode.BAD_ROLE)
    with transaction.atomic():
        locked = locked_session(session, Operation.EDIT_MEMBERS)
        if not can_manage_session(actor, locked):
            raise NotPermitted()
        if locked.council_id is not None:
            raise DomainError(
                _(
                    "Thành viên phiên họp lấy theo danh sách %(council)s tại ngày họp: hãy "
                    "thêm ghế vào danh sách Hội đồng."
                )
                % {"council": locked.council},
                code=ErrorCode.ROSTER_MEMBERS,
            )
        seats = locked.members.all()
        if user is not None and seats.filter(user=user).exists():
            raise DomainError(
                _("%(name)s đã là thành viên của phiên họp này.") % {"name": name},
                code=ErrorCode.DUPLICATE_MEMBER,
            )
        if role in _SINGLE_ROLES and seats.filter(role=role).exists():
            raise DomainError(
                _("Phiên họp đã có %(role)s.") % {"role": MemberRole(role).label},
                code=ErrorCode.DUPLICATE_ROLE,
            )
        order = (seats.aggregate(m=Max("position_order"))["m"] or 0) + 1
        member = CouncilMember.objects.create(
            session=locked,
            user=user,
            name=name,
            position=nfc(position or (getattr(user, "position", "") if user else "")),
            role=role,
            position_order=order,
        )
        append_event(locked, actor, EventKind.MEMBER_ADDED, {"member": member.pk, "name": name})
    return member


def session_set_attendance(*, actor: Any, member: CouncilMember, attendance: str) -> CouncilMember:
    """Record whether a member is present, absent with a written opinion, or absent
    (absent members vote in writing: ND 98/2023/NĐ-CP Điều 30.7)."""
    if attendance not in Attendance.values:
        raise DomainError(_("Tình trạng tham dự không hợp lệ."), code=ErrorCode.BAD_ATTENDANCE)
    with transaction.atomic():
        locked = locked_session(member.session, Operation.ATTENDANCE)
        if not can_manage_session(actor, locked):
            raise NotPermitted()
        seat = CouncilMember.objects.get(pk=member.pk)
        seat.attendance = attendance
        seat.save(update_fields=["attendance"])
        append_event(
            locked, actor, EventKind.ATTENDANCE, {"member": seat.pk, "attendance": attendance}
        )
    return seat


def session_add_items(
    *, actor: Any, session: CouncilSession, nominations: Sequence[Nomination]
) -> list[AgendaItem]:
    """Put nominations sent to the council (of the session's campaign and phase, on no
    other open agenda) to the vote, with the vote rule of their form on the session date."""
    with transaction.atomic():
        locked = locked_session(session, Operation.EDIT_AGENDA)
        if not can_manage_session(actor, locked):
            raise NotPermitted()
        allowed = set(
            agenda_candidates(locked)
            .filter(pk__in=[n.pk for n in nominations])
            .values_list("pk", flat=True)
        )
        refused = [n for n in nominations if n.pk not in allowed]
        if refused:
            raise DomainError(
                _(
                    "Không thể đưa vào nội dung xét: %(names)s. Chỉ xét đề nghị đã trình Hội "
                    "đồng, thuộc phong trào (và đợt) của phiên họp, chưa có trong phiên họp khác."
                )
                % {"names": ", ".join(str(n) for n in refused)},
                code=ErrorCode.NOT_CANDIDATE,
            )
        order = locked.items.aggregate(m=Max("order"))["m"] or 0
        items = []
        for nomination in sorted(nominations, key=lambda n: n.pk):
            order += 1
            items.append(_add_item(locked, nomination, order))
        append_event(locked, actor, EventKind.ITEMS_ADDED, {"items": [i.pk for i in items]})
    return items


def _add_item(session: CouncilSession, nomination: Nomination, order: int) -> AgendaItem:
    rule = rule_for(nomination, session.date)
    return AgendaItem.objects.create(
        session=session,
        nomination=nomination,
        order=order,
        secret_ballot=bool(rule and rule.secret_ballot),
        threshold=rule.council_threshold if rule else None,
        over_all_members=rule.threshold_over_all_members if rule else True,
        rule_basis=rule.legal_basis if rule else "",
    )
