"""API of scoring: criteria sets, score sheets by visibility, published rankings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories.scoring import Cluster, make_set, manual_entries, reviewer_for, self_submit
from tests.pages import signed_in
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet
from thidua.scoring.ranking import ranking_publish

pytestmark = pytest.mark.django_db


def _confirm_all(c: Cluster, cs: CriteriaSet) -> None:
    for unit in c.units:
        sheet = self_submit(c, cs, unit)
        sheet = services.sheet_review(
            actor=reviewer_for(c, unit), sheet=sheet, entries=manual_entries(cs)
        )
        services.sheet_confirm(actor=c.secretariat, sheet=sheet)


def test_score_sheets_follow_visibility(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]

    own = signed_in(cluster.officers[unit.pk]).get("/api/v1/score-sheets/").json()
    leader = signed_in(cluster.cluster_leader).get("/api/v1/score-sheets/", {"set": cs.pk}).json()
    sibling_id = cs.sheets.get(unit=cluster.members[1]).pk
    hidden = signed_in(cluster.officers[unit.pk]).get(f"/api/v1/score-sheets/{sibling_id}/")

    assert [s["unit"]["name"] for s in own["results"]] == ["Huyện Tiểu Cần"]
    assert len(own["results"][0]["scores"]) == cs.criteria.count()
    assert len(leader["results"]) == 4
    assert hidden.status_code == 404


def test_criteria_sets_list_their_criteria(cluster: Cluster) -> None:
    make_set(cluster)

    body = signed_in(cluster.cluster_leader).get("/api/v1/criteria-sets/").json()

    assert body["results"][0]["group"]["code"] == "CUM-1"
    codes = [c["code"] for c in body["results"][0]["criteria"]]
    assert codes[:2] == ["1.1", "1.2"] and "4.3" in codes


def test_rankings_list_only_published_ones_with_public_fields(cluster: Cluster) -> None:
    cs = make_set(cluster)
    make_set(cluster, group=cluster.other_group)  # not published
    _confirm_all(cluster, cs)
    ranking_publish(actor=cluster.secretariat, criteria_set=cs)

    body = (
        signed_in(cluster.officers[cluster.province.health.pk])
        .get("/api/v1/rankings/", {"year": 2025})
        .json()
    )

    assert len(body["results"]) == 1
    ranking = body["results"][0]
    assert (ranking["group"]["code"], ranking["year"]) == ("CUM-1", 2025)
    assert set(ranking["rows"][0]) == {"unit", "rank", "total", "proposal"}
    assert Decimal(ranking["rows"][0]["total"]) > 0


@pytest.mark.parametrize("count", [1, 3])
def test_score_sheet_list_query_count(
    cluster: Cluster, django_assert_num_queries, count: int
) -> None:  # type: ignore[no-untyped-def]
    for unit in cluster.units[count:]:
        cluster.group.memberships.filter(unit=unit).delete()
    make_set(cluster)
    client = signed_in(cluster.secretariat)

    with django_assert_num_queries(6):
        body = client.get("/api/v1/score-sheets/").json()

    assert len(body["results"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_ranking_list_query_count(cluster: Cluster, django_assert_num_queries, count: int) -> None:  # type: ignore[no-untyped-def]
    for unit in cluster.units[count:]:
        cluster.group.memberships.filter(unit=unit).delete()
    cs = make_set(cluster)
    _confirm_all_present(cluster, cs)
    ranking_publish(actor=cluster.secretariat, criteria_set=cs)
    client = signed_in(cluster.secretariat)

    with django_assert_num_queries(5):
        body = client.get("/api/v1/rankings/").json()

    assert len(body["results"][0]["rows"]) == count


def _confirm_all_present(c: Cluster, cs: CriteriaSet) -> None:
    for sheet in cs.sheets.select_related("unit"):
        submitted = self_submit(c, cs, sheet.unit)
        reviewed = services.sheet_review(
            actor=reviewer_for(c, sheet.unit), sheet=submitted, entries=manual_entries(cs)
        )
        services.sheet_confirm(actor=c.secretariat, sheet=reviewed)
