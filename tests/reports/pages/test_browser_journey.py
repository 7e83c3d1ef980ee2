"""A quarterly report from the unit head's phone to the consolidated report, in a browser.

The head of Sở Y tế writes the Quý IV/2024 report (a summary, a narrative, a figure, a
photo) and confirms and submits it; the Ban TĐKT finds it on time in the submission
table, receives it (HTMX swaps the row), asks for the consolidated report, watches the
progress bar fill while the real task worker runs, and downloads the DOCX.

The worker (``db_worker --batch``) runs in the test's own thread while the page polls:
the live server shares the test's in-memory database, which a separate worker process
could not see. Time is frozen at Tuesday 10/12/2024 09:00 (Vietnam time). The
``browser`` fixture (Debian Chromium) comes from tests/chromium.py.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.uploads import png_bytes
from thidua.reports.models import Consolidation, ConsolidationState, ReportState, UnitReport

#: Where the journey leaves its screenshots, to be looked at.
SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-reports-journey"
SUMMARY = "Sở Y tế hoàn thành khám sàng lọc cho 1.200 người dân."


def _sign_in(browser, live_server, user, width: int, path: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next={path}")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def _submit(browser, live_server, people, kh, width: int) -> None:  # type: ignore[no-untyped-def]
    context, page, errors = _sign_in(browser, live_server, people.health_head, width, "/bao-cao/")
    card = page.locator(".report-card", has_text="Quý IV/2024")
    expect(card).to_contain_text("Chưa nộp")
    expect(card).to_contain_text("Còn 5 ngày")
    _shot(page, "1-unit-list", width)
    card.get_by_role("link", name="Lập báo cáo").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Báo cáo Quý IV/2024")
    expect(page.locator(".prefill")).to_contain_text("Số liệu tự động")
    page.get_by_label("Tóm tắt kết quả").fill(SUMMARY)
    page.locator("summary", has_text="ND1. Phát triển kinh tế").click()
    page.get_by_label("ND1. Phát triển kinh tế").fill("Khám sàng lọc tại 11 trạm y tế xã.")
    page.get_by_label("Tên số liệu 1").fill("Số lượt khám")
    page.get_by_label("Giá trị 1").fill("1.234,5")
    page.get_by_label("Thêm tệp").set_input_files(
        {"name": "kham-sang-loc.png", "mimeType": "image/png", "buffer": png_bytes(24, 16)}
    )
    _shot(page, "2-form", width)
    page.once("dialog", lambda dialog: dialog.accept())  # "Xác nhận … và nộp?"
    page.get_by_role("button", name="Xác nhận và nộp").click()

    expect(page.locator(".messages")).to_contain_text(
        "Đã nộp báo cáo Quý IV/2024 đúng hạn (hạn áp dụng 15/12/2024)."
    )
    expect(page.locator("[data-report-state]")).to_have_text("Đã nộp đúng hạn")
    expect(page.locator(".report-figures")).to_contain_text("1.234,5")
    expect(page.locator(".attachments")).to_contain_text("kham-sang-loc.png")
    _shot(page, "3-submitted", width)
    assert errors == []
    context.close()


def _receive_and_consolidate(browser, live_server, people, width: int) -> bytes:  # type: ignore[no-untyped-def]
    context, page, errors = _sign_in(browser, live_server, people.secretariat, width, "/bao-cao/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kỳ báo cáo")
    page.get_by_role("link", name="Quý IV/2024").click()

    row = page.locator("tr.submission", has_text="Sở Y tế")
    expect(row).to_contain_text("Đã nộp đúng hạn")
    expect(row).to_contain_text("10/12/2024 09:00")
    expect(page.locator("[data-count=on_time]")).to_have_text("1")
    _shot(page, "4-table", width)
    row.get_by_role("button", name="Tiếp nhận").click()
    expect(page.locator("tr.submission", has_text="Sở Y tế")).to_contain_text("Đã tiếp nhận.")
    expect(page).to_have_url(re.compile(r"/bao-cao/ky/\d+/$"))  # swapped, not reloaded
    _shot(page, "5-received", width)

    page.get_by_role("button", name="Tổng hợp báo cáo").click()
    progress = page.locator("#consolidation-progress")
    expect(progress).to_contain_text("Đang chờ")
    expect(progress).to_contain_text("0 %")
    _shot(page, "6-queued", width)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    expect(progress).to_contain_text("Hoàn tất", timeout=15_000)  # the page polls every 2 s
    expect(progress).to_contain_text("100 %")
    _shot(page, "7-done", width)
    with page.expect_download() as download:
        page.get_by_role("link", name="Báo cáo tổng hợp (Word, DOCX)").click()
    assert download.value.suggested_filename == "bao-cao-tong-hop-kh-128-thu-2024-q4.docx"
    content = Path(download.value.path()).read_bytes()
    assert errors == []
    context.close()
    return content


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_report_journey_submit_receive_consolidate_download(
    live_server, browser, kh, people, province, q4, width
):
    _submit(browser, live_server, people, kh, width)
    report = UnitReport.objects.get(period=q4, unit=province.health)
    assert (report.state, report.submitted_late) == (ReportState.SUBMITTED, False)
    assert report.figures == {"Số lượt khám": "1234.5"}

    content = _receive_and_consolidate(browser, live_server, people, width)

    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    assert Consolidation.objects.get().state == ConsolidationState.DONE
    assert content[:2] == b"PK"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert "báo cáo kết quả thực hiện quý IV/2024" in text
