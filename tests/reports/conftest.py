"""Fixtures of the reports tests: a campaign built like KH 128 on the `province` tree.

KH 128 runs from 11/2024 (a month) to 30/9/2025 and asks for a report every quarter on the
15th of the quarter's last month (section IV.2); communes register through their district
(II.2.b), so they are no direct reporters. Time is frozen by each test with ``at``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import Province
from tests.factories import CampaignFactory, ReportingRuleFactory, UnitFactory, member
from thidua.accounts.models import Role, Scope, User
from thidua.campaigns.models import (
    Approver,
    Campaign,
    ContentArea,
    RegistrationRule,
    ReportingRule,
    WorkKind,
)
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.services import report_periods_generate

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> time_machine.travel:
    """Freeze the clock at ``hour:minute`` in Trà Vinh (Vietnam time) on that day."""
    moment = dt.datetime(year, month, day, hour, minute, tzinfo=VN)
    return time_machine.travel(moment, tick=False)


@dataclass
class Kh:
    """A campaign shaped like KH 128, its reporting rule and two content areas."""

    campaign: Campaign
    rule: ReportingRule
    areas: list[ContentArea]


def make_campaign(root: Unit, recipient: Unit | None = None, **kw: object) -> Kh:
    """KH 128's calendar, registration rules and two content areas under ``root``."""
    campaign = CampaignFactory(
        issuer_unit=root,
        start=dt.date(2024, 11, 1),
        start_precision="month",
        end=dt.date(2025, 9, 30),
        end_precision="day",
        **kw,
    )
    rule = ReportingRuleFactory(campaign=campaign, recipient_unit=recipient)
    every = [WorkKind.CONSTRUCTION.value, WorkKind.PROJECT.value, WorkKind.TASK.value]
    rules = [
        ([UnitKind.MASS_ORGANISATION, UnitKind.ENTERPRISE, UnitKind.OTHER], 1, {}),
        ([UnitKind.DISTRICT], 2, {}),
        ([UnitKind.COMMUNE], 1, {"via_parent": True, "approver": Approver.PARENT}),
        ([UnitKind.DEPARTMENT], 1, {}),
    ]
    for position, (kinds, minimum, extra) in enumerate(rules, start=1):
        RegistrationRule.objects.create(
            campaign=campaign,
            position=position,
            unit_kinds=[k.value for k in kinds],
            minimum=minimum,
            work_kinds=every,
            **extra,
        )
    areas = [
        ContentArea.objects.create(
            campaign=campaign, code="ND1", position=1, title="Phát triển kinh tế"
        ),
        ContentArea.objects.create(
            campaign=campaign, code="ND2", position=2, title="Đầu tư xây dựng kết cấu hạ tầng"
        ),
    ]
    return Kh(campaign, rule, areas)


@pytest.fixture
def kh(province: Province) -> Kh:
    return make_campaign(
        province.root, province.home_affairs, code="kh-128-thu", doc_number="128/KH-UBND"
    )


@pytest.fixture
def other_province(db: None) -> Unit:
    root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    UnitFactory(code="Q-SNV", name="Sở Nội vụ tỉnh Khác", kind=UnitKind.DEPARTMENT, parent=root)
    return root


@dataclass
class People:
    """One user per role that matters to reports (attribute names say where)."""

    health_officer: User
    health_head: User
    home_officer: User
    home_head: User
    district_a_officer: User
    district_a_head: User
    district_a_subtree: User
    district_b_head: User
    a1_officer: User
    secretariat: User
    leader: User
    admin: User
    other_secretariat: User


@pytest.fixture
def people(province: Province, other_province: Unit) -> People:
    return People(
        health_officer=member(province.health),
        health_head=member(province.health, Role.UNIT_HEAD),
        home_officer=member(province.home_affairs),
        home_head=member(province.home_affairs, Role.UNIT_HEAD),
        district_a_officer=member(province.district_a),
        district_a_head=member(province.district_a, Role.UNIT_HEAD),
        district_a_subtree=member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        district_b_head=member(province.district_b, Role.UNIT_HEAD),
        a1_officer=member(province.commune_a1),
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        admin=member(province.root, Role.ADMIN),
        other_secretariat=member(Unit.objects.get(code="Q-SNV"), Role.SECRETARIAT),
    )


@pytest.fixture
def generated(kh: Kh) -> list[ReportPeriod]:
    """The four periods of the campaign and their reports, generated once."""
    report_periods_generate(kh.campaign)
    return list(ReportPeriod.objects.filter(campaign=kh.campaign).order_by("year", "number"))


def report_of(period: ReportPeriod, unit: Unit) -> UnitReport:
    return UnitReport.objects.select_related("period", "unit").get(period=period, unit=unit)


def put_in_state(report: UnitReport, state: ReportState, **fields: object) -> UnitReport:
    """Move a report straight into ``state`` (no events): for table and list tests only."""
    UnitReport.objects.filter(pk=report.pk).update(state=state, **fields)
    report.refresh_from_db()
    return report
