"""A commune officer signs in, finds KH 128 in the campaign list and reads its page."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import member
from thidua.organisations.models import Unit

#: Where the journey leaves its screenshots, to be looked at (/tmp/thidua-campaign-journey-390.png).
SCREENSHOTS = str(Path(tempfile.gettempdir()) / "thidua-campaign-journey-{width}.png")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_campaign_journey_sign_in_list_search_and_read_plan(
    live_server, browser, kh128, jan_2025, width
):
    officer = member(Unit.objects.get(code="TV-CK-PHONG-PHU"))
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server.url + "/phong-trao/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next="))
    page.get_by_label("Tên đăng nhập").fill(officer.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Phong trào thi đua")).to_be_visible()
    page.get_by_label("Tìm phong trào").press_sequentially("dai hoi dang bo", delay=20)
    expect(page.locator("[data-results-summary]")).to_contain_text("1 phong trào khớp")
    expect(page).to_have_url(re.compile(r"q=dai(\+|%20)hoi"))
    page.get_by_role("link", name="128/KH-UBND").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Phát động đợt thi đua")
    expect(page.locator(".document__place-date")).to_have_text(
        "Trà Vinh, ngày 11 tháng 11 năm 2024"
    )
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Đợt 1")
    expect(timeline).to_contain_text("11/2024 – 30/04/2025")
    expect(timeline).to_contain_text("Đợt 2")
    expect(timeline).to_contain_text("Hôm nay 10/01/2025")
    targets = page.locator(".table--targets")
    expect(
        targets.get_by_role("row", name=re.compile("Tỷ lệ hộ dân được sử dụng điện"))
    ).to_contain_text("≥ 99,5 %")
    next_due = page.locator(".table--calendar tr.is-next")
    expect(next_due).to_contain_text("15/03/2025 (Thứ Bảy)")
    expect(page.locator(".table--calendar")).to_contain_text("15/12/2024 (Chủ nhật)")
    details = page.locator("details.disclosure").nth(1)
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")

    page.locator("#thoi-gian").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS.format(width=width))
    assert console_errors == []  # no CSP violation, no missing file
    context.close()
