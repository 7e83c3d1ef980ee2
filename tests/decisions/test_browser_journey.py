"""Ban TĐKT turns approved nominations into an issued decision, downloads a certificate,
and a phone opens the verification address printed on it."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

#: Screenshots to look at: /tmp/thidua-decision-journey-{step}-{width}.png
SCREENSHOTS = str(Path(tempfile.gettempdir()) / "thidua-decision-journey-{step}-{width}.png")


@pytest.mark.browser
def test_decision_journey_issue_print_and_verify_on_a_phone(
    transactional_db,
    live_server,
    browser,
    world,
    settings,
):
    settings.THIDUA_PUBLIC_BASE_URL = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server.url + "/quyet-dinh/")
    page.get_by_label("Tên đăng nhập").fill(world.secretariat.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Lập quyết định từ danh sách").click()
    page.get_by_label("Phong trào").select_option(str(world.campaign.pk))
    page.get_by_label("Hình thức").select_option(str(world.bk.pk))
    page.get_by_label("Cấp khen thưởng").select_option(str(world.province.root.pk))
    page.get_by_role("button", name="Xem danh sách đề nghị").click()
    expect(page.get_by_text("4 đề nghị đã được Hội đồng đồng ý")).to_be_visible()
    page.get_by_label(re.compile("Lê Văn Nam")).uncheck()
    page.get_by_role("button", name="Lập dự thảo quyết định").click()

    expect(page.get_by_role("heading", name="Sửa dự thảo quyết định")).to_be_visible()
    page.get_by_label("Số, ký hiệu").fill("1234/QĐ-UBND")
    page.get_by_label("Ngày ký").fill("05/06/2025")
    page.get_by_label("Họ tên người ký").fill("Lê Văn Hẳn")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("link", name="Ban hành", exact=True).click()
    page.get_by_role("button", name="Xác nhận ban hành").click()

    expect(page.get_by_text("Đã ban hành Quyết định số 1234/QĐ-UBND.")).to_be_visible()
    rows = page.locator(".entry-table tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator(".entry-table")).to_contain_text("7.020.000")
    page.screenshot(path=SCREENSHOTS.format(step="issued", width=1280), full_page=True)
    with page.expect_download() as download_info:
        rows.first.get_by_role("link", name="Tải PDF").click()
    certificate = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = certificate.pages[0].extract_text()
    assert "Trần Thị Hoa" in text
    url = re.search(r"(http://\S+/public/xac-minh/[\w-]+/)", text).group(1)  # type: ignore[union-attr]
    assert url.startswith(live_server.url)
    assert errors == []
    context.close()

    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True
    )
    visitor = phone.new_page()
    visitor.goto(url)
    expect(visitor.get_by_text("Hợp lệ")).to_be_visible()
    expect(visitor.locator(".verify__name")).to_have_text("Trần Thị Hoa")
    expect(visitor.locator(".verify__facts")).to_contain_text("Số 1234/QĐ-UBND ngày 05/06/2025")
    assert "1987" not in visitor.content()
    width = visitor.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    visitor.screenshot(path=SCREENSHOTS.format(step="verify", width=390), full_page=True)
    phone.close()
