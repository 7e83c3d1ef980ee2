"""Who sees which target and value, and the board of a campaign's targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import F

from tests.factories import CampaignFactory, Province, TargetFactory
from tests.factories.targets import TODAY, Kh, People
from thidua.accounts.models import User
from thidua.campaigns.models import CampaignStatus
from thidua.targets.evaluation import Status
from thidua.targets.models import Target, TargetValue
from thidua.targets.selectors import target_board, target_values_visible_to, targets_visible_to


def codes(user: object) -> list[tuple[str, str | None]]:
    unit_first = F("unit__code").asc(nulls_first=True)
    rows = targets_visible_to(user).select_related("unit").order_by("code", unit_first)
    return [(t.code, t.unit.code if t.unit else None) for t in rows]


def year_value(target: Target, amount: str, year: int) -> TargetValue:
    return TargetValue.objects.create(
        target=target, unit=target.unit or target.campaign.issuer_unit,
        period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
        label=f"Năm {year}", value=Decimal(amount), source="Cục Thống kê tỉnh",
    )  # fmt: skip


def test_commune_officer_sees_campaign_targets_not_the_district_own(
    kh: Kh, people: People, province: Province
):
    TargetFactory(campaign=kh.campaign, unit=province.commune_b1, code="B1-01")

    assert codes(people.a1_officer) == [("T01", None), ("T07", None), ("T10", None)]


def test_district_sees_its_own_targets_and_its_communes_with_subtree_scope(
    kh: Kh, people: People, province: Province
):
    TargetFactory(campaign=kh.campaign, unit=province.commune_a1, code="A1-01")
    TargetFactory(campaign=kh.campaign, unit=province.district_b, code="B-01")

    assert codes(people.district_a_head) == [
        ("T01", None), ("T07", None), ("T10", None), ("T10", "P-A"),
    ]  # fmt: skip
    assert ("A1-01", "P-A-1") in codes(people.district_a_subtree)
    assert ("B-01", "P-B") not in codes(people.district_a_subtree)
    assert ("B-01", "P-B") in codes(people.district_b_head)


def test_secretariat_sees_every_target_of_its_province(kh: Kh, people: People):
    assert codes(people.secretariat) == [
        ("T01", None),
        ("T07", None),
        ("T10", None),
        ("T10", "P-A"),
    ]


def test_anonymous_sees_nothing(kh: Kh):
    year_value(kh.growth, "10.04", 2024)

    assert not targets_visible_to(AnonymousUser()).exists()
    assert not target_values_visible_to(AnonymousUser()).exists()


def test_draft_campaign_targets_are_hidden_from_units(province: Province, people: People):
    draft = CampaignFactory(issuer_unit=province.root, status=CampaignStatus.DRAFT)
    TargetFactory(campaign=draft, code="D01")

    assert codes(people.a1_officer) == []
    assert codes(people.secretariat) == [("D01", None)]


def test_values_follow_their_target(kh: Kh, people: People):
    mine = year_value(kh.district_jobs, "1620", 2024)
    common = year_value(kh.growth, "10.04", 2024)

    assert set(target_values_visible_to(people.district_a_head)) == {mine, common}
    assert set(target_values_visible_to(people.district_b_head)) == {common}


# --- The board


def test_target_board_evaluates_each_campaign_target(kh: Kh, people: People):
    year_value(kh.growth, "10.04", 2024)
    year_value(kh.jobs, "22000", 2024)
    year_value(kh.district_jobs, "1620", 2024)  # a unit's own: not on the campaign's board

    rows = target_board(people.a1_officer, kh.campaign, TODAY)

    assert [(r.target.code, r.evaluation.status, len(r.values)) for r in rows] == [
        ("T01", Status.MET, 1),
        ("T07", Status.NOT_MET, 0),  # 01/3/2025 is past "trước năm 2025", nothing recorded
        ("T10", Status.NOT_MET, 1),
    ]
    assert rows[2].evaluation.warning is True
    assert rows[0].latest is not None and rows[0].latest.value == Decimal("10.04")


def test_target_board_of_an_invisible_campaign_is_empty(province: Province, people: People):
    draft = CampaignFactory(issuer_unit=province.root, status=CampaignStatus.DRAFT)
    TargetFactory(campaign=draft, code="D01")

    assert target_board(people.a1_officer, draft, TODAY) == []


def test_target_board_queries_do_not_grow(
    province: Province, people: People, django_assert_num_queries
):
    small = CampaignFactory(issuer_unit=province.root, code="mot-chi-tieu")
    large = CampaignFactory(issuer_unit=province.root, code="ba-chi-tieu")
    for campaign, count in ((small, 1), (large, 3)):
        for number in range(count):
            target = TargetFactory(campaign=campaign, code=f"T{number}")
            year_value(target, "12", 2023)
            year_value(target, "13", 2024)

    for campaign, count in ((small, 1), (large, 3)):
        user = User.objects.get(pk=people.a1_officer.pk)  # a fresh user: nothing cached
        with django_assert_num_queries(3):  # memberships, targets, their values
            rows = target_board(user, campaign, TODAY)
        assert [len(row.values) for row in rows] == [2] * count
