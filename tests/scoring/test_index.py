"""The scoring overview (/cham-diem/) by year: a unit's sheets, whatever role its person
holds there, and the groups its unit leads that year (issue 12, item 3)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import GroupFactory, GroupMembershipFactory, member
from tests.pages.conftest import page_text, signed_in
from tests.scoring.conftest import Cluster, make_set, self_submit
from thidua.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_a_cluster_leader_of_a_member_unit_sees_its_units_sheet(cluster: Cluster) -> None:
    # Like the demo's `cumtruong`: the cluster-leader role in a unit that led the cluster in
    # 2024 and is a plain member in 2025.
    unit = cluster.members[0]
    last_year = GroupFactory(
        code="CUM-1-2024", name="Cụm thi đua số 1", year=2024, organiser=cluster.province.root
    )
    GroupMembershipFactory(group=last_year, unit=unit, role="leader")
    make_set(cluster)
    leader = member(unit, Role.CLUSTER_LEADER)
    client = signed_in(leader)

    this_year = page_text(client.get(reverse("scoring:index"), {"nam": "2025"}))
    before = page_text(client.get(reverse("scoring:index"), {"nam": "2024"}))

    assert "Phiếu chấm điểm của đơn vị" in this_year
    assert "Cụm thi đua số 1 – năm 2025" in this_year and unit.name in this_year
    assert "chưa có phiếu chấm điểm" not in this_year
    assert "Cụm thi đua số 1 – năm 2025" not in before
    assert "Năm 2024, đơn vị dẫn đầu Cụm thi đua số 1" in before
    assert "chưa có bảng tiêu chí" in before


def test_the_cluster_leader_sees_the_sheets_it_fills_and_those_it_reviews(
    cluster: Cluster,
) -> None:
    cs = make_set(cluster)
    self_submit(cluster, cs, cluster.members[0])
    head = cluster.heads[cluster.leader.pk]

    index = page_text(signed_in(head).get(reverse("scoring:index")))

    assert "Phiếu chấm điểm của đơn vị" in index and cluster.leader.name in index
    assert "Cụm, khối do đơn vị phụ trách" in index
    assert "1 chờ thẩm định" in index


def test_the_overview_lists_only_the_chosen_years_sheets(cluster: Cluster) -> None:
    make_set(cluster)
    officer = cluster.officers[cluster.members[1].pk]

    other_year = page_text(signed_in(officer).get(reverse("scoring:index"), {"nam": "2024"}))

    assert "Cụm thi đua số 1 – năm 2025" not in other_year
    assert "Năm 2024, đơn vị của bạn chưa có phiếu chấm điểm nào." in other_year
