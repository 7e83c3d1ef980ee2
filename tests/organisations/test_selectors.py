"""Who sees which units, the searchable unit tree, and its query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import GroupFactory, GroupMembershipFactory, UnitFactory, member
from thidua.accounts.models import Role, Scope, User
from thidua.organisations.models import UnitKind
from thidua.organisations.selectors import unit_tree, units_visible_to


def codes(units) -> set[str]:
    return {unit.code for unit in units}


def test_units_visible_to_commune_officer_own_unit_only(province):
    officer = member(province.commune_a1)

    assert codes(units_visible_to(officer)) == {"P-A-1"}


def test_units_visible_to_district_head_with_subtree_sees_its_communes_only(province):
    head = member(province.district_a, role=Role.UNIT_HEAD, scope=Scope.SUBTREE)

    assert codes(units_visible_to(head)) == {"P-A", "P-A-1", "P-A-2"}


def test_units_visible_to_secretariat_sees_whole_province(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    assert codes(units_visible_to(secretariat)) == {
        "P", "P-SNV", "P-SYT", "P-A", "P-A-1", "P-A-2", "P-B", "P-B-1",
    }  # fmt: skip


def test_units_visible_to_cluster_leader_sees_members_of_the_group_it_leads(province):
    led = GroupFactory(organiser=province.root)
    GroupMembershipFactory(group=led, unit=province.district_a, role="leader")
    GroupMembershipFactory(group=led, unit=province.district_b)
    other = GroupFactory(organiser=province.root, kind="block")
    GroupMembershipFactory(group=other, unit=province.home_affairs, role="leader")
    GroupMembershipFactory(group=other, unit=province.district_a)
    GroupMembershipFactory(group=other, unit=province.health)
    leader = member(province.district_a, role=Role.CLUSTER_LEADER)

    assert codes(units_visible_to(leader)) == {"P-A", "P-B"}


def test_units_visible_to_anonymous_sees_nothing(province):
    assert not units_visible_to(AnonymousUser()).exists()


def test_unit_tree_search_without_diacritics_returns_match_and_ancestors(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)

    tree = unit_tree(secretariat, search="cau ke")

    assert [unit.name for unit in tree] == ["UBND tỉnh Thử", "Huyện Cầu Kè"]
    assert tree[1].child_count == 2


def test_unit_tree_search_stays_within_reach(province):
    officer = member(province.commune_b1)

    assert unit_tree(officer, search="cau ke") == []
    assert [unit.code for unit in unit_tree(officer, search="tap son")] == ["P-B-1"]


def test_unit_tree_on_a_day_excludes_units_not_valid_then(province):
    province.commune_a2.valid_to = dt.date(2024, 12, 31)
    province.commune_a2.save()
    head = member(province.district_a, role=Role.UNIT_HEAD, scope=Scope.SUBTREE)

    on_last_day = unit_tree(head, on=dt.date(2024, 12, 31))
    after = unit_tree(User.objects.get(pk=head.pk), on=dt.date(2025, 1, 1))

    assert [unit.code for unit in on_last_day] == ["P-A", "P-A-1", "P-A-2"]
    assert [unit.code for unit in after] == ["P-A", "P-A-1"]


@pytest.mark.parametrize("extra", [1, 3])
def test_unit_tree_query_count_does_not_grow_with_units(province, django_assert_num_queries, extra):
    head = member(province.district_a, role=Role.UNIT_HEAD, scope=Scope.SUBTREE)
    for number in range(extra):
        UnitFactory(
            code=f"P-A-X{number}",
            name=f"Xã Thêm {number}",
            kind=UnitKind.COMMUNE,
            parent=province.district_a,
        )
    user = User.objects.get(pk=head.pk)

    # Memberships, the matches, the visible units' (id, path, kind), the shown units.
    with django_assert_num_queries(4):
        tree = unit_tree(user, search="xa")

    assert len(tree) == 3 + extra
