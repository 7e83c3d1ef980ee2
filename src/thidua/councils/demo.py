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
    Council,
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


# --- The annual cycle (issue #14): standing councils of Vĩnh Long and its units ---------


@dataclass(frozen=True)
class RosterSeat:
    name: str
    position: str
    role: str
    username: str = ""
    valid_from: dt.date | None = None  # blank: from the start of the term
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class StandingCouncil:
    unit_code: str
    name: str
    body_name: str
    term_from: dt.date
    decision_number: str
    decision_date: dt.date
    decision_signer: str
    seats: tuple[RosterSeat, ...]


_VL_START = dt.date(2025, 7, 1)
#: The made-up rosters of the demo (the chairs are the units' heads; names of demo users
#: where they have one: ``lanhdao_vl``, ``thutruong_syt_vl``, ``chutich_xa_vl``…).
STANDING_COUNCILS = (
    StandingCouncil(
        "86",
        "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long",
        "UBND tỉnh Vĩnh Long",
        _VL_START,
        "1502/QĐ-UBND",
        _VL_START,
        "Chủ tịch UBND tỉnh Nguyễn Văn Minh",
        (
            RosterSeat("Nguyễn Văn Minh", "Chủ tịch UBND tỉnh", MemberRole.CHAIR, "lanhdao_vl"),
            RosterSeat("Lê Quang Trung", "Giám đốc Sở Nội vụ", MemberRole.VICE),
            RosterSeat("Đoàn Thị Mỹ Linh", "Phó Giám đốc Sở Nội vụ", MemberRole.STANDING),
            RosterSeat("Trần Hữu Nghĩa", "Chánh Văn phòng UBND tỉnh", MemberRole.MEMBER),
            RosterSeat("Võ Thị Thu Hà", "Giám đốc Sở Tài chính", MemberRole.MEMBER),
            RosterSeat(
                "Sơn Thị Chanh Đa", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", MemberRole.MEMBER
            ),
            RosterSeat("Huỳnh Văn Lợi", "Chủ tịch Liên đoàn Lao động tỉnh", MemberRole.MEMBER),
            RosterSeat(
                "Nguyễn Thanh Tâm",
                "Bí thư Tỉnh Đoàn",
                MemberRole.MEMBER,
                valid_to=dt.date(2025, 10, 14),
            ),
            RosterSeat(
                "Lâm Hoàng Phúc",
                "Bí thư Tỉnh Đoàn",
                MemberRole.MEMBER,
                valid_from=dt.date(2025, 10, 15),
            ),
            RosterSeat(
                "Trương Thị Ngọc Hân",
                "Chuyên viên Ban Thi đua - Khen thưởng, Sở Nội vụ",
                MemberRole.MEMBER,
                "bantdkt_vl",
            ),
            RosterSeat(
                "Phạm Minh Khôi",
                "Trưởng phòng Thi đua - Khen thưởng, Sở Nội vụ",
                MemberRole.SECRETARY,
            ),
        ),
    ),
    StandingCouncil(
        "86-SYT",
        "Hội đồng Thi đua - Khen thưởng Sở Y tế",
        "Sở Y tế tỉnh Vĩnh Long",
        dt.date(2025, 7, 10),
        "215/QĐ-SYT",
        dt.date(2025, 7, 10),
        "Giám đốc Sở Y tế Phan Thanh Tùng",
        (
            RosterSeat("Phan Thanh Tùng", "Giám đốc Sở Y tế", MemberRole.CHAIR, "thutruong_syt_vl"),
            RosterSeat("Ngô Thị Bích Trâm", "Phó Giám đốc Sở Y tế", MemberRole.VICE),
            RosterSeat("Trịnh Văn Hậu", "Chủ tịch Công đoàn Sở Y tế", MemberRole.MEMBER),
            RosterSeat("Lý Thị Kim Yến", "Trưởng phòng Kế hoạch - Tài chính", MemberRole.MEMBER),
            RosterSeat("Thái Minh Đức", "Bí thư Đoàn Thanh niên Sở", MemberRole.MEMBER),
            RosterSeat("Cao Thị Mỹ Dung", "Chánh Văn phòng Sở Y tế", MemberRole.SECRETARY),
        ),
    ),
    StandingCouncil(
        "29308",
        "Hội đồng Thi đua - Khen thưởng xã Cầu Kè",
        "UBND xã Cầu Kè",
        dt.date(2025, 7, 7),
        "18/QĐ-UBND",
        dt.date(2025, 7, 7),
        "Chủ tịch UBND xã Kim Văn Phước",
        (
            RosterSeat("Kim Văn Phước", "Chủ tịch UBND xã", MemberRole.CHAIR, "chutich_xa_vl"),
            RosterSeat("Thạch Văn Rết", "Phó Chủ tịch UBND xã", MemberRole.VICE),
            RosterSeat("Dương Thị Mai", "Chủ tịch Ủy ban MTTQ Việt Nam xã", MemberRole.MEMBER),
            RosterSeat("Trần Văn Khải", "Trưởng phòng Kinh tế xã", MemberRole.MEMBER),
            RosterSeat("Sơn Thị Sà Rên", "Bí thư Đoàn xã", MemberRole.MEMBER),
            RosterSeat(
                "Thạch Thị Kim Hồng",
                "Công chức Văn phòng HĐND và UBND xã",
                MemberRole.SECRETARY,
                "canbo_xa_vl",
            ),
        ),
    ),
    StandingCouncil(
        "29329",
        "Hội đồng Thi đua - Khen thưởng xã Phong Thạnh",
        "UBND xã Phong Thạnh",
        dt.date(2025, 7, 8),
        "21/QĐ-UBND",
        dt.date(2025, 7, 8),
        "Chủ tịch UBND xã Lê Văn Sang",
        (
            RosterSeat("Lê Văn Sang", "Chủ tịch UBND xã", MemberRole.CHAIR, "chutich_pt_vl"),
            RosterSeat("Kiên Thị Thu", "Phó Chủ tịch UBND xã", MemberRole.VICE),
            RosterSeat("Nguyễn Hữu Phát", "Chủ tịch Ủy ban MTTQ Việt Nam xã", MemberRole.MEMBER),
            RosterSeat("Châu Văn Tuấn", "Trưởng Công an xã", MemberRole.MEMBER),
            RosterSeat(
                "Huỳnh Thị Cẩm Tú", "Công chức Văn phòng HĐND và UBND xã", MemberRole.SECRETARY
            ),
        ),
    ),
)


def _annual_actor() -> User:
    """Who records the councils in the demo: the Ban TĐKT of Vĩnh Long, else an admin."""
    actor = (
        User.objects.filter(username="bantdkt_vl").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
        or User.objects.filter(memberships__role=Role.ADMIN).order_by("pk").first()
    )
    if actor is None:
        raise ValueError("thiếu tài khoản Ban TĐKT hoặc quản trị: hãy nạp người dùng demo trước")
    return actor


def seat_username(spec: StandingCouncil, seat: RosterSeat) -> str:
    """The seat's demo sign-in: the named demo user, else ``hd_<unit>_<n>`` (its place in
    the roster), a council member created by ``annual_demo`` so that members vote from
    their phones in the demo's sessions."""
    if seat.username:
        return seat.username
    unit = spec.unit_code.lower().replace("-", "")
    return f"{COUNCIL_PREFIX}{unit}_{spec.seats.index(seat) + 1}"


def _annual_member_users(units: dict[str, Any]) -> dict[str, User]:
    """The sign-ins of every seat: the named demo users that exist, and a council member
    (role at the council's unit, demo password) for each other seat of a loaded unit."""
    named = [s.username for c in STANDING_COUNCILS for s in c.seats if s.username]
    users = {u.username: u for u in User.objects.filter(username__in=named)}
    password = ""
    for spec in STANDING_COUNCILS:
        unit = units.get(spec.unit_code)
        if unit is None:
            continue
        for seat in spec.seats:
            if seat.username:
                continue
            username = seat_username(spec, seat)
            user = User.objects.filter(username=username).first()
            if user is None:
                password = password or make_password(DEMO_PASSWORD)  # one hash: it is slow
                user = User.objects.create(
                    username=username,
                    full_name=seat.name,
                    position=seat.position,
                    email=f"{username}@demo.thidua.local",
                    password=password,
                )
            Membership.objects.get_or_create(user=user, unit=unit, role=Role.COUNCIL_MEMBER)
            forget_reach(user)
            users[username] = user
    return users


@transaction.atomic
def annual_demo(year: int) -> list[str]:
    """The standing councils of province 86, Sở Y tế (86-SYT) and the communes 29308 and
    29329, established in July 2025 (the new units' first month), with their rosters; one
    seat of the province's council changes hands on 15/10/2025. Idempotent; a year before
    2025 adds nothing (the units did not exist)."""
    from thidua.councils.standing import council_create, seat_add, seat_end
    from thidua.organisations.models import Unit

    if year < _VL_START.year:
        return []
    units = {
        u.code: u for u in Unit.objects.filter(code__in=[c.unit_code for c in STANDING_COUNCILS])
    }
    actor = _annual_actor()
    users = _annual_member_users(units)
    lines = []
    for spec in STANDING_COUNCILS:
        unit = units.get(spec.unit_code)
        if unit is None:
            continue
        if Council.objects.filter(unit=unit, decision_number=spec.decision_number).exists():
            continue
        with events_dated(spec.decision_date):
            council = council_create(
                actor=actor,
                unit=unit,
                name=spec.name,
                body_name=spec.body_name,
                term_from=spec.term_from,
                decision_number=spec.decision_number,
                decision_date=spec.decision_date,
                decision_signer=spec.decision_signer,
            )
            for seat in spec.seats:
                if seat.valid_from is not None:
                    continue
                seat_add(
                    actor=actor,
                    council=council,
                    name=seat.name,
                    position=seat.position,
                    role=seat.role,
                    valid_from=spec.term_from,
                    user=users.get(seat_username(spec, seat)),
                )
        for seat in spec.seats:
            if seat.valid_to is not None:
                with events_dated(seat.valid_to):
                    row = council.seats.get(name=seat.name, valid_to__isnull=True)
                    seat_end(actor=actor, seat=row, valid_to=seat.valid_to)
            if seat.valid_from is not None:
                with events_dated(seat.valid_from):
                    seat_add(
                        actor=actor,
                        council=council,
                        name=seat.name,
                        position=seat.position,
                        role=seat.role,
                        valid_from=seat.valid_from,
                        user=users.get(seat_username(spec, seat)),
                    )
        lines.append(
            f"{council.name}: {council.seats.count()} ghế, nhiệm kỳ từ "
            f"{spec.term_from:%d/%m/%Y} (QĐ số {spec.decision_number})"
        )
    return lines
