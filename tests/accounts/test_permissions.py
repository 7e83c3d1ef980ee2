"""Permission matrix: every role × every action on units and campaigns, and leak tests."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import CampaignFactory, GroupFactory, GroupMembershipFactory, member
from thidua.accounts.models import Role, Scope
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.organisations.selectors import units_visible_to

ROLES = [
    "admin",
    "secretariat",
    "leader",
    "council",
    "commune_officer",
    "district_head",
    "district_subtree",
    "cluster_leader",
    "department_officer",
    "anonymous",
]


@pytest.fixture
def people(province):
    group = GroupFactory(organiser=province.root)
    GroupMembershipFactory(group=group, unit=province.district_a, role="leader")
    GroupMembershipFactory(group=group, unit=province.district_b, role="member")
    return {
        "admin": member(province.root, Role.ADMIN),
        "secretariat": member(province.home_affairs, Role.SECRETARIAT),
        "leader": member(province.root, Role.LEADER),
        "council": member(province.root, Role.COUNCIL_MEMBER),
        "commune_officer": member(province.commune_a1, Role.UNIT_OFFICER),
        "district_head": member(province.district_a, Role.UNIT_HEAD),
        "district_subtree": member(province.district_a, Role.UNIT_OFFICER, Scope.SUBTREE),
        "cluster_leader": member(province.district_a, Role.CLUSTER_LEADER),
        "department_officer": member(province.health, Role.UNIT_OFFICER),
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def campaigns(province):
    return {
        "province": CampaignFactory(issuer_unit=province.root),
        "district_a": CampaignFactory(issuer_unit=province.district_a),
        "district_b": CampaignFactory(issuer_unit=province.district_b),
        "draft": CampaignFactory(issuer_unit=province.root, status="draft"),
    }


# Which units each role sees (by fixture attribute name).
UNIT_VIEW = {
    "admin": {
        "root",
        "home_affairs",
        "health",
        "district_a",
        "commune_a1",
        "commune_a2",
        "district_b",
        "commune_b1",
    },
    "secretariat": {
        "root",
        "home_affairs",
        "health",
        "district_a",
        "commune_a1",
        "commune_a2",
        "district_b",
        "commune_b1",
    },
    "leader": {
        "root",
        "home_affairs",
        "health",
        "district_a",
        "commune_a1",
        "commune_a2",
        "district_b",
        "commune_b1",
    },
    "council": {
        "root",
        "home_affairs",
        "health",
        "district_a",
        "commune_a1",
        "commune_a2",
        "district_b",
        "commune_b1",
    },
    "commune_officer": {"commune_a1"},
    "district_head": {"district_a"},
    "district_subtree": {"district_a", "commune_a1", "commune_a2"},
    "cluster_leader": {"district_a", "district_b"},
    "department_officer": {"health"},
    "anonymous": set(),
}

CAMPAIGN_VIEW = {
    "admin": {"province", "district_a", "district_b", "draft"},
    "secretariat": {"province", "district_a", "district_b", "draft"},
    "leader": {"province", "district_a", "district_b"},
    "council": {"province", "district_a", "district_b"},
    "commune_officer": {"province", "district_a"},
    "district_head": {"province", "district_a"},
    "district_subtree": {"province", "district_a"},
    "cluster_leader": {"province", "district_a", "district_b"},
    "department_officer": {"province"},
    "anonymous": set(),
}

CAMPAIGN_MANAGE = {
    "admin": {"province", "district_a", "district_b", "draft"},
    "secretariat": {"province", "district_a", "district_b", "draft"},
}

UNIT_NAMES = [
    "root",
    "home_affairs",
    "health",
    "district_a",
    "commune_a1",
    "commune_a2",
    "district_b",
    "commune_b1",
]


@pytest.mark.parametrize("role", ROLES)
def test_unit_view_matrix(province, people, role):
    user = people[role]

    seen = {
        name
        for name in UNIT_NAMES
        if user.has_perm("organisations.view_unit", getattr(province, name))
    }
    listed = set(units_visible_to(user).values_list("code", flat=True))

    assert seen == UNIT_VIEW[role]
    assert listed == {getattr(province, name).code for name in UNIT_VIEW[role]}


@pytest.mark.parametrize("role", ROLES)
def test_campaign_view_matrix(people, campaigns, role):
    user = people[role]

    seen = {k for k, c in campaigns.items() if user.has_perm("campaigns.view_campaign", c)}
    listed = set(campaigns_visible_to(user).values_list("pk", flat=True))

    assert seen == CAMPAIGN_VIEW[role]
    assert listed == {campaigns[k].pk for k in CAMPAIGN_VIEW[role]}


@pytest.mark.parametrize("role", ROLES)
def test_campaign_manage_matrix(people, campaigns, role):
    user = people[role]

    managed = {k for k, c in campaigns.items() if user.has_perm("campaigns.manage_campaign", c)}

    assert managed == CAMPAIGN_MANAGE.get(role, set())


def test_commune_never_sees_sibling_commune_or_its_district_campaign(province, people, campaigns):
    officer = people["commune_officer"]

    assert not units_visible_to(officer).filter(pk=province.commune_a2.pk).exists()
    assert not campaigns_visible_to(officer).filter(pk=campaigns["district_b"].pk).exists()


def test_expired_membership_grants_nothing(province):
    import datetime as dt

    user = member(province.commune_a1, Role.UNIT_OFFICER, valid_to=dt.date(2020, 1, 1))

    assert not units_visible_to(user).exists()


def test_other_province_is_invisible_to_secretariat(province, people):
    from tests.factories import UnitFactory

    other_root = UnitFactory(code="Q", kind="province")
    UnitFactory(code="Q-X", kind="commune", parent=other_root)
    other_campaign = CampaignFactory(issuer_unit=other_root)

    secretariat = people["secretariat"]

    assert not units_visible_to(secretariat).filter(code__startswith="Q").exists()
    assert not campaigns_visible_to(secretariat).filter(pk=other_campaign.pk).exists()
