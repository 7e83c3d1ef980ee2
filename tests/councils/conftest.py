"""Fixtures of the council tests: a KH 128-like campaign on the ``province`` tree, its
people (secretariat, leader, council members, a unit officer, another province's
secretariat) and a helper to build a session with N members. Time is frozen at
20/5/2025 08:00 (Asia/Ho_Chi_Minh), the day of the session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import Province
from tests.councils.factories import NominationFactory, NomineeFactory, form_with_rule
from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, member
from thidua.accounts.models import Role, User
from thidua.awards.models import AwardForm, Nomination
from thidua.campaigns.models import Campaign, Phase
from thidua.councils import services
from thidua.councils.models import Attendance, CouncilMember, CouncilSession, MemberRole
from thidua.organisations.models import UnitKind

NOW = dt.datetime(2025, 5, 20, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@dataclass
class Kh:
    campaign: Campaign
    phase1: Phase
    phase2: Phase
    bang_khen: AwardForm
    cstd: AwardForm


@pytest.fixture
def kh(province: Province) -> Kh:
    campaign = CampaignFactory(
        issuer_unit=province.root, code="kh-128-thu", doc_number="128/KH-UBND"
    )
    phase1 = PhaseFactory(campaign=campaign, code="dot-1", name="Đợt 1", position=1)
    phase2 = PhaseFactory(
        campaign=campaign,
        code="dot-2",
        name="Đợt 2",
        position=2,
        start=dt.date(2025, 5, 1),
        end=dt.date(2025, 9, 30),
    )
    bang_khen = form_with_rule(name="Bằng khen của Chủ tịch UBND tỉnh", threshold=Decimal("0.8"))
    cstd = form_with_rule(name="Chiến sĩ thi đua cấp tỉnh", threshold=Decimal("0.9"), secret=True)
    return Kh(campaign, phase1, phase2, bang_khen, cstd)


@dataclass
class People:
    secretariat: User
    leader: User
    admin: User
    councillors: list[User]
    outsider_councillor: User
    unit_officer: User
    other_secretariat: User


@pytest.fixture
def people(province: Province) -> People:
    other_root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    other_snv = UnitFactory(
        code="Q-SNV", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=other_root
    )
    return People(
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        admin=member(province.root, Role.ADMIN),
        councillors=[member(province.root, Role.COUNCIL_MEMBER) for _ in range(3)],
        outsider_councillor=member(province.root, Role.COUNCIL_MEMBER),
        unit_officer=member(province.health),
        other_secretariat=member(other_snv, Role.SECRETARIAT),
    )


def nominations(
    kh: Kh, province: Province, count: int, *, form: AwardForm | None = None
) -> list[Nomination]:
    """``count`` nominations of phase 1 sent to the council, proposed by Sở Y tế."""
    return [
        NominationFactory(
            campaign=kh.campaign,
            phase=kh.phase1,
            nominee=NomineeFactory(unit=province.health),
            form=form or kh.bang_khen,
        )
        for _ in range(count)
    ]


def make_session(
    kh: Kh,
    people: People,
    *,
    members: int = 10,
    present: int | None = None,
    written: int = 0,
    items: list[Nomination] | None = None,
    **kwargs: Any,
) -> CouncilSession:
    """A planned session with ``members`` seats: the people's councillors first (users),
    then members by name; the first is the chair, the last the secretary. ``present``
    of them present (default all), then ``written`` absent with a written opinion, the
    rest absent."""
    session = services.session_create(
        actor=people.secretariat,
        campaign=kh.campaign,
        phase=kwargs.pop("phase", kh.phase1),
        title=kwargs.pop("title", "Phiên họp xét khen thưởng Đợt 1"),
        council_name="Hội đồng Thi đua - Khen thưởng tỉnh Thử",
        body_name="UBND tỉnh Thử",
        date=TODAY,
        start_time=dt.time(8, 0),
        place="Hội trường UBND tỉnh",
        place_name="Thử",
        **kwargs,
    )
    users = list(people.councillors)
    users += [
        member(kh.campaign.issuer_unit, Role.COUNCIL_MEMBER) for _ in range(members - len(users))
    ]
    present = members if present is None else present
    for n in range(members):
        role = (
            MemberRole.CHAIR
            if n == 0
            else MemberRole.SECRETARY
            if n == members - 1
            else MemberRole.MEMBER
        )
        seat = services.session_add_member(
            actor=people.secretariat,
            session=session,
            user=users[n],
            position="Giám đốc Sở" if n else "Chủ tịch UBND tỉnh",
            role=role,
        )
        attendance = (
            Attendance.PRESENT
            if n < present
            else Attendance.WRITTEN
            if n < present + written
            else Attendance.ABSENT
        )
        if attendance != Attendance.PRESENT:
            services.session_set_attendance(
                actor=people.secretariat, member=seat, attendance=attendance
            )
    if items:
        services.session_add_items(actor=people.secretariat, session=session, nominations=items)
    return session


def seats(session: CouncilSession) -> list[CouncilMember]:
    return list(session.members.select_related("user").order_by("position_order"))


def vote_all(session: CouncilSession, item: Any, choices: list[str]) -> None:
    """The present seats vote in order, one choice each (fewer choices: the rest abstain
    from voting at all)."""
    present = [s for s in seats(session) if s.attendance == Attendance.PRESENT]
    for seat, choice in zip(present, choices, strict=False):
        services.council_vote(actor=seat.user, item=item, choice=choice)
