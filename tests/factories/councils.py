"""Award forms, rules and nominations sent to the council, for the council tests.

Nominations are saved straight in state ``to_council`` (no events): the council tests
start where the awards workflow hands over; approving and rejecting them at closing goes
through the real awards services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import factory

from tests.factories import CampaignFactory, PhaseFactory, UnitFactory, UserFactory
from tests.factories.accounts import member
from tests.factories.organisations import Province
from thidua.accounts.models import Role, User
from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardFormKind,
    AwardRule,
    Nomination,
    NominationState,
    Nominee,
    SubjectKind,
)
from thidua.campaigns.models import Campaign, Phase
from thidua.core.text import fold
from thidua.councils import services
from thidua.councils.models import Attendance, CouncilMember, CouncilSession, MemberRole
from thidua.organisations.models import UnitKind

NAMES = [
    "Nguyễn Thị Mai",
    "Trần Văn Bảy",
    "Lê Hoàng Nam",
    "Thạch Thị Sa Ra",
    "Phạm Minh Tuấn",
    "Kiên Văn Sơn",
    "Huỳnh Thị Ngọc",
    "Võ Thanh Phong",
]


class AwardFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardForm
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"FORM{n}")
    name = factory.Sequence(lambda n: f"Bằng khen số {n}")
    kind = AwardFormKind.FORM
    subject_kinds = [SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE]
    campaign_allowed = True
    legal_basis = "Luật TĐKT 2022 Điều 74"


def form_with_rule(
    *,
    threshold: Decimal | None = Decimal("0.8"),
    over_all: bool = True,
    secret: bool = False,
    name: str = "",
) -> AwardForm:
    """A form granted by the province's chairman, with its vote rule (in force since 2024)."""
    form = AwardFormFactory(**({"name": name} if name else {}))
    AwardRule.objects.create(
        form=form,
        valid_from=dt.date(2024, 1, 1),
        legal_basis="Nghị định 98/2023/NĐ-CP Điều 30.7",
        dossier=[],
        council_required=True,
        council_threshold=threshold,
        threshold_over_all_members=over_all,
        secret_ballot=secret,
    )
    AwardAuthority.objects.create(
        form=form,
        grantor_kind=UnitKind.PROVINCE,
        grantor_title="Chủ tịch UBND tỉnh",
        subject_kinds=[SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE],
        valid_from=dt.date(2020, 1, 1),
        legal_basis="Luật TĐKT 2022 Điều 80",
    )
    return form


class NomineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominee

    kind = SubjectKind.INDIVIDUAL
    name = factory.Sequence(lambda n: NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n}"))
    position = "Chuyên viên"
    unit = factory.SubFactory(UnitFactory, kind=UnitKind.DEPARTMENT)
    search_key = factory.LazyAttribute(lambda o: fold(o.name))


class NominationFactory(factory.django.DjangoModelFactory):
    """A nomination already sent to the council (state ``to_council``)."""

    class Meta:
        model = Nomination

    campaign = factory.SubFactory(CampaignFactory)
    phase = factory.SubFactory(PhaseFactory, campaign=factory.SelfAttribute("..campaign"))
    proposer_unit = factory.SelfAttribute("nominee.unit")
    grantor_unit = factory.SelfAttribute("campaign.issuer_unit")
    nominee = factory.SubFactory(NomineeFactory)
    form = factory.LazyFunction(form_with_rule)
    state = NominationState.TO_COUNCIL
    summary = "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận cấp tỉnh."
    created_by = factory.SubFactory(UserFactory)


NOW = dt.datetime(2025, 5, 20, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

TODAY = NOW.date()


@dataclass
class Kh:
    campaign: Campaign
    phase1: Phase
    phase2: Phase
    bang_khen: AwardForm
    cstd: AwardForm


@dataclass
class People:
    secretariat: User
    leader: User
    admin: User
    councillors: list[User]
    outsider_councillor: User
    unit_officer: User
    other_secretariat: User


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
    rest absent. The quorum is 80 % unless given (a province's setting, as in the tests'
    messages)."""
    kwargs.setdefault("quorum_share", Decimal("0.8"))
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


def secret_counts(item: Any, code: str) -> tuple[int, int, int]:
    """(yes, no, abstain) in an item's sealed ballot box, opened with the tally code the
    way closing opens it (the sums only), without closing the session."""
    from thidua.councils.models import AgendaItem
    from thidua.councils.secret_ballots import open_counts, secret_of_code

    fresh = AgendaItem.objects.select_related("session").get(pk=item.pk)
    counts = open_counts(fresh, fresh.session, secret_of_code(fresh.session, code))
    return counts["yes"], counts["no"], counts["abstain"]
