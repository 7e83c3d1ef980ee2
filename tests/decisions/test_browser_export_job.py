"""On a phone, the Ban TĐKT exports the whole award history: past the direct limit the
button opens the export's progress page, which follows the worker by itself and then
offers the file (issue #16)."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.accessibility import axe_problems
from tests.factories.decisions import issued

#: Screenshots to look at: /tmp/thidua-export-job-{step}-390.png
SCREENSHOTS = str(Path(tempfile.gettempdir()) / "thidua-export-job-{step}-390.png")


@pytest.mark.browser
def test_history_export_job_on_a_phone(transactional_db, live_server, browser, world, settings):
    settings.EXPORT_DIRECT_ROWS = 2
    issued(world)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/quyet-dinh/lich-su/")
    page.get_by_label("Tên đăng nhập").fill(world.secretariat.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Xuất Excel (XLSX)").click()

    expect(page.get_by_role("heading", name="Xuất tệp: Lịch sử khen thưởng")).to_be_visible()
    expect(page.get_by_text("Đang chờ")).to_be_visible()
    expect(page.get_by_role("button", name="Hủy xuất tệp")).to_be_visible()
    assert axe_problems(page) == []
    page.screenshot(path=SCREENSHOTS.format(step="queued"), full_page=True)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    download_link = page.get_by_role("link", name=re.compile(r"Tải về lich-su-khen-thuong-"))
    expect(download_link).to_be_visible()
    expect(page.locator(".export-job__percent")).to_have_text("100 %")
    expect(page.get_by_text("4/4 dòng")).to_be_visible()
    assert axe_problems(page) == []
    page.screenshot(path=SCREENSHOTS.format(step="done"), full_page=True)
    with page.expect_download() as waited:
        download_link.click()
    sheet = load_workbook(io.BytesIO(Path(waited.value.path()).read_bytes())).active
    assert sheet.max_row == 5  # the header and the four awards
    context.close()
