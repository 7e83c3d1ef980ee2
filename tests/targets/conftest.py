"""Fixtures of the targets tests: a KH 128-like campaign with targets, and its people.

Time is frozen at 01/3/2025 09:00 (Asia/Ho_Chi_Minh): whether a period is over, whether
a figure must be an estimate and whether a warning is still useful depend on "today".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine

from tests.factories import CampaignFactory, Province, TargetFactory, member
from tests.factories.targets import NOW, Kh, People
from thidua.accounts.models import Role, Scope


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


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
