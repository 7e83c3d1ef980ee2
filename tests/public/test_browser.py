"""The public site on a 390 px phone and at 1280 px, in Chromium: no horizontal scroll,
no console error, the filters and the story page work; the Ban TĐKT's review workspace
renders. Screenshots are left in the temp folder to be looked at."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories.exemplars import story_in
from tests.factories.reviews import known_figures, open_review
from tests.factories.works import WorkFactory
from thidua.exemplars.models import ExemplarState
from thidua.works.models import WorkState

SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-public"


def _page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 860}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return context, page, errors


def _fits(page) -> None:
    page.wait_for_load_state("load")  # measured with the stylesheet and photos in place
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _shot(page, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_public_site_on_a_phone_and_a_desktop(live_server, browser, kh, people, province, width):
    story = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=2)
    for unit, title in ((province.commune_a1, "Cầu bê tông kênh Ba Sơn"),
                        (province.commune_b1, "Nhà văn hóa ấp Bà Tiêm")):  # fmt: skip
        WorkFactory(campaign=kh.campaign, unit=unit, state=WorkState.IN_PROGRESS, title=title,
                    percent_complete=60, created_by=people.a1_officer)  # fmt: skip
    context, page, errors = _page(browser, width)

    page.goto(live_server.url + "/public/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(kh.campaign.title[:20])
    _fits(page)
    _shot(page, "home", width)

    page.get_by_role("link", name="Công trình", exact=True).click()
    page.get_by_label("Tìm (có dấu hoặc không dấu)").fill("ba tiem")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator(".pub-work")).to_have_count(1)
    expect(page.locator(".pub-work")).to_contain_text("Nhà văn hóa ấp Bà Tiêm")
    page.get_by_role("link", name="Huyện Cầu Kè").click()
    expect(page.locator(".pub-work")).to_contain_text("Cầu bê tông kênh Ba Sơn")
    _fits(page)
    _shot(page, "works", width)

    page.get_by_role("link", name="Điển hình", exact=True).click()
    page.get_by_role("link", name=story.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(story.title)
    # Under load the stylesheet and the photo arrive after the heading: measure the page
    # once everything has loaded, and fail if the story's photo never does.
    page.wait_for_load_state("load")
    assert page.locator(".pub-figure img").first.evaluate("img => img.naturalWidth") > 0
    _fits(page)
    _shot(page, "story", width)
    assert errors == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_review_workspace_renders(live_server, browser, kh, people, province, width):
    known_figures(kh, people, province)
    review = open_review(kh, people)
    context, page, errors = _page(browser, width)
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/so-ket/%s/" % review.pk)
    page.get_by_label("Tên đăng nhập").fill(people.secretariat.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    page.locator("input[name=commend]").first.check()
    page.get_by_role("button", name="Lưu lựa chọn").click()
    expect(page.locator("input[name=commend]").first).to_be_checked()
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_role("link", name="Tải báo cáo (DOCX)")).to_be_visible()
    _fits(page)
    _shot(page, "review", width)
    assert errors == []
    context.close()
