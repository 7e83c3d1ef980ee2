"""Fixtures of the reports tests: a campaign built like KH 128 on the `province` tree
(its types and builders are in tests/factories/reports.py).

KH 128 runs from 11/2024 (a month) to 30/9/2025 and asks for a report every quarter on the
15th of the quarter's last month (section IV.2); communes register through their district
(II.2.b), so they are no direct reporters. Time is frozen by each test with ``at``.
"""

from __future__ import annotations

import pytest

from tests.factories import Province, UnitFactory, member
from tests.factories.reports import Kh, People, make_campaign
from thidua.accounts.models import Role, Scope
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod
from thidua.reports.services import report_periods_generate


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
