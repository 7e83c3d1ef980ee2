"""The public posting page: posted shortlists with their dates, never a draft, no vote
or comment; anyone may read it; its queries do not grow with the lists."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.higher_awards import World, proposal_in
from tests.pages import page_text
from thidua.higher_awards import workflow


def test_posted_list_is_public_with_its_dates(w: World) -> None:
    posted = proposal_in(w, "posted")
    workflow.objection_record(
        actor=w.board,
        proposal=posted,
        received_on=posted.posted_on,
        channel="post",
        author="Người Góp Ý Kín",
        content="Nội dung riêng.",
    )

    text = page_text(Client().get(reverse("public:postings")))

    assert "Lê Thị Mỹ Duyên" in text
    assert "Chiến sĩ thi đua toàn quốc" in text
    assert "Công khai từ ngày 05/01/2026 đến hết ngày 19/01/2026" in text
    assert "Luật Thi đua, khen thưởng 2022 Điều 84 khoản 5" in text
    assert "Người Góp Ý Kín" not in text
    assert "Nội dung riêng" not in text


def test_draft_is_not_shown(w: World) -> None:
    proposal_in(w, "draft")

    text = page_text(Client().get(reverse("public:postings")))

    assert "Lê Thị Mỹ Duyên" not in text
    assert "Hiện không có danh sách nào đang công khai" in text


@pytest.mark.parametrize("count", [1, 3])
def test_public_page_queries_do_not_grow(
    w: World, count: int, django_assert_max_num_queries
) -> None:
    for _ in range(count):
        proposal_in(w, "posted")

    with django_assert_max_num_queries(4):
        response = Client().get(reverse("public:postings"))

    assert page_text(response).count("Trần Văn Hậu") == count
