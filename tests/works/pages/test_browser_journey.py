"""A work from registration to the "Vượt tiến độ" list, in a real browser.

The commune officer registers a work (the live look-alike check flags the provincial
work on the way), the district approves it from its queue (HTMX swaps the row), the
commune reports progress with a photo and completes it before its planned finish, and
the Ban TĐKT finds it among the works ahead of schedule. Time is frozen at 01/3/2025. The ``browser`` fixture (Debian Chromium) comes from
tests/chromium.py.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.uploads import png_bytes
from thidua.works.models import Work, WorkState

#: Where the journey leaves its screenshots, to be looked at.
SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-works-journey"
TITLE = "Nhà văn hóa ấp Phong Thới"


def _sign_in(browser, live_server, user, width: int) -> tuple[object, Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/cong-trinh/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def _register(browser, live_server, people, width: int) -> Work:
    context, page, errors = _sign_in(browser, live_server, people.a1_officer, width)
    expect(page.locator("[data-quota]")).to_contain_text("Đã đăng ký 0/1 — còn thiếu 1")
    _shot(page, "1-unit", width)
    page.get_by_role("link", name="Đăng ký công trình").click()

    title = page.get_by_label("Tên công trình, dự án, phần việc")
    title.press_sequentially("San van dong tinh", delay=10)
    expect(page.locator("#similar-results")).to_contain_text("không được đăng ký trùng")
    _shot(page, "2-form-similar", width)
    title.fill("")
    title.press_sequentially(TITLE, delay=10)
    expect(page.locator("#similar-results")).to_contain_text("Chưa thấy công trình nào")
    page.get_by_label("Ngày bắt đầu dự kiến").fill("01/01/2025")
    page.get_by_label("Ngày hoàn thành dự kiến").fill("30/06/2025")
    page.get_by_label("Kinh phí (triệu đồng)").fill("850,5")
    page.get_by_role("button", name="Lưu và gửi duyệt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".work-head")).to_contain_text("Chờ duyệt")
    _shot(page, "3-submitted", width)
    assert errors == []
    context.close()
    return Work.objects.get(title=TITLE)


def _approve(browser, live_server, people, width: int) -> None:
    context, page, errors = _sign_in(browser, live_server, people.district_a_officer, width)
    page.locator(".works-nav").get_by_role("link", name="Duyệt đăng ký").click()
    row = page.locator(".queue-item", has_text=TITLE)
    expect(row).to_contain_text("Xã Phong Phú")
    _shot(page, "4-queue", width)
    row.get_by_role("button", name="Duyệt").click()

    expect(page.locator(".queue-item", has_text=TITLE)).to_contain_text("Đã duyệt.")
    expect(page).to_have_url(re.compile(r"/cong-trinh/duyet/$"))  # swapped, not reloaded
    _shot(page, "5-approved", width)
    assert errors == []
    context.close()


def _progress_and_complete(browser, live_server, people, work: Work, width: int) -> None:
    context, page, errors = _sign_in(browser, live_server, people.a1_officer, width)
    card = page.locator(".work-card", has_text=TITLE)
    expect(card).to_contain_text("Việc tiếp theo: Cập nhật tiến độ")
    card.get_by_role("link", name="Cập nhật tiến độ").click()

    form = page.locator("#cap-nhat-tien-do")
    expect(form).to_have_attribute("open", "")
    expect(form.get_by_label("Ngày cập nhật")).to_have_value("01/03/2025")
    form.get_by_label("Tiến độ (%)").fill("60")
    form.get_by_label("Nội dung thực hiện").fill("Đã xong phần móng và tường bao.")
    form.get_by_label("Hình ảnh, tài liệu minh chứng").set_input_files(
        {"name": "mong-nha.png", "mimeType": "image/png", "buffer": png_bytes(24, 16)}
    )
    form.get_by_role("button", name="Lưu tiến độ").click()

    expect(page.locator(".messages")).to_contain_text("Đã cập nhật tiến độ.")
    photo = page.locator(".gallery__item img")
    expect(photo).to_have_attribute("alt", "Ảnh mong-nha.png")
    photo.scroll_into_view_if_needed()  # thumbnails load lazily
    page.wait_for_function(  # served by the permission-checked view, decoded as a PNG
        "() => { const i = document.querySelector('.gallery__item img');"
        " return i && i.complete && i.naturalWidth === 24; }"
    )
    _shot(page, "6-progress", width)

    page.locator("summary", has_text="Báo hoàn thành").click()
    complete = page.locator("#bao-hoan-thanh")
    expect(complete.get_by_label("Ngày hoàn thành thực tế")).to_have_value("01/03/2025")
    complete.get_by_role("button", name="Xác nhận hoàn thành").click()

    expect(page.locator(".work-head")).to_contain_text("Hoàn thành")
    expect(page.locator(".work-head .flag--ahead")).to_have_text("Vượt tiến độ")
    _shot(page, "7-completed", width)
    assert errors == []
    context.close()


def _ahead(browser, live_server, people, width: int) -> None:
    context, page, errors = _sign_in(browser, live_server, people.secretariat, width)
    expect(page.get_by_role("heading", level=1)).to_have_text("Theo dõi đăng ký công trình")
    _shot(page, "8-compliance", width)
    page.locator(".works-nav").get_by_role("link", name="Vượt tiến độ").click()

    card = page.locator(".work-card", has_text=TITLE)
    expect(card).to_contain_text("sớm 121 ngày")
    expect(card).to_contain_text(re.compile(r"Hoàn thành thực tế\s*01/03/2025"))
    expect(card).to_contain_text("Xã Phong Phú")
    _shot(page, "9-ahead", width)
    assert errors == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_work_journey_register_approve_progress_complete_ahead(
    live_server, browser, kh, people, width
):
    work = _register(browser, live_server, people, width)
    assert (work.state, str(work.budget)) == (WorkState.SUBMITTED, "850.5")

    _approve(browser, live_server, people, width)
    _progress_and_complete(browser, live_server, people, work, width)
    _ahead(browser, live_server, people, width)

    work.refresh_from_db()
    assert work.state == WorkState.COMPLETED
    assert work.actual_finish.isoformat() == "2025-03-01"
