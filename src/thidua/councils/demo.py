"""Demo data of councils, loaded by ``demo_setup`` after the awards demo (idempotent).

Seats the provincial Hội đồng Thi đua - Khen thưởng (ten members, each with a demo
sign-in holding the council-member role; ``hoidong`` is one of them), holds a closed
session on 20/5/2025 for Đợt 1 (one member absent with a written opinion, most
nominations approved, one not) with its minutes, and plans a further session with the
two nominations left in ``to_council`` so that ``bantdkt`` can open it and ``hoidong``
can vote from a phone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.models import Membership, Role, User
from thidua.accounts.selectors import forget_reach
from thidua.awards.models import Nomination, NominationState
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.councils import services
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    CouncilSession,
    MemberRole,
    VoteChoice,
)

#: Usernames of the council's demo members besides ``hoidong`` (README.md names them).
COUNCIL_PREFIX = "hd_"
HELD_TITLE = "Phiên họp xét khen thưởng Đợt 1 phong trào thi đua theo Kế hoạch 128/KH-UBND"
PLANNED_TITLE = "Phiên họp bổ sung xét khen thưởng Đợt 1"
HELD_ON = dt.date(2025, 5, 20)
PLANNED_ON = dt.date(2025, 6, 10)
COUNCIL = "Hội đồng Thi đua - Khen thưởng tỉnh Trà Vinh"
#: Nominations of the held session that the council does not approve (by order).
NOT_APPROVED = {4}


@dataclass(frozen=True)
class Seat:
    username: str
    full_name: str
    position: str
    role: str


SEATS = (
    Seat("hd_chutich", "Nguyễn Hoàng Long", "Chủ tịch UBND tỉnh", MemberRole.CHAIR),
    Seat("hd_phochutich", "Võ Minh Triết", "Giám đốc Sở Nội vụ", MemberRole.VICE),
    Seat(
        "hoidong", "Trần Văn Hòa", "Ủy viên Hội đồng Thi đua - Khen thưởng tỉnh", MemberRole.MEMBER
    ),
    Seat("hd_taichinh", "Nguyễn Thị Phương Thảo", "Giám đốc Sở Tài chính", MemberRole.MEMBER),
    Seat(
        "hd_mttq", "Thạch Thị Sô Phia", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", MemberRole.MEMBER
    ),
    Seat("hd_congdoan", "Huỳnh Văn Kiệt", "Chủ tịch Liên đoàn Lao động tỉnh", MemberRole.MEMBER),
    Seat("hd_vanphong", "Phan Quốc Việt", "Chánh Văn phòng UBND tỉnh", MemberRole.MEMBER),
    Seat("hd_phunu", "Kim Thị Ngọc Diệp", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", MemberRole.MEMBER),
    Seat("hd_tinhdoan", "Lâm Minh Khoa", "Bí thư Tỉnh Đoàn", MemberRole.MEMBER),
    Seat(
        "hd_thuky",
        "Đặng Thị Thanh Tâm",
        "Trưởng phòng Thi đua - Khen thưởng, Sở Nội vụ",
        MemberRole.SECRETARY,
    ),
)
#: The member absent from the held session who sent a written opinion.
ABSENT = "hd_tinhdoan"


def _council_users(campaign: Campaign) -> list[User]:
    """The members' demo sign-ins with the council-member role at the province."""
    users = []
    for seat in SEATS:
        user, _created = User.objects.get_or_create(
            username=seat.username,
            defaults={
                "full_name": seat.full_name,
                "position": seat.position,
                "email": f"{seat.username}@demo.thidua.local",
                "password": make_password(DEMO_PASSWORD),
            },
        )
        Membership.objects.get_or_create(
            user=user, unit=campaign.issuer_unit, role=Role.COUNCIL_MEMBER
        )
        forget_reach(user)
        users.append(user)
    return users


def _session(
    campaign: Campaign, secretariat: User, users: list[User], *, title: str, date: dt.date
) -> CouncilSession:
    phase = campaign.phases.order_by("position", "start").first()
    session = services.session_create(
        actor=secretariat,
        campaign=campaign,
        phase=phase,
        title=title,
        council_name=COUNCIL,
        body_name="Ủy ban nhân dân tỉnh Trà Vinh",
        date=date,
        start_time=dt.time(8, 0),
        place="Phòng họp số 1, Ủy ban nhân dân tỉnh Trà Vinh",
        place_name="Trà Vinh",
    )
    for seat, user in zip(SEATS, users, strict=True):
        services.session_add_member(
            actor=secretariat,
            session=session,
            user=user,
            position=seat.position,
            role=seat.role,
        )
    return session


def _hold(session: CouncilSession, secretariat: User) -> None:
    """Attendance, votes and closing of the held session."""
    members = {m.user.username: m for m in session.members.select_related("user") if m.user}
    with events_dated(_at(HELD_ON, 7, 45)):
        services.session_set_attendance(
            actor=secretariat, member=members[ABSENT], attendance=Attendance.WRITTEN
        )
    with events_dated(_at(HELD_ON, 8, 0)):
        services.session_open(actor=secretariat, session=session)
    with events_dated(_at(HELD_ON, 8, 30)):
        _ballots(session, secretariat, members)
    with events_dated(_at(HELD_ON, 10, 30)):
        services.session_close(actor=secretariat, session=session)


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _ballots(session: CouncilSession, secretariat: User, members: dict[str, Any]) -> None:
    present = [m for name, m in members.items() if name != ABSENT]
    for item in AgendaItem.objects.filter(session=session).order_by("order"):
        failing = item.order in NOT_APPROVED
        for index, member in enumerate(present):
            choice = VoteChoice.YES
            if failing and index >= 5:
                choice = VoteChoice.NO if index % 2 else VoteChoice.ABSTAIN
            services.council_vote(actor=member.user, item=item, choice=choice)
        services.council_written_vote(
            actor=secretariat,
            item=item,
            member=members[ABSENT],
            choice=VoteChoice.NO if failing else VoteChoice.YES,
        )


def _waiting(campaign: Campaign) -> list[Nomination]:
    try:
        from thidua.awards.demo import demo_council_nominations

        nominations = demo_council_nominations(campaign)
    except ImportError:  # pragma: no cover - before the awards demo names them
        nominations = Nomination.objects.filter(campaign=campaign)
    return list(
        nominations.filter(state=NominationState.TO_COUNCIL)
        .exclude(agenda_items__session__state__in=["planned", "open"])
        .order_by("pk")
    )


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    secretariat = User.objects.filter(username="bantdkt").first()
    if secretariat is None or CouncilSession.objects.filter(campaign=campaign).exists():
        return ""
    waiting = _waiting(campaign)
    if len(waiting) < 3:
        return ""
    with transaction.atomic():
        users = _council_users(campaign)
        with events_dated(HELD_ON - dt.timedelta(days=10)):  # convened ten days ahead
            held = _session(campaign, secretariat, users, title=HELD_TITLE, date=HELD_ON)
            services.session_add_items(actor=secretariat, session=held, nominations=waiting[:-2])
        _hold(held, secretariat)
        with events_dated(PLANNED_ON - dt.timedelta(days=10)):
            planned = _session(campaign, secretariat, users, title=PLANNED_TITLE, date=PLANNED_ON)
            nominations = waiting[-2:]
            services.session_add_items(actor=secretariat, session=planned, nominations=nominations)
    approved = held.items.filter(outcome="approved").count()
    return (
        f"Hội đồng mẫu: phiên họp ngày {HELD_ON:%d/%m/%Y} đã kết thúc ({approved}/"
        f"{len(waiting) - 2} đề nghị được đồng ý, có biên bản); phiên họp ngày "
        f"{PLANNED_ON:%d/%m/%Y} chờ khai mạc với {len(waiting[-2:])} đề nghị "
        f"({len(SEATS)} thành viên, tài khoản hoidong và hd_*)."
    )
