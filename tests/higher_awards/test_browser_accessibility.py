"""The proposal pages and the public posting page in Chromium at 1280 px and on a 390 px
phone: axe-core finds no serious or critical violation (tests/accessibility.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accessibility import axe_problems
from tests.factories.higher_awards import World, proposal_in
from thidua.higher_awards import workflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_proposal_pages_have_no_serious_violation(browser, live_server, w: World) -> None:
    proposal = proposal_in(w, "posted")
    workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=proposal.posted_on,
        channel="email",
        author="Nguyễn Văn Góp Ý",
        content="Đề nghị làm rõ thành tích.",
    )
    paths = [
        reverse("higher_awards:index"),
        reverse("higher_awards:detail", args=[proposal.pk]),
        reverse("higher_awards:create"),
    ]
    found: list[str] = []

    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.goto(live_server.url + reverse("public:postings"))
        found += [f"{width}px public: {line}" for line in axe_problems(page)]
        page.goto(live_server.url + "/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(w.board.username)
        page.get_by_label("Mật khẩu").fill("mat-khau-thu")
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "dang-nhap" not in url)
        for path in paths:
            page.goto(live_server.url + path)
            found += [f"{width}px {path}: {line}" for line in axe_problems(page)]
        context.close()

    assert found == [], "\n".join(found)
