"""Who sees proposals: the province's Ban TĐKT, leaders and council members; never a
unit's staff, another province or a visitor — on the pages, the ZIP and the API; N+1."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UnitFactory, member
from tests.factories.higher_awards import World, proposal_in
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role
from thidua.higher_awards.models import ProposalState


def test_board_and_leader_see_the_proposal_on_page_and_api(w: World) -> None:
    proposal = proposal_in(w, "posted")

    for user in (w.board, w.leader):
        client = signed_in(user)
        page = client.get(reverse("higher_awards:detail", args=[proposal.pk]))
        api = client.get("/api/v1/proposals/")
        assert "Lê Thị Mỹ Duyên" in page_text(page)
        assert [p["id"] for p in api.json()["results"]] == [proposal.pk]
        assert api.json()["results"][0]["entries"][0]["nominee"] == "Lê Thị Mỹ Duyên"


def test_unit_officer_sees_nothing(w: World) -> None:
    proposal = proposal_in(w, "posted")
    client = signed_in(w.officer)

    assert client.get(reverse("higher_awards:index")).status_code == 403
    assert client.get(reverse("higher_awards:detail", args=[proposal.pk])).status_code == 404
    assert client.get(reverse("higher_awards:dossier", args=[proposal.pk])).status_code == 404
    assert client.get("/api/v1/proposals/").json()["results"] == []
    assert client.get(f"/api/v1/proposals/{proposal.pk}/").status_code == 404


def test_another_provinces_board_sees_nothing(w: World) -> None:
    proposal = proposal_in(w, "posted")
    other = UnitFactory(code="Q", kind="province")
    outsider = member(UnitFactory(code="Q-SNV", kind="department", parent=other), Role.SECRETARIAT)
    client = signed_in(outsider)

    assert client.get(reverse("higher_awards:detail", args=[proposal.pk])).status_code == 404
    assert client.get("/api/v1/proposals/").json()["results"] == []
    response = client.post(
        reverse("higher_awards:step", args=[proposal.pk, "review"]),
        {"meeting_on": "20/01/2026", "record": "BB"},
    )
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.POSTED


def test_visitor_is_refused(w: World) -> None:
    proposal = proposal_in(w, "posted")
    client = Client()

    assert client.get("/api/v1/proposals/").status_code in (401, 403)
    page = client.get(reverse("higher_awards:detail", args=[proposal.pk]))
    assert page.status_code == 302 and "dang-nhap" in page["Location"]


def test_leader_cannot_move_it_from_the_page(w: World) -> None:
    proposal = proposal_in(w, "draft")

    response = signed_in(w.leader).post(
        reverse("higher_awards:step", args=[proposal.pk, "post"]),
        {"posted_on": "05/01/2026", "channel": "Cổng"},
    )

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DRAFT


def test_board_walks_the_proposal_through_the_pages(w: World) -> None:
    proposal = proposal_in(w, "draft")
    client = signed_in(w.board)
    step = lambda name: reverse("higher_awards:step", args=[proposal.pk, name])  # noqa: E731

    client.post(step("post"), {"posted_on": "05/01/2026", "channel": "Cổng TTĐT"})
    early = client.post(step("review"), {"meeting_on": "19/01/2026", "record": "BB"}, follow=True)
    client.post(step("review"), {"meeting_on": "20/01/2026", "record": "BB 3"})

    assert "9 ngày làm việc" in page_text(early)
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.REVIEWED
    zipped = client.get(reverse("higher_awards:dossier", args=[proposal.pk]))
    assert zipped["Content-Type"] == "application/zip"


@pytest.mark.parametrize("count", [1, 3])
def test_list_page_and_api_queries_do_not_grow(
    w: World, count: int, django_assert_max_num_queries
) -> None:
    for _ in range(count):
        proposal_in(w, "posted")
    client = signed_in(w.board)
    client.get("/api/v1/proposals/")  # warm the session

    with django_assert_max_num_queries(14):
        api = client.get("/api/v1/proposals/")
    with django_assert_max_num_queries(14):
        page = client.get(reverse("higher_awards:index"))

    assert len(api.json()["results"]) == count
    assert page_text(page).count("Đề nghị khen thưởng cấp Nhà nước cho tập thể") == count


def test_detail_page_says_whether_the_vote_reaches_the_threshold(w: World) -> None:
    import datetime as dt

    from thidua.higher_awards import workflow

    proposal = proposal_in(w, "posted")
    cstd = proposal.entries.get(form__code="cstd-toan-quoc")
    workflow.proposal_review(
        actor=w.board,
        proposal=proposal,
        meeting_on=dt.date(2026, 1, 20),
        record="BB",
        votes={cstd.pk: (9, 11)},
    )

    text = page_text(signed_in(w.board).get(reverse("higher_awards:detail", args=[proposal.pk])))

    assert "9/11" in text
    assert "Chưa đạt ngưỡng 90 % tổng số thành viên (Nghị định 152/2025/NĐ-CP)" in text


def test_home_card_links_the_board_and_leaders_not_units(w: World) -> None:
    url = reverse("higher_awards:index")

    assert url in signed_in(w.board).get("/").content.decode()
    assert url in signed_in(w.leader).get("/").content.decode()
    assert url not in signed_in(w.officer).get("/").content.decode()


def test_detail_page_ids_are_unique_in_every_state(w: World) -> None:
    import re

    from thidua.higher_awards import workflow

    proposal = proposal_in(w, "posted")
    workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=proposal.posted_on,
        channel="post",
        author="A",
        content="B",
    )
    workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=proposal.posted_on,
        channel="post",
        author="C",
        content="D",
    )

    html = signed_in(w.board).get(reverse("higher_awards:detail", args=[proposal.pk]))
    ids = re.findall(r'\sid="([^"]+)"', html.content.decode())

    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
