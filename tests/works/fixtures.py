"""Fixtures of the works tests: a KH 128-like campaign on the `province` tree, and its people.

The works, exemplars, public and reviews tests use them (their conftest files import them);
their types, ``Kh`` and ``People``, are in tests/factories/works.py.

Time is frozen at 01/3/2025 09:00 (Asia/Ho_Chi_Minh) for every works test: flags, progress
dates and completion dates all depend on "today".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

from tests.factories import (
    CampaignFactory,
    PhaseFactory,
    Province,
    TargetFactory,
    UnitFactory,
    member,
)
from tests.factories.works import NOW, Kh, People
from thidua.accounts.models import Role, Scope
from thidua.campaigns.models import (
    Approver,
    CampaignWork,
    ContentArea,
    RegistrationRule,
    WorkKind,
    WorkStage,
)
from thidua.organisations.models import Unit, UnitKind


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def kh(province: Province) -> Kh:
    campaign = CampaignFactory(
        issuer_unit=province.root,
        code="kh-128-thu",
        doc_number="128/KH-UBND",
        registration_deadline=dt.date(2025, 1, 15),
    )
    phase1 = PhaseFactory(
        campaign=campaign,
        code="dot-1",
        name="Đợt 1",
        position=1,
        start=dt.date(2024, 11, 1),
        start_precision="month",
        end=dt.date(2025, 4, 30),
    )
    phase2 = PhaseFactory(
        campaign=campaign,
        code="dot-2",
        name="Đợt 2",
        position=2,
        start=dt.date(2025, 5, 1),
        start_precision="month",
        end=dt.date(2025, 9, 30),
    )
    area = ContentArea.objects.create(
        campaign=campaign,
        code="ND2",
        position=2,
        title="Đầu tư xây dựng hệ thống kết cấu hạ tầng kinh tế - xã hội",
    )
    targets = [TargetFactory(campaign=campaign), TargetFactory(campaign=campaign)]
    construction = [WorkKind.CONSTRUCTION.value, WorkKind.PROJECT.value]
    RegistrationRule.objects.create(
        campaign=campaign,
        position=1,
        unit_kinds=[UnitKind.COMMUNE.value],
        minimum=1,
        work_kinds=[*construction, WorkKind.TASK.value],
        via_parent=True,
        approver=Approver.PARENT,
        text="Riêng đối với cấp xã, phường, thị trấn đăng ký với cấp huyện, thành phố.",
    )
    RegistrationRule.objects.create(
        campaign=campaign,
        position=2,
        unit_kinds=[UnitKind.DISTRICT.value],
        minimum=2,
        work_kinds=construction,
        text="Mỗi huyện, thị xã, thành phố lựa chọn đăng ký ít nhất 02 công trình, dự án.",
    )
    RegistrationRule.objects.create(
        campaign=campaign,
        position=3,
        unit_kinds=[UnitKind.DEPARTMENT.value],
        minimum=1,
        work_kinds=construction,
        alternative_work_kinds=[WorkKind.TASK.value],
        text="Sở, ban, ngành tỉnh đăng ký ít nhất 01 công trình, dự án hoặc phần việc.",
    )
    province_work = CampaignWork.objects.create(
        campaign=campaign,
        position=1,
        code="CT01",
        title="Sân vận động tỉnh",
        stage=WorkStage.FINISH,
        deadline=dt.date(2025, 9, 30),
        content_area=area,
    )
    return Kh(campaign, phase1, phase2, area, targets, province_work)


@pytest.fixture
def other_province(db: None) -> Unit:
    root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    UnitFactory(code="Q-SNV", name="Sở Nội vụ tỉnh Khác", kind=UnitKind.DEPARTMENT, parent=root)
    return root


@pytest.fixture
def people(province: Province, other_province: Unit) -> People:
    return People(
        a1_officer=member(province.commune_a1),
        a1_head=member(province.commune_a1, Role.UNIT_HEAD),
        a2_officer=member(province.commune_a2),
        b1_officer=member(province.commune_b1),
        district_a_officer=member(province.district_a),
        district_a_head=member(province.district_a, Role.UNIT_HEAD),
        district_a_subtree=member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        district_b_officer=member(province.district_b),
        health_officer=member(province.health),
        home_affairs_officer=member(province.home_affairs),
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        leader=member(province.root, Role.LEADER),
        admin=member(province.root, Role.ADMIN),
        other_secretariat=member(Unit.objects.get(code="Q-SNV"), Role.SECRETARIAT),
    )
