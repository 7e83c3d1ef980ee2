"""Pages of scoring: what each role sees and may do, leaks, query counts, the flow."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.scoring import (
    Cluster,
    make_set,
    manual_entries,
    reviewer_for,
    self_submit,
    sheet_of,
)
from tests.pages import page_text, signed_in
from thidua.scoring import services
from thidua.scoring.models import CriteriaSet, ScoreSheet
from thidua.scoring.ranking import ranking_publish
from thidua.works.demo_images import minimal_pdf

pytestmark = pytest.mark.django_db


def _confirmed(c: Cluster, cs: CriteriaSet, unit, share: Decimal = Decimal(1)) -> ScoreSheet:  # type: ignore[no-untyped-def]
    sheet = self_submit(c, cs, unit)
    sheet = services.sheet_review(
        actor=reviewer_for(c, unit), sheet=sheet, entries=manual_entries(cs, share=share)
    )
    return services.sheet_confirm(actor=c.secretariat, sheet=sheet)


# --- Visibility and leaks


def test_a_unit_sees_only_its_own_sheet(cluster: Cluster) -> None:
    cs = make_set(cluster)
    own = sheet_of(cs, cluster.members[0])
    sibling = sheet_of(cs, cluster.members[1])
    client = signed_in(cluster.officers[own.unit_id])

    mine = client.get(reverse("scoring:sheet", args=[own.pk]))
    theirs = client.get(reverse("scoring:sheet", args=[sibling.pk]))
    index = page_text(client.get(reverse("scoring:index")))

    assert "Huyện Tiểu Cần" in page_text(mine)
    assert theirs.status_code == 404
    assert "Huyện Châu Thành" not in index


def test_a_unit_of_another_group_sees_nothing_of_the_cluster(cluster: Cluster) -> None:
    cs = make_set(cluster)
    make_set(cluster, group=cluster.other_group)
    outsider = cluster.officers[cluster.province.health.pk]
    client = signed_in(outsider)

    responses = [client.get(reverse("scoring:sheet", args=[s.pk])) for s in cs.sheets.all()]
    board = client.get(reverse("scoring:set", args=[cs.pk]))
    api = client.get("/api/v1/score-sheets/")

    assert {r.status_code for r in responses} == {404}
    assert "Huyện" not in page_text(board) if board.status_code == 200 else board.status_code == 404
    assert [row["unit"]["name"] for row in api.json()["results"]] == ["Sở Y tế"]


def test_the_cluster_leader_sees_the_groups_sheets_not_another_groups(cluster: Cluster) -> None:
    cs = make_set(cluster)
    other = make_set(cluster, group=cluster.other_group)
    client = signed_in(cluster.cluster_leader)

    board = page_text(client.get(reverse("scoring:set", args=[cs.pk])))
    other_sheet = client.get(reverse("scoring:sheet", args=[other.sheets.first().pk]))

    for unit in cluster.units:
        assert unit.name in board
    assert other_sheet.status_code == 404


PERMISSIONS = {
    # action: who may (by fixture role) at the state the action needs
    "save": {"officer", "head"},
    "submit": {"head"},
    "review": {"leader", "leader_head"},
    "return": {"leader", "leader_head"},
    "confirm": {"secretariat"},
}


def _people(c: Cluster, unit) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "officer": c.officers[unit.pk],
        "head": c.heads[unit.pk],
        "leader": c.cluster_leader,
        "leader_head": c.heads[c.leader.pk],
        "deputy": c.deputy_head,
        "secretariat": c.secretariat,
        "sibling": c.officers[c.members[1].pk],
        "outsider": c.officers[c.province.health.pk],
    }


def _sheet_at(c: Cluster, cs: CriteriaSet, action: str) -> ScoreSheet:
    unit = c.members[0]
    if action in {"save", "submit"}:
        sheet = sheet_of(cs, unit)
        services.sheet_save_self(
            actor=c.officers[unit.pk], sheet=sheet, entries=manual_entries(cs, share=Decimal(0))
        )
        return sheet
    sheet = self_submit(c, cs, unit)
    if action == "confirm":
        sheet = services.sheet_review(
            actor=c.cluster_leader, sheet=sheet, entries=manual_entries(cs)
        )
    return sheet


@pytest.mark.parametrize("action", list(PERMISSIONS))
@pytest.mark.parametrize(
    "who",
    ["officer", "head", "leader", "leader_head", "deputy", "secretariat", "sibling", "outsider"],
)
def test_permission_matrix(cluster: Cluster, action: str, who: str) -> None:
    cs = make_set(cluster)
    sheet = _sheet_at(cluster, cs, action)
    before = sheet.state
    client = signed_in(_people(cluster, cluster.members[0])[who])  # type: ignore[arg-type]
    data = {"reason": "Thiếu minh chứng", **{f"r-{c.pk}": "1" for c in cs.criteria.all()}}

    response = client.post(reverse(f"scoring:{action}", args=[sheet.pk]), data)

    allowed = who in PERMISSIONS[action]
    after = ScoreSheet.objects.get(pk=sheet.pk).state
    if allowed:
        assert response.status_code == 302, page_text(response)
        assert action == "save" or after != before
    else:
        assert response.status_code in {403, 404}
        assert after == before


def test_a_refused_action_says_what_to_fix_and_keeps_the_input(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    sheet = sheet_of(cs, unit)
    c11 = cs.criteria.get(code="1.1")
    client = signed_in(cluster.officers[unit.pk])

    response = client.post(reverse("scoring:save", args=[sheet.pk]), {f"p-{c11.pk}": "30"})

    assert response.status_code == 400
    assert "Tiêu chí 1.1: điểm phải từ 0 đến 25" in page_text(response)
    assert 'value="30"' in response.content.decode()


def test_bad_number_is_a_message_not_an_error(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    c11 = cs.criteria.get(code="1.1")
    client = signed_in(cluster.officers[unit.pk])

    response = client.post(
        reverse("scoring:save", args=[sheet_of(cs, unit).pk]), {f"p-{c11.pk}": "mười"}
    )

    assert response.status_code == 400
    assert "“mười” không phải là số điểm" in page_text(response)


def test_evidence_upload_is_checked_and_served_to_the_sheets_viewers_only(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    sheet = sheet_of(cs, unit)
    c11 = cs.criteria.get(code="1.1")
    client = signed_in(cluster.officers[unit.pk])
    pdf = SimpleUploadedFile("bao-cao.pdf", minimal_pdf(["Báo cáo tổng kết"]), "application/pdf")
    fake = SimpleUploadedFile("anh.jpg", b"not an image", "image/jpeg")

    ok = client.post(
        reverse("scoring:save", args=[sheet.pk]), {f"p-{c11.pk}": "20", f"f-{c11.pk}": pdf}
    )
    bad = client.post(
        reverse("scoring:save", args=[sheet.pk]), {f"p-{c11.pk}": "20", f"f-{c11.pk}": fake}
    )
    score = sheet.scores.get(criterion=c11)
    url = reverse("scoring:evidence", args=[sheet.pk, score.pk])

    assert ok.status_code == 302
    assert "không phải ảnh" in page_text(bad)
    assert score.evidence_name == "bao-cao.pdf"
    served = signed_in(cluster.cluster_leader).get(url)
    assert b"".join(served.streaming_content).startswith(b"%PDF-")
    assert signed_in(cluster.officers[cluster.members[1].pk]).get(url).status_code == 404


def test_review_page_shows_scores_side_by_side_with_gap_flags(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    _confirmed(cluster, cs, unit, share=Decimal("0.5"))
    sheet = sheet_of(cs, unit)

    text = page_text(
        signed_in(cluster.cluster_leader).get(reverse("scoring:sheet", args=[sheet.pk]))
    )
    board = page_text(signed_in(cluster.cluster_leader).get(reverse("scoring:set", args=[cs.pk])))

    assert "Tự chấm" in text and "Thẩm định" in text
    assert text.count("Chênh lệch lớn") >= 2  # criterion 1.1 (25 → 12,5) and the total
    assert "Chênh lệch lớn" in board


def test_small_differences_are_not_flagged(cluster: Cluster) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    _confirmed(cluster, cs, unit, share=Decimal("0.95"))

    text = page_text(
        signed_in(cluster.cluster_leader).get(
            reverse("scoring:sheet", args=[sheet_of(cs, unit).pk])
        )
    )

    assert "Chênh lệch lớn" not in text


def test_secretariat_publishes_and_the_ranking_page_explains(cluster: Cluster) -> None:
    cs = make_set(cluster)
    for unit in cluster.units:
        _confirmed(
            cluster, cs, unit, share=Decimal("0.8") if unit == cluster.deputy else Decimal(1)
        )
    client = signed_in(cluster.secretariat)

    published = client.post(reverse("scoring:set_publish", args=[cs.pk]), {"confirm": "yes"})
    page = client.get(reverse("scoring:ranking", args=[cs.pk]))
    text = page_text(page)

    assert published.status_code == 302
    assert "Cờ thi đua của UBND tỉnh" in text
    assert "Nhiều tiêu chí đạt điểm tối đa hơn" in text
    assert "đồng hạng" in text  # three units equal on everything
    assert "<svg" in page.content.decode() and 'class="ranking-chart__bar' in page.content.decode()
    assert "style=" not in page.content.decode()


def test_ranking_is_not_shown_before_publication(cluster: Cluster) -> None:
    cs = make_set(cluster)

    response = signed_in(cluster.secretariat).get(reverse("scoring:ranking", args=[cs.pk]))

    assert response.status_code == 404
    assert cluster.leader.name not in page_text(response)


def test_the_secretariat_creates_and_activates_a_set_from_the_index(cluster: Cluster) -> None:
    client = signed_in(cluster.secretariat)
    index = page_text(client.get(reverse("scoring:index"), {"nam": "2025"}))

    created = client.post(
        reverse("scoring:set_create", args=[cluster.group.pk]),
        {"campaign": str(cluster.campaign.pk)},
    )
    cs = CriteriaSet.objects.get(group=cluster.group)
    draft_page = client.get(reverse("scoring:set", args=[cs.pk])).content.decode()
    activated = client.post(reverse("scoring:set_activate", args=[cs.pk]))

    assert "Cụm thi đua số 1" in index and "Lập bảng tiêu chí" in index
    assert created.status_code == activated.status_code == 302
    assert cs.sheets.count() == 4
    assert cs.criteria.filter(added_by_campaign=True).count() == 4
    assert 'data-confirm="Áp dụng bảng tiêu chí? Từ đây các tiêu chí không sửa được nữa' in (
        draft_page
    )


def test_the_cluster_leader_cannot_create_sets(cluster: Cluster) -> None:
    response = signed_in(cluster.cluster_leader).post(
        reverse("scoring:set_create", args=[cluster.group.pk])
    )

    assert response.status_code == 403
    assert not CriteriaSet.objects.exists()


# --- Query counts (1 vs 3 sheets)


def _n_units(c: Cluster, n: int) -> CriteriaSet:
    """A group of ``n`` units (the leader first), every sheet confirmed."""
    for unit in c.units[n:]:
        c.group.memberships.filter(unit=unit).delete()
    cs = make_set(c)
    for unit in c.units[:n]:
        _confirmed(c, cs, unit)
    return cs


@pytest.mark.parametrize("count", [1, 3])
def test_board_query_count(cluster: Cluster, django_assert_num_queries, count: int) -> None:  # type: ignore[no-untyped-def]
    cs = _n_units(cluster, count)
    client = signed_in(cluster.secretariat)

    with django_assert_num_queries(9):
        response = client.get(reverse("scoring:set", args=[cs.pk]))

    assert response.content.decode().count("/cham-diem/phieu/") == count


@pytest.mark.parametrize("count", [1, 3])
def test_ranking_page_query_count(cluster: Cluster, django_assert_num_queries, count: int) -> None:  # type: ignore[no-untyped-def]
    cs = _n_units(cluster, count)
    ranking_publish(actor=cluster.secretariat, criteria_set=cs)
    client = signed_in(cluster.secretariat)

    with django_assert_num_queries(9):
        response = client.get(reverse("scoring:ranking", args=[cs.pk]))

    assert response.content.decode().count('class="ranking-chart__bar') == count


@pytest.mark.parametrize("count", [1, 3])
def test_index_query_count(cluster: Cluster, django_assert_num_queries, count: int) -> None:  # type: ignore[no-untyped-def]
    _n_units(cluster, count)
    client = signed_in(cluster.secretariat)

    with django_assert_num_queries(9):
        response = client.get(reverse("scoring:index"))

    assert "Cụm thi đua số 1" in page_text(response)


@pytest.mark.parametrize("count", [1, 3])
def test_sheet_page_query_count(cluster: Cluster, django_assert_num_queries, count: int) -> None:  # type: ignore[no-untyped-def]
    cs = _n_units(cluster, count)
    client = signed_in(cluster.cluster_leader)
    sheet = sheet_of(cs, cluster.units[count - 1])

    with django_assert_num_queries(7):
        response = client.get(reverse("scoring:sheet", args=[sheet.pk]))

    assert "Tổng thẩm định" in page_text(response)
