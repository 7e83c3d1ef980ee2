"""axe-core on the main pages of each role, at 1280 px and on a 390 px phone: no violation
at all, of any impact (WCAG 2.1 A/AA and axe's best practices; tests/accessibility.py).
The journeys of each app check their own pages for serious and critical ones.

A small province with works in several states, a phase review and the public site; each
role signs in once per width and every page it works on is checked as it first shows.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accessibility import axe_report
from tests.factories.exemplars import story_in
from tests.factories.reviews import known_figures, open_review
from tests.factories.works import work_in
from thidua.exemplars.models import ExemplarState
from thidua.works.models import WorkState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
PUBLIC = ["/public/", "/public/cong-trinh/", "/public/dien-hinh/", "/public/xep-hang/"]


def _pages(kh, people, province) -> dict[str, tuple[object, list[str]]]:
    """The pages each role works on (beside the home page), by its test user."""
    submitted = work_in(WorkState.SUBMITTED, kh, people, province)
    approved = work_in(WorkState.APPROVED, kh, people, province, unit=province.commune_a2,
                       actor=people.a2_officer)  # fmt: skip
    known_figures(kh, people, province)
    review = open_review(kh, people)
    story = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=2)
    public = [*PUBLIC, reverse("public:story", args=[story.pk])]
    campaign = reverse("campaigns:detail", args=[kh.campaign.pk])
    return {
        "anonymous": (None, ["/tai-khoan/dang-nhap/", *public]),
        "secretariat": (
            people.secretariat,
            [
                campaign,
                "/phong-trao/",
                "/cong-trinh/so-theo-doi/",
                "/bao-cao/",
                "/khen-thuong/",
                "/hoi-dong/",
                "/cham-diem/",
                reverse("reviews:detail", args=[review.pk]),
                "/don-vi/",
                "/dien-hinh/",
                "/lich-cong-viec/",
                "/thong-ke-khen-thuong/",
            ],
        ),
        "leader": (people.leader, [campaign, "/bao-cao/bang-dieu-khien/", "/chi-tieu/"]),
        "district": (
            people.district_a_officer,
            [
                "/cong-trinh/duyet/",
                "/cong-trinh/theo-doi-dang-ky/",
                reverse("works:detail", args=[submitted.pk]),
            ],
        ),
        "commune": (
            people.a2_officer,
            ["/cong-trinh/", reverse("works:detail", args=[approved.pk])],
        ),
    }


def _problems(page, base: str, paths: list[str], width: int) -> list[str]:
    found = []
    for path in paths:
        page.goto(base + path)
        found += [f"{width}px {path}: {line}" for line in axe_report(page)]
    return found


def _sign_in(page, base: str, user) -> None:
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


def test_main_pages_of_every_role_have_no_accessibility_violation(
    browser, live_server, kh, people, province
):
    pages = _pages(kh, people, province)
    found: list[str] = []

    for width in WIDTHS:
        for user, paths in pages.values():
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
            page = context.new_page()
            if user is not None:
                _sign_in(page, live_server.url, user)
                paths = ["/", *paths]
            found += _problems(page, live_server.url, paths, width)
            context.close()

    assert found == [], "\n".join(found)
