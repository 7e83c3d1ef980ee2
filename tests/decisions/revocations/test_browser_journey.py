"""On a phone (390 px), the Ban TĐKT revokes an award from the decision's page and issues
the revocation; the certificate's public verification page then says "ĐÃ BỊ HỦY BỎ"
with the revoking decision, never "Hợp lệ"."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories.decisions import issued
from thidua.decisions.models import Certificate

#: Screenshots to look at: /tmp/thidua-revocation-{step}-390.png
SCREENSHOTS = str(Path(tempfile.gettempdir()) / "thidua-revocation-{step}-390.png")
PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "vi-VN", "is_mobile": True}


@pytest.mark.browser
def test_revoked_certificate_says_revoked_on_a_phone(
    transactional_db, live_server, browser, world
) -> None:  # type: ignore[no-untyped-def]
    decision = issued(world)
    code = Certificate.objects.get(entry__nomination=world.hoa).code
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto(f"{live_server.url}/quyet-dinh/{decision.pk}/")
    page.get_by_label("Tên đăng nhập").fill(world.secretariat.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Lập quyết định hủy bỏ khen thưởng").click()
    page.get_by_label(re.compile("Trần Thị Hoa")).check()
    page.get_by_label("Lý do hủy bỏ").select_option("fraud")
    page.get_by_label("Lý do cụ thể").fill("Kết luận thanh tra số 12/KL-TTr: khai man thành tích")
    page.get_by_role("button", name="Lập dự thảo quyết định hủy bỏ").click()
    expect(page.get_by_text("Đã lập dự thảo quyết định hủy bỏ.")).to_be_visible()
    page.get_by_label("Số, ký hiệu").fill("56/QĐ-UBND")
    page.get_by_label("Ngày ký").fill("08/07/2025")
    page.get_by_label("Họ tên người ký").fill("Lê Văn Hẳn")
    page.get_by_label(re.compile("Tiền thu hồi: Trần Thị Hoa")).fill("3.000.000")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo.")).to_be_visible()
    page.get_by_role("button", name="Ban hành", exact=True).click()

    expect(page.get_by_text("Đã ban hành quyết định hủy bỏ.")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("3.000.000 đ")
    page.screenshot(path=SCREENSHOTS.format(step="issued"), full_page=True)
    assert errors == []
    context.close()

    phone = browser.new_context(**PHONE)
    visitor = phone.new_page()
    visitor.goto(f"{live_server.url}/public/xac-minh/{code}/")
    expect(visitor.locator(".verify__badge")).to_have_text("ĐÃ BỊ HỦY BỎ")
    expect(visitor.get_by_role("alert")).to_contain_text("Quyết định số 56/QĐ-UBND ngày 08/07/2025")
    assert "Hợp lệ" not in visitor.locator("main").inner_text()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 390
    visitor.screenshot(path=SCREENSHOTS.format(step="verify"), full_page=True)
    phone.close()
