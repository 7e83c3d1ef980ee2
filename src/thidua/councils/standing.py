"""Writes of standing councils: establish a council for a term, add a seat to its roster,
end a seat; and seat a session's members from the roster in force on its date.

A council is established by a decision of the unit's head (number, date, signer: its
legal source); its roster changes during the term, each change dated and written as an
event. The members of a session still being planned follow the roster: adding or ending
a seat re-seats them (an open or closed session never changes).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import nfc
from thidua.councils.codes import ErrorCode, EventKind
from thidua.councils.models import (
    Council,
    CouncilEvent,
    CouncilMember,
    CouncilRosterEvent,
    CouncilSeat,
    CouncilSession,
    MemberRole,
    SessionState,
)
from thidua.councils.roster import can_run_council, seats_in_force
from thidua.organisations.models import Unit

#: Roles a council has at most one of at any time.
SINGLE_ROLES = (MemberRole.CHAIR, MemberRole.SECRETARY)


def _event(council: Council, actor: Any, kind: EventKind, payload: dict[str, Any]) -> None:
    CouncilRosterEvent.objects.create(council=council, actor=actor, kind=kind, payload=payload)


def _check_quorum(share: Decimal | None) -> None:
    if share is not None and not Decimal("0") < share <= Decimal("1"):
        raise DomainError(
            _("Tỷ lệ thành viên có mặt tối thiểu phải lớn hơn 0 và không quá 1 (ví dụ 0,8)."),
            code=ErrorCode.BAD_QUORUM,
        )


def council_create(
    *,
    actor: Any,
    unit: Unit,
    name: str,
    term_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    decision_signer: str,
    term_to: dt.date | None = None,
    body_name: str = "",
    quorum_share: Decimal | None = None,
    quorum_basis: str = "",
) -> Council:
    """Record a standing council of ``unit`` for a term, with the decision establishing it."""
    if term_to is not None and term_to < term_from:
        raise DomainError(_("Nhiệm kỳ phải kết thúc sau ngày bắt đầu."), code=ErrorCode.BAD_DATES)
    _check_quorum(quorum_share)
    if quorum_share is not None and not quorum_basis.strip():
        raise DomainError(
            _("Hãy ghi căn cứ của tỷ lệ có mặt (văn bản quy định), hoặc để trống tỷ lệ."),
            code=ErrorCode.QUORUM_BASIS,
        )
    council = Council(
        unit=unit,
        name=nfc(name),
        body_name=nfc(body_name),
        term_from=term_from,
        term_to=term_to,
        decision_number=nfc(decision_number),
        decision_date=decision_date,
        decision_signer=nfc(decision_signer),
        quorum_share=quorum_share,
        quorum_basis=nfc(quorum_basis),
    )
    if not can_run_council(actor, council):
        raise NotPermitted()
    council.full_clean()
    with transaction.atomic():
        council.save()
        _event(council, actor, EventKind.COUNCIL_CREATED, {"name": council.name})
    return council


def _locked(council: Council) -> Council:
    return Council.objects.select_for_update().select_related("unit").get(pk=council.pk)


def _check_in_term(council: Council, start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise DomainError(_("Ngày kết thúc phải sau ngày bắt đầu."), code=ErrorCode.BAD_DATES)
    last = council.term_to
    if start < council.term_from or (last is not None and (end or last) > last):
        raise DomainError(
            _("Ngày phải nằm trong nhiệm kỳ của Hội đồng (%(term)s).")
            % {"term": term_label(council)},
            code=ErrorCode.OUT_OF_TERM,
        )


def term_label(council: Council) -> str:
    start = council.term_from.strftime("%d/%m/%Y")
    if council.term_to is None:
        return _("từ %(start)s") % {"start": start}
    return _("%(start)s – %(end)s") % {"start": start, "end": council.term_to.strftime("%d/%m/%Y")}


def _overlapping(council: Council, role: str, start: dt.date, end: dt.date | None) -> Any:
    seats = CouncilSeat.objects.filter(council=council, role=role).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )
    if end is not None:
        seats = seats.filter(valid_from__lte=end)
    return seats


def seat_add(
    *,
    actor: Any,
    council: Council,
    name: str = "",
    valid_from: dt.date,
    position: str = "",
    role: str = MemberRole.MEMBER,
    valid_to: dt.date | None = None,
    user: Any = None,
) -> CouncilSeat:
    """Add a seat to the roster from ``valid_from`` (to ``valid_to``, or to the end of the
    term): one chair and one secretary at a time."""
    name = nfc(name or (user.get_full_name() if user is not None else ""))
    if not name:
        raise DomainError(_("Hãy ghi họ và tên thành viên."), code=ErrorCode.NAME_REQUIRED)
    if role not in MemberRole.values:
        raise DomainError(_("Vai trò trong Hội đồng không hợp lệ."), code=ErrorCode.BAD_ROLE)
    with transaction.atomic():
        locked = _locked(council)
        if not can_run_council(actor, locked):
            raise NotPermitted()
        _check_in_term(locked, valid_from, valid_to)
        if role in SINGLE_ROLES and _overlapping(locked, role, valid_from, valid_to).exists():
            raise DomainError(
                _("Hội đồng đã có %(role)s trong thời gian này: hãy kết thúc ghế đó trước.")
                % {"role": MemberRole(role).label},
                code=ErrorCode.DUPLICATE_ROLE,
            )
        if (
            user is not None
            and CouncilSeat.objects.filter(council=locked, user=user)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
            .filter(Q() if valid_to is None else Q(valid_from__lte=valid_to))
            .exists()
        ):
            raise DomainError(
                _("%(name)s đã có ghế trong Hội đồng trong thời gian này.") % {"name": name},
                code=ErrorCode.DUPLICATE_MEMBER,
            )
        order = (locked.seats.aggregate(m=Max("position_order"))["m"] or 0) + 1
        seat = CouncilSeat.objects.create(
            council=locked,
            user=user,
            name=name,
            position=nfc(position or (getattr(user, "position", "") if user else "")),
            role=role,
            valid_from=valid_from,
            valid_to=valid_to,
            position_order=order,
        )
        _event(
            locked,
            actor,
            EventKind.SEAT_ADDED,
            {"seat": seat.pk, "name": name, "role": role, "from": valid_from.isoformat()},
        )
        _reseat_planned(locked, actor)
    return seat


def seat_end(*, actor: Any, seat: CouncilSeat, valid_to: dt.date) -> CouncilSeat:
    """End a seat on ``valid_to`` (the member left the council: moved, retired…)."""
    with transaction.atomic():
        locked = _locked(seat.council)
        if not can_run_council(actor, locked):
            raise NotPermitted()
        row = CouncilSeat.objects.select_for_update().get(pk=seat.pk, council=locked)
        if row.valid_to is not None and row.valid_to <= valid_to:
            raise DomainError(
                _("Ghế này đã kết thúc ngày %(day)s.") % {"day": row.valid_to.strftime("%d/%m/%Y")},
                code=ErrorCode.BAD_DATES,
            )
        _check_in_term(locked, row.valid_from, valid_to)
        row.valid_to = valid_to
        row.save(update_fields=["valid_to"])
        _event(locked, actor, EventKind.SEAT_ENDED, {"seat": row.pk, "to": valid_to.isoformat()})
        _reseat_planned(locked, actor)
    return row


def seat_session(session: CouncilSession, actor: Any) -> list[CouncilMember]:
    """Seat the members of a planned session of a standing council from the roster in force
    on its date: add the seats missing, remove the members whose seat is no longer in
    force (a planned session has no votes). Attendance of those kept is unchanged."""
    assert session.council_id is not None and session.state == SessionState.PLANNED
    roster = list(seats_in_force(session.council_id, session.date))
    wanted = {seat.pk for seat in roster}
    members = list(session.members.all())
    stale = [m.pk for m in members if m.seat_id is not None and m.seat_id not in wanted]
    if stale:
        CouncilMember.objects.filter(pk__in=stale).delete()
    held = {m.seat_id for m in members if m.seat_id is not None}
    added = [
        CouncilMember(
            session=session,
            seat=seat,
            user=seat.user,
            name=seat.name,
            position=seat.position,
            role=seat.role,
            position_order=seat.position_order,
        )
        for seat in roster
        if seat.pk not in held
    ]
    CouncilMember.objects.bulk_create(added)
    if stale or added:
        CouncilEvent.objects.create(
            session=session,
            actor=actor,
            kind=EventKind.ROSTER_SEATED,
            payload={"added": [m.name for m in added], "removed": stale},
        )
    return added


def _reseat_planned(council: Council, actor: Any) -> None:
    for session in CouncilSession.objects.select_for_update().filter(
        council=council, state=SessionState.PLANNED
    ):
        seat_session(session, actor)
