"""The scoring overview (/cham-diem/) by year: a unit's sheets, whatever role its person
holds there, and the groups its unit leads that year (issue 12, item 3); publishing the
ranking after a summary (item 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import GroupFactory, GroupMembershipFactory, member
from tests.factories.scoring import (
    Cluster,
    make_set,
    manual_entries,
    reviewer_for,
    self_submit,
)
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, Ranking, ScoreSheet

pytestmark = pytest.mark.django_db


def _confirmed(c: Cluster, cs: CriteriaSet, unit) -> ScoreSheet:  # type: ignore[no-untyped-def]
    sheet = self_submit(c, cs, unit)
    sheet = services.sheet_review(
        actor=reviewer_for(c, unit), sheet=sheet, entries=manual_entries(cs)
    )
    return services.sheet_confirm(actor=c.secretariat, sheet=sheet)


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


# --- Publishing the ranking: a summary first (issue 12, item 5) ----------------------------


def test_the_publish_page_lists_the_sheets_not_yet_confirmed(cluster: Cluster) -> None:
    cs = make_set(cluster)
    for unit in cluster.units[:3]:
        _confirmed(cluster, cs, unit)
    client = signed_in(cluster.secretariat)

    text = page_text(client.get(reverse("scoring:set_publish", args=[cs.pk])))
    refused = client.post(reverse("scoring:set_publish", args=[cs.pk]), {"confirm": "yes"})

    assert "Chưa công bố được" in text
    assert f"{cluster.members[1].name} – Đang tự chấm" in text
    assert cluster.members[0].name not in text.split("Chưa công bố được")[1]
    assert refused.status_code == 302
    assert not Ranking.objects.exists()


def test_the_publish_page_shows_the_ranking_its_ties_and_what_locks(cluster: Cluster) -> None:
    cs = make_set(cluster)
    for unit in cluster.units:
        _confirmed(cluster, cs, unit)
    client = signed_in(cluster.secretariat)
    url = reverse("scoring:set_publish", args=[cs.pk])

    board = client.get(reverse("scoring:set", args=[cs.pk])).content.decode()
    text = page_text(client.get(url))
    unconfirmed = client.post(url, {})
    locked_before = Ranking.objects.exists()
    published = client.post(url, {"confirm": "yes"})

    assert f'href="{url}"' in board
    assert "Kết quả sẽ công bố" in text
    assert "4 đơn vị bằng tổng điểm với đơn vị khác" in text
    assert "đồng hạng" in text
    assert "Cờ thi đua của UBND tỉnh" in text
    assert "khóa mọi phiếu chấm điểm của cụm, khối năm nay" in text
    assert "Không thể hoàn tác." in text
    assert unconfirmed.status_code == 400 and not locked_before
    assert "Hãy đánh dấu ô xác nhận để công bố kết quả xếp hạng." in page_text(unconfirmed)
    assert published.status_code == 302 and Ranking.objects.filter(criteria_set=cs).exists()


def test_only_the_secretariat_opens_the_publish_page(cluster: Cluster) -> None:
    cs = make_set(cluster)

    page = signed_in(cluster.cluster_leader).get(reverse("scoring:set_publish", args=[cs.pk]))

    assert page.status_code == 403
