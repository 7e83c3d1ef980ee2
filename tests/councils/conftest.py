"""Fixtures of the council tests: a KH 128-like campaign on the ``province`` tree, its
people (secretariat, leader, council members, a unit officer, another province's
secretariat) and a helper to build a session with N members. Time is frozen at
20/5/2025 08:00 (Asia/Ho_Chi_Minh), the day of the session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine

from tests.factories import CampaignFactory, PhaseFactory, Province, UnitFactory, member
from tests.factories.councils import (
    NOW,
    Kh,
    People,
    form_with_rule,
)
from thidua.accounts.models import Role
from thidua.organisations.models import UnitKind


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


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
