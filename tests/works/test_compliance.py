"""Registration rules: which kinds count for which unit, and each unit against its minimum
(KH 128 II.2.b–c)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import (
    CampaignFactory,
    GroupFactory,
    GroupMembershipFactory,
    PhaseFactory,
    TargetFactory,
    UnitFactory,
    member,
)
from tests.factories.works import WorkFactory, register
from thidua.accounts.models import Role, Scope
from thidua.campaigns.models import WorkKind
from thidua.core.errors import DomainError
from thidua.organisations.models import UnitKind
from thidua.works import services
from thidua.works.models import Work, WorkState
from thidua.works.selectors import registration_compliance

S = WorkState


@pytest.fixture
def registered(kh, province) -> None:
    """District A 1 counted (+ a draft), district B 2, Sở Y tế 1 task, Sở Nội vụ only a
    cancelled one, Xã Phong Phú 1, Xã Hòa Ân a returned one, Xã Tập Sơn nothing."""
    plan = [
        (province.district_a, S.SUBMITTED, WorkKind.CONSTRUCTION),
        (province.district_a, S.DRAFT, WorkKind.PROJECT),
        (province.district_b, S.APPROVED, WorkKind.CONSTRUCTION),
        (province.district_b, S.COMPLETED, WorkKind.PROJECT),
        (province.health, S.IN_PROGRESS, WorkKind.TASK),
        (province.home_affairs, S.CANCELLED, WorkKind.CONSTRUCTION),
        (province.commune_a1, S.IN_PROGRESS, WorkKind.CONSTRUCTION),
        (province.commune_a2, S.RETURNED, WorkKind.CONSTRUCTION),
    ]
    for unit, state, kind in plan:
        WorkFactory(campaign=kh.campaign, unit=unit, state=state, kind=kind)


def rows(user, campaign) -> list[tuple[str, str, int, int, bool]]:
    return [
        (r.unit_name, r.unit_kind, r.registered, r.minimum, r.below)
        for r in registration_compliance(user, campaign)
    ]


def test_registration_compliance_for_the_secretariat(kh, registered, people):
    assert rows(people.secretariat, kh.campaign) == [
        ("Xã Hòa Ân", "commune", 0, 1, True),  # returned: not counted
        ("Xã Phong Phú", "commune", 1, 1, False),
        ("Xã Tập Sơn", "commune", 0, 1, True),
        ("Sở Nội vụ", "department", 0, 1, True),  # cancelled: not counted
        ("Sở Y tế", "department", 1, 1, False),  # a task is the department's alternative
        ("Huyện Cầu Kè", "district", 1, 2, True),  # the draft does not count
        ("Huyện Trà Cú", "district", 2, 2, False),
    ]


def test_registration_compliance_rows_carry_the_parent(kh, registered, people):
    parents = {
        r.unit_name: r.parent_name for r in registration_compliance(people.secretariat, kh.campaign)
    }

    assert parents["Xã Phong Phú"] == "Huyện Cầu Kè"
    assert parents["Huyện Trà Cú"] == "UBND tỉnh Thử"


def test_registration_compliance_within_reach(kh, registered, people, province):
    head = member(province.district_a, Role.UNIT_HEAD, Scope.SUBTREE)

    assert [r[0] for r in rows(head, kh.campaign)] == ["Xã Hòa Ân", "Xã Phong Phú", "Huyện Cầu Kè"]
    assert rows(people.a2_officer, kh.campaign) == [("Xã Hòa Ân", "commune", 0, 1, True)]
    assert rows(people.other_secretariat, kh.campaign) == []


def test_registration_compliance_skips_units_outside_the_campaign_period(
    kh, registered, people, province
):
    UnitFactory(
        name="Xã đã giải thể",
        kind=UnitKind.COMMUNE,
        parent=province.district_b,
        valid_to=dt.date(2024, 6, 30),
    )
    UnitFactory(
        name="Phường mới",
        kind=UnitKind.COMMUNE,
        parent=province.district_b,
        valid_from=dt.date(2025, 10, 1),
    )

    names = [r[0] for r in rows(people.secretariat, kh.campaign)]

    assert "Xã đã giải thể" not in names
    assert "Phường mới" not in names


def test_registration_compliance_counts_each_work_once_for_a_cluster_leader(
    kh, registered, province
):
    cluster = GroupFactory(organiser=province.root)
    block = GroupFactory(organiser=province.root, kind="block")
    for group in (cluster, block):
        GroupMembershipFactory(group=group, unit=province.district_a, role="leader")
        GroupMembershipFactory(group=group, unit=province.district_b)
    leader = member(province.district_a, Role.CLUSTER_LEADER)

    assert rows(leader, kh.campaign) == [
        ("Huyện Cầu Kè", "district", 1, 2, True),
        ("Huyện Trà Cú", "district", 2, 2, False),
    ]


def test_registration_compliance_only_counts_this_campaign(kh, registered, people, province):
    other = CampaignFactory(issuer_unit=province.root)
    WorkFactory(campaign=other, unit=province.district_a, state=S.SUBMITTED)

    counts = {
        r.unit_name: r.registered for r in registration_compliance(people.secretariat, kh.campaign)
    }

    assert counts["Huyện Cầu Kè"] == 1


# --- Registration rules at registration ------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "actor", "kind", "allowed"),
    [
        ("district_a", "district_a_officer", WorkKind.TASK, False),  # II.2.b: works only
        ("district_a", "district_a_officer", WorkKind.PROJECT, True),
        ("health", "health_officer", WorkKind.TASK, True),  # II.2.c: a task instead
        ("health", "health_officer", WorkKind.CONSTRUCTION, True),
        ("commune_a1", "a1_officer", WorkKind.TASK, True),
    ],
)
def test_work_create_kind_counts_for_the_unit_kind(
    kh, province, people, unit, actor, kind, allowed
):
    def create() -> Work:
        return register(getattr(people, actor), kh, getattr(province, unit), kind=kind)

    if allowed:
        assert create().kind == kind
        return
    with pytest.raises(DomainError) as refused:
        create()
    assert refused.value.code == "invalid_work"
    assert refused.value.message == "Loại công trình này không được tính cho đơn vị loại của bạn."
    assert not Work.objects.exists()


def test_work_create_lists_every_problem_at_once(kh, province, people):
    other = CampaignFactory(issuer_unit=province.root)

    with pytest.raises(DomainError) as refused:
        register(
            people.a1_officer,
            kh,
            province.commune_a1,
            title="  ",
            planned_start=dt.date(2025, 5, 1),
            planned_finish=dt.date(2025, 4, 1),
            phase=PhaseFactory(campaign=other),
            targets=[TargetFactory(campaign=other)],
            place=province.district_a,
            latitude=Decimal("91"),
            longitude=Decimal("-181"),
            budget=Decimal("-1"),
        )

    assert refused.value.code == "invalid_work"
    assert refused.value.message == (
        "Hãy nhập tên công trình, phần việc. Ngày hoàn thành dự kiến phải sau ngày bắt đầu. "
        "Mục phase không thuộc phong trào này. Chỉ tiêu được chọn không thuộc phong trào này. "
        "Địa điểm phải là một xã, phường, thị trấn. Vĩ độ phải trong khoảng -90 đến 90. "
        "Kinh độ phải trong khoảng -180 đến 180. Kinh phí không được âm."
    )
    assert not Work.objects.exists()


def test_work_create_for_a_unit_outside_the_campaign_is_refused(kh, people, other_province):
    commune = UnitFactory(kind=UnitKind.COMMUNE, parent=other_province)

    with pytest.raises(DomainError) as refused:
        register(member(commune), kh, commune)

    assert refused.value.message == "Đơn vị không thuộc phạm vi của phong trào này."
    assert not Work.objects.exists()


def test_can_register_for_only_own_unit(province, people):
    assert services.can_register_for(people.a1_head, province.commune_a1)
    assert not services.can_register_for(people.a1_officer, province.commune_a2)
    assert not services.can_register_for(people.district_a_subtree, province.commune_a1)
    assert services.can_register_for(people.admin, province.commune_b1)
