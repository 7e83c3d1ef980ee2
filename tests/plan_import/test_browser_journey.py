"""The Ban TĐKT imports KH 128 in a real browser: upload the seed, read a field's source
line, correct the signer's name (the seed's text recognition wrote "Hân"), fill what the
text does not say, accept the rest section by section, confirm, and find the corrected
name on the new campaign's page. Screenshots at 390 and 1280 px are left in
/tmp/thidua-plan-import-journey/ to be looked at.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.factories.plan_import import SEED

SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-plan-import-journey"


def _shot(page: Page, name: str, width: int, *, full: bool = False) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=full)


def _set(page: Page, slug: str, value: str) -> None:
    field = page.locator(f"#{slug}")
    if field.locator("details").get_attribute("open") is None:
        field.locator("summary").click()
    field.locator("input[name=value], textarea[name=value]").fill(value)
    field.get_by_role("button", name="Lưu").click()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_import_journey_upload_review_correct_confirm(live_server, browser, importer, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/nhap-ke-hoach/")
    page.get_by_label("Tên đăng nhập").fill(importer.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập kế hoạch phát động thi đua")
    _shot(page, "1-upload", width, full=True)
    page.get_by_label("Tệp kế hoạch").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc kế hoạch").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Rà soát kế hoạch")
    expect(page.locator("#L1")).to_contain_text("Số: 128/KH-UBND")
    _shot(page, "2-review", width)
    signer = page.locator("#f-document-signer-name")
    expect(signer).to_contain_text("Lê Văn Hân")
    signer.locator(".pi-field__src").click()
    expect(page).to_have_url(re.compile(r"#L\d+$"))
    line = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{line}")).to_contain_text("Lê Văn Hân")
    expect(page.locator(f"#{line}")).to_be_in_viewport()
    expect(signer).to_have_class(re.compile("is-current"))
    if width >= 1024:  # the text scrolls in its own column: the field stays in view
        expect(signer).to_be_in_viewport()
        expect(page.locator(f"#{line}")).to_have_class(re.compile("is-target"))
    _shot(page, "3-source-line", width)

    _set(page, "f-document-signer-name", "Lê Văn Hẳn")
    expect(signer).to_contain_text("Đã sửa")
    expect(signer).to_contain_text("Lê Văn Hẳn")
    expect(page.locator("#pi-progress")).to_contain_text("chưa được chấp nhận hoặc điền")
    _shot(page, "4-corrected", width)
    missing = page.locator("#f-registration-rules-0-unit-kinds")
    expect(missing).to_contain_text("Chưa nhận ra")
    _set(page, "f-registration-rules-0-unit-kinds", "mass_organisation\nenterprise\nother")
    expect(missing).to_contain_text("Đã điền")
    _set(page, "f-registration-rules-2-minimum", "1")
    _set(page, "f-registration-rules-2-work-kinds", "construction\nproject\ntask")
    expect(page.locator("#f-registration-rules-2-work-kinds")).to_contain_text("Đã điền")
    for slug in ("f-code", "f-document-issuer-unit"):
        page.locator(f"#{slug} button[value=accept]").click()
        expect(page.locator(f"#{slug}")).to_contain_text("Đã chấp nhận")
    accept_section = page.get_by_role("button", name="Chấp nhận cả phần")
    for _ in range(20):  # one per section at most
        if not accept_section.count():
            break
        accept_section.first.click()
        page.wait_for_load_state()
    expect(accept_section).to_have_count(0)
    expect(page.locator("#pi-progress")).to_contain_text("Mọi trường bắt buộc đã được rà soát")
    page.get_by_role("button", name="Xác nhận và nạp phong trào").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Phát động đợt thi đua")
    expect(page.locator(".signature__name")).to_have_text("Lê Văn Hẳn")
    expect(page.locator(".messages")).to_contain_text("Đã nạp phong trào kh-128-2024-tra-vinh")
    _shot(page, "5-campaign", width)
    assert errors == []
    context.close()
