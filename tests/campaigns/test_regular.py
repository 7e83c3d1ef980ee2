"""The province's regular campaign of a year: opened once by the Ban TĐKT, found by year."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import Province, member
from thidua.accounts.models import Role
from thidua.campaigns.models import CampaignEvent, CampaignKind
from thidua.campaigns.regular import YearPlan, open_year, year_phase
from thidua.campaigns.selectors import regular_campaign
from thidua.core.errors import DomainError, NotPermitted

PLAN = YearPlan(
    doc_number="12/KH-UBND",
    doc_date=dt.date(2025, 1, 15),
    signer_name="Lê Văn Hòa",
    signer_position="Phó Chủ tịch",
)


def test_open_year_creates_the_regular_campaign_with_one_phase_of_the_year(
    province: Province,
) -> None:
    board = member(province.home_affairs, Role.SECRETARIAT)

    campaign = open_year(by=board, province=province.root, year=2025, plan=PLAN)

    assert campaign.kind == CampaignKind.REGULAR
    assert campaign.doc_number == "12/KH-UBND"
    assert campaign.signer_name == "Lê Văn Hòa"
    assert (campaign.start, campaign.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    phase = year_phase(campaign)
    assert (phase.name, phase.start, phase.last_day) == (
        "Năm 2025",
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
    )
    assert regular_campaign(province.root, 2025) == campaign
    assert CampaignEvent.objects.filter(campaign=campaign, kind="year_opened").count() == 1


def test_open_year_again_changes_nothing(province: Province) -> None:
    board = member(province.home_affairs, Role.SECRETARIAT)
    first = open_year(by=board, province=province.root, year=2025, plan=PLAN)

    again = open_year(by=board, province=province.root, year=2025, plan=PLAN)

    assert again.pk == first.pk
    assert first.phases.count() == 1
    assert CampaignEvent.objects.filter(campaign=first).count() == 1


def test_regular_campaign_is_none_for_another_year_or_province(province: Province) -> None:
    board = member(province.home_affairs, Role.SECRETARIAT)
    open_year(by=board, province=province.root, year=2025, plan=PLAN)

    assert regular_campaign(province.root, 2026) is None
    assert regular_campaign(province.health, 2025) is None


def test_only_the_board_may_open_the_year(province: Province) -> None:
    officer = member(province.health)

    with pytest.raises(NotPermitted):
        open_year(by=officer, province=province.root, year=2025, plan=PLAN)

    assert regular_campaign(province.root, 2025) is None


def test_a_plan_dated_outside_the_year_is_refused(province: Province) -> None:
    board = member(province.home_affairs, Role.SECRETARIAT)
    plan = YearPlan(
        doc_number="1/KH-UBND",
        doc_date=dt.date(2023, 12, 1),
        signer_name="A",
        signer_position="Chủ tịch",
    )

    with pytest.raises(DomainError, match="phải ban hành"):
        open_year(by=board, province=province.root, year=2025, plan=plan)

    assert regular_campaign(province.root, 2025) is None
