"""Works for tests: straight into a given state (for lists and flags), or through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import factory

from tests.factories import CampaignFactory, UnitFactory, UserFactory
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign, CampaignWork, ContentArea, Phase, WorkKind
from thidua.organisations.models import UnitKind
from thidua.targets.models import Target
from thidua.works import services
from thidua.works.models import Work, WorkState

#: Distinct real-looking titles, so that works made here never look alike to each other.
TITLES = [
    "Trường mẫu giáo Hoa Sen",
    "Nhà văn hóa ấp Bà Tiêm",
    "Cầu bê tông kênh Ba Sơn",
    "Trạm y tế kiểu mẫu",
    "Đèn chiếu sáng tuyến Quốc lộ 54",
    "Hệ thống nước sạch liên ấp",
    "Sân chơi thiếu nhi khu phố 2",
    "Chợ nông thôn Ninh Thới",
]

PLANNED_START = dt.date(2025, 1, 1)
PLANNED_FINISH = dt.date(2025, 6, 30)
ACTUAL_FINISH = dt.date(2025, 2, 20)


def _title(n: int) -> str:
    base = TITLES[n % len(TITLES)]
    return base if n < len(TITLES) else f"{base} {n}"


class WorkFactory(factory.django.DjangoModelFactory):
    """A work saved directly in ``state`` (no events): for list, flag and visibility tests.

    The approver is what the service would choose (``approver_for``); a completed work
    gets an actual finish date and 100 %.
    """

    class Meta:
        model = Work
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    unit = factory.SubFactory(UnitFactory, kind=UnitKind.COMMUNE)
    registrant_unit = factory.SelfAttribute("unit")
    approver_unit = factory.LazyAttribute(lambda o: services.approver_for(o.campaign, o.unit))
    kind = WorkKind.CONSTRUCTION
    title = factory.Sequence(_title)
    planned_start = PLANNED_START
    planned_finish = PLANNED_FINISH
    state = WorkState.DRAFT
    actual_finish = factory.LazyAttribute(
        lambda o: ACTUAL_FINISH if o.state == WorkState.COMPLETED else None
    )
    percent_complete = factory.LazyAttribute(lambda o: 100 if o.state == WorkState.COMPLETED else 0)
    created_by = factory.SubFactory(UserFactory)


def work_data(**overrides: Any) -> services.WorkData:
    """What a unit fills in to register a work; override any field."""
    values: dict[str, Any] = {
        "kind": WorkKind.CONSTRUCTION,
        "title": "Đường giao thông nông thôn ấp Trà Kha",
        "planned_start": PLANNED_START,
        "planned_finish": PLANNED_FINISH,
    }
    values.update(overrides)
    return services.WorkData(**values)


def register(actor: User, kh: Any, unit: Any, **overrides: Any) -> Work:
    """Register a draft through ``work_create`` (the title may be overridden)."""
    confirm = overrides.pop("confirm_similar", False)
    return services.work_create(
        actor=actor,
        campaign=kh.campaign,
        unit=unit,
        data=work_data(**overrides),
        confirm_similar=confirm,
    )


def advance(work: Work, state: WorkState, *, unit_actor: User, approver: User) -> Work:
    """Drive a draft through the services to ``state`` (every step leaves its event)."""
    if state == WorkState.DRAFT:
        return work
    if state == WorkState.CANCELLED:
        return services.work_cancel(actor=unit_actor, work=work, reason="Không còn phù hợp")
    work = services.work_submit(actor=unit_actor, work=work)
    if state == WorkState.SUBMITTED:
        return work
    if state == WorkState.RETURNED:
        return services.work_return(
            actor=approver, work=work, reason="Thiếu kinh phí", what_to_fix="Ghi nguồn vốn"
        )
    work = services.work_approve(actor=approver, work=work)
    if state == WorkState.APPROVED:
        return work
    work = services.work_start(actor=unit_actor, work=work)
    if state == WorkState.IN_PROGRESS:
        return work
    return services.work_complete(actor=unit_actor, work=work, actual_finish=ACTUAL_FINISH)


NOW = dt.datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

TODAY = NOW.date()


@dataclass
class Kh:
    """A campaign shaped like KH 128 and the parts works point at."""

    campaign: Campaign
    phase1: Phase
    phase2: Phase
    area: ContentArea
    targets: list[Target]
    province_work: CampaignWork


@dataclass
class People:
    """One user per role that matters to works (fixture attribute names say where)."""

    a1_officer: User
    a1_head: User
    a2_officer: User
    b1_officer: User
    district_a_officer: User
    district_a_head: User
    district_a_subtree: User
    district_b_officer: User
    health_officer: User
    home_affairs_officer: User
    secretariat: User
    leader: User
    admin: User
    other_secretariat: User


def work_in(
    state: WorkState, plan: Kh, staff: People, province, *, unit=None, actor=None, **overrides
) -> Work:
    """A work of commune A1 (or ``unit``) driven through the services to ``state``.

    Titles come from the works factories' list of eight distinct names unless given, so
    that (up to eight in a test) works made here never trip the look-alike check.
    """
    unit = unit or province.commune_a1
    actor = actor or staff.a1_officer
    overrides.setdefault("title", TITLES[Work.objects.count() % len(TITLES)])
    work = register(actor, plan, unit, **overrides)
    if unit.kind == UnitKind.COMMUNE:
        a_side = unit.parent_id == province.district_a.pk
        approver = staff.district_a_officer if a_side else staff.district_b_officer
    else:
        approver = staff.secretariat
    return advance(work, state, unit_actor=actor, approver=approver)
