"""Fixtures of the targets tests: a KH 128-like campaign with targets, and its people.

Time is frozen at 01/3/2025 09:00 (Asia/Ho_Chi_Minh): whether a period is over, whether
a figure must be an estimate and whether a warning is still useful depend on "today".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import Province
from tests.factories import CampaignFactory, TargetFactory, member
from thidua.accounts.models import Role, Scope, User
from thidua.campaigns.models import Campaign
from thidua.targets.models import Target

NOW = dt.datetime(2025, 3, 1, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@dataclass
class Kh:
    """A campaign of the province with three of KH 128's targets and a district's own."""

    campaign: Campaign
    growth: Target  # T01: 10 - 11 % in 2024
    jobs: Target  # T10: ≥ 23.000 a year, 2024 - 2025
    rural: Target  # T07: before 01/01/2025
    district_jobs: Target  # Huyện Cầu Kè's own share of T10


@pytest.fixture
def kh(province: Province) -> Kh:
    campaign = CampaignFactory(issuer_unit=province.root, code="kh-128-thu")
    growth = TargetFactory(
        campaign=campaign, code="T01", position=1, indicator="Tốc độ tăng trưởng GRDP năm 2024",
        kind="per_year", comparator="between", value=10, value_max=11, measure_unit="%",
        period_from=dt.date(2024, 1, 1), period_from_precision="year",
        period_to=dt.date(2024, 1, 1), period_to_precision="year",
    )  # fmt: skip
    jobs = TargetFactory(
        campaign=campaign, code="T10", position=10, indicator="Số lao động được tạo việc làm mới",
        kind="per_year", comparator="gte", value=23000, measure_unit="lao động",
        period_from=dt.date(2024, 1, 1), period_from_precision="year",
        period_to=dt.date(2025, 1, 1), period_to_precision="year",
    )  # fmt: skip
    rural = TargetFactory(
        campaign=campaign, code="T07", position=7, indicator="Tỉnh đạt chuẩn nông thôn mới",
        kind="milestone", comparator="before", value=None, measure_unit="",
        deadline=dt.date(2025, 1, 1),
    )  # fmt: skip
    district_jobs = TargetFactory(
        campaign=campaign, unit=province.district_a, code="T10", position=10,
        indicator="Số lao động được tạo việc làm mới (Huyện Cầu Kè)",
        kind="per_year", comparator="gte", value=Decimal(1500), measure_unit="lao động",
        period_from=dt.date(2024, 1, 1), period_from_precision="year",
        period_to=dt.date(2025, 1, 1), period_to_precision="year",
    )  # fmt: skip
    return Kh(campaign, growth, jobs, rural, district_jobs)


@dataclass
class People:
    """One user per role that matters to targets."""

    secretariat: User
    admin: User
    district_a_head: User
    district_a_officer: User
    district_a_subtree: User
    district_b_head: User
    a1_officer: User
    b1_officer: User


@pytest.fixture
def people(province: Province) -> People:
    return People(
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        admin=member(province.root, Role.ADMIN),
        district_a_head=member(province.district_a, Role.UNIT_HEAD),
        district_a_officer=member(province.district_a),
        district_a_subtree=member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        district_b_head=member(province.district_b, Role.UNIT_HEAD),
        a1_officer=member(province.commune_a1),
        b1_officer=member(province.commune_b1),
    )
