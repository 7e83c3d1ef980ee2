"""A nomination from draft to the Council, in a real browser (phone width).

The unit officer drafts it (the live checks flag the missing dossier), uploads the three
documents; the head signs and submits it from the queue; Ban TĐKT takes it into review and
returns it with a reason; the head submits again; Ban TĐKT sends it to the Council. The
``browser`` fixture (Debian Chromium) comes from tests/chromium.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.factories.awards import PDF, Kh, NomineeFactory, People
from tests.live_checks import LiveChecks
from thidua.awards.models import Nomination, NominationState

SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-awards-journey"
pytestmark = pytest.mark.django_db(transaction=True)


def _page(
    browser: Any, live_server: Any, user: Any, path: str, width: int = 390
) -> tuple[Any, Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next={path}")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int = 390) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def _draft(browser: Any, live_server: Any, kh: Kh, people: People, tmp_path: Path) -> Nomination:
    NomineeFactory(unit=kh.province.health, name="Đỗ Thị Thanh Tâm")
    context, page, errors = _page(browser, live_server, people.officer, "/khen-thuong/")
    checks = LiveChecks(page)
    page.get_by_role("link", name="Lập đề nghị").click()
    page.locator("#id_phase").select_option(label="Đợt 1")
    page.locator("#id_nominee").select_option(label="Đỗ Thị Thanh Tâm")
    page.locator("#id_form").select_option(label="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    page.get_by_label("II. Thành tích đạt được").fill(
        "Hoàn thành vượt 20% chỉ tiêu khám chữa bệnh."
    )
    expect(page.locator("#checks")).to_contain_text("Hồ sơ còn thiếu")
    expect(page.locator("[data-check=authority]")).to_contain_text("có thẩm quyền")
    _shot(page, "1-form")
    checks.settle()
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.locator("h1")).to_have_text("Đỗ Thị Thanh Tâm")
    for kind in (
        "Tờ trình đề nghị khen thưởng",
        "Báo cáo thành tích có xác nhận của cấp trình",
        "Biên bản xét khen thưởng",
    ):
        file = tmp_path / "tai-lieu.pdf"
        file.write_bytes(PDF)
        page.get_by_label("Loại tài liệu").select_option(label=kind)
        page.get_by_label("Tệp (PDF, DOCX, XLSX, ảnh)").set_input_files(str(file))
        page.get_by_role("button", name="Tải lên").click()
        expect(page.locator(".messages")).to_contain_text("Đã tải lên")
    expect(page.locator("[data-check=dossier]")).to_contain_text("Hồ sơ đủ thành phần")
    _shot(page, "2-detail")
    assert errors == []
    context.close()
    return Nomination.objects.get(nominee__name="Đỗ Thị Thanh Tâm")


def _submit(browser: Any, live_server: Any, people: People, via_queue: bool) -> None:
    context, page, errors = _page(browser, live_server, people.head, "/khen-thuong/trinh-ky/")
    if via_queue:
        page.get_by_role("button", name="Ký, gửi").click()
    else:
        page.get_by_role("link", name="Đỗ Thị Thanh Tâm").click()
        page.get_by_role("button", name="Ký, gửi đề nghị").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi đề nghị")
    assert errors == []
    context.close()


def _review(browser: Any, live_server: Any, people: People, *, send: bool) -> None:
    context, page, errors = _page(
        browser, live_server, people.secretariat, "/khen-thuong/tham-dinh/"
    )
    # Each row shows its checks' summary, the page's rows checked together (issue #16).
    expect(page.locator(".row-checks").first).to_be_visible()
    _shot(page, "3-queue")
    page.get_by_role("button", name="Thẩm định").click()
    page.get_by_role("link", name="Đỗ Thị Thanh Tâm").click()
    if send:
        page.get_by_role("button", name="Trình Hội đồng").click()
        expect(page.locator(".nstate")).to_have_text("Trình Hội đồng")
    else:
        page.get_by_label("Lý do, nội dung cần bổ sung").fill(
            "Biên bản chưa có chữ ký của chủ tọa."
        )
        page.get_by_role("button", name="Trả lại để bổ sung").click()
        expect(page.locator(".alert--warning")).to_contain_text("Biên bản chưa có chữ ký")
    _shot(page, "4-sent" if send else "4-returned")
    assert errors == []
    context.close()


def test_nomination_journey(
    browser: Any, live_server: Any, kh: Kh, people: People, tmp_path: Path
) -> None:
    nomination = _draft(browser, live_server, kh, people, tmp_path)

    _submit(browser, live_server, people, via_queue=True)
    _review(browser, live_server, people, send=False)
    _submit(browser, live_server, people, via_queue=False)
    _review(browser, live_server, people, send=True)

    nomination.refresh_from_db()
    assert nomination.state == NominationState.TO_COUNCIL
    kinds = list(nomination.events.values_list("kind", flat=True))
    assert kinds[-6:] == [
        "submit",
        "review_start",
        "return",
        "submit",
        "review_start",
        "send_to_council",
    ]
