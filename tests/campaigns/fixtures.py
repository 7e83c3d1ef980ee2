"""Fixtures of campaigns that other folders use too: the Trà Vinh units KH 128 names, the
real KH 128 plan, a small campaign world and a frozen January 2025.

tests/campaigns/conftest.py, tests/core/conftest.py and tests/plan_import/conftest.py
import them; the types and builders behind them are in tests/factories/campaigns.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine

from tests.factories import Province, UnitFactory
from tests.factories.campaigns import VIETNAM, World, make_campaign
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import SHIPPED, campaign_load_path
from thidua.organisations.loading import shipped_file
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.services import units_load


@pytest.fixture
def jan_2025() -> Iterator[None]:
    """Today is Friday 10/01/2025: Đợt 1 runs, the Q4/2024 report is past, Q1/2025 is next."""
    with time_machine.travel(dt.datetime(2025, 1, 10, 9, 0, tzinfo=VIETNAM), tick=False):
        yield


@pytest.fixture
def kh128(db: None) -> Campaign:
    """The Trà Vinh units and the shipped KH 128 campaign file, loaded by the real services."""
    path = shipped_file("tra-vinh")
    assert path is not None
    units_load(data=path.read_text(encoding="utf-8"), source_name=path.name)
    return campaign_load_path(SHIPPED["kh-128"])


@pytest.fixture
def world(province: Province) -> World:
    return World(
        province=province,
        campaign=make_campaign(
            province.root, number="128/KH-UBND", title="Thi đua chào mừng Đại hội"
        ),
        sibling=make_campaign(
            province.district_b, number="77/KH-UBND", title="Thi đua riêng của huyện Trà Cú"
        ),
    )


@pytest.fixture
def tra_vinh_units(db: None) -> Unit:
    """The few units the KH 128 file names."""
    root = UnitFactory(code="TV", name="Ủy ban nhân dân tỉnh Trà Vinh", kind=UnitKind.PROVINCE)
    for code, name, kind in [
        ("TV-SNV", "Sở Nội vụ", UnitKind.DEPARTMENT),
        ("TV-SKHDT", "Sở Kế hoạch và Đầu tư", UnitKind.DEPARTMENT),
        ("TV-STTTT", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT),
        ("TV-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", UnitKind.DEPARTMENT),
        ("TV-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", UnitKind.MASS_ORGANISATION),
        ("TV-BTG", "Ban Tuyên giáo Tỉnh ủy", UnitKind.OTHER),
        ("TV-BAO", "Báo Trà Vinh", UnitKind.OTHER),
        ("TV-DAI", "Đài Phát thanh và Truyền hình Trà Vinh", UnitKind.OTHER),
    ]:
        UnitFactory(code=code, name=name, kind=kind, parent=root)
    return root
