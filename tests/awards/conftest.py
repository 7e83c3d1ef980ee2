"""Fixtures of awards: the shipped forms, a campaign like KH 128 and its people."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import CampaignFactory, PhaseFactory, Province, member
from tests.factories.awards import Kh, People
from thidua.accounts.models import Role, Scope
from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def forms(db: None) -> None:
    award_forms_load_shipped()


@pytest.fixture
def kh(province: Province, forms: None) -> Kh:
    campaign = CampaignFactory(
        issuer_unit=province.root, start=dt.date(2024, 11, 1), end=dt.date(2025, 9, 30)
    )
    phase1 = PhaseFactory(
        campaign=campaign,
        code="dot-1",
        name="Đợt 1",
        start=dt.date(2024, 11, 1),
        end=dt.date(2025, 4, 30),
        end_precision="day",
    )
    phase2 = PhaseFactory(
        campaign=campaign,
        code="dot-2",
        name="Đợt 2",
        start=dt.date(2025, 5, 1),
        end=dt.date(2025, 9, 30),
        end_precision="day",
        position=2,
    )
    return Kh(province, campaign, phase1, phase2)


@pytest.fixture
def people(kh: Kh) -> People:
    p = kh.province
    return People(
        officer=member(p.health),
        head=member(p.health, Role.UNIT_HEAD),
        sibling_officer=member(p.home_affairs),
        sibling_head=member(p.home_affairs, Role.UNIT_HEAD),
        secretariat=member(p.home_affairs, Role.SECRETARIAT),
        leader=member(p.root, Role.LEADER),
        council=member(p.root, Role.COUNCIL_MEMBER),
        district_officer=member(p.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        stranger=member(p.commune_b1),
    )
