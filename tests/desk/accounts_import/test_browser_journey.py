"""The Ban TĐKT creates a province's accounts from Excel in a real browser, and one of
the new people signs in with the initial password from the downloaded file.

The ``browser`` fixture (Debian Chromium) comes from tests/chromium.py.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.desk.accounts_import.test_accounts_import import workbook
from tests.factories import member
from thidua.accounts.models import Role, User

pytestmark = pytest.mark.browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(*rows: tuple[object, ...]) -> dict[str, object]:
    return {"name": "tai-khoan.xlsx", "mimeType": XLSX, "buffer": workbook(*rows)}


@pytest.mark.django_db(transaction=True)
def test_board_creates_accounts_and_a_new_officer_signs_in(
    browser, live_server, province, tmp_path
):
    board = member(province.home_affairs, Role.SECRETARIAT)
    context = browser.new_context(
        viewport={"width": 390, "height": 900}, locale="vi-VN", accept_downloads=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(board.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Tạo tài khoản hàng loạt từ Excel").click()

    page.get_by_label("Danh sách tài khoản (.xlsx)").set_input_files(
        _file(
            ("canbo.a1", "Lâm Văn Tài", "P-A-1", "Cán bộ đơn vị"),
            ("x", "X", "86-SXX", "Cán bộ đơn vị"),
        )
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_role("alert")).to_contain_text("Dòng 3: mã đơn vị 86-SXX không có")
    page.get_by_label("Danh sách tài khoản (.xlsx)").set_input_files(
        _file(("canbo.a1", "Lâm Văn Tài", "P-A-1", "Cán bộ đơn vị"))
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#preview-title")).to_have_text("Xem trước: 1 tài khoản sẽ được tạo")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_download() as download:
        page.get_by_role("button", name="Xác nhận tạo tài khoản").click()
    saved = tmp_path / "mat-khau-ban-dau.xlsx"
    download.value.save_as(saved)
    book = load_workbook(saved)
    rows = list(book.active.iter_rows(values_only=True))
    password = rows[1][4]
    context.close()

    second = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    officer = second.new_page()
    officer.goto(live_server.url + "/tai-khoan/dang-nhap/")
    officer.get_by_label("Tên đăng nhập").fill("canbo.a1")
    officer.get_by_label("Mật khẩu").fill(password)
    officer.get_by_role("button", name="Đăng nhập").click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text("Lâm Văn Tài")
    second.close()
    assert User.objects.get(username="canbo.a1").memberships.get().unit == province.commune_a1
    assert errors == []
