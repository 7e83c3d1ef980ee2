"""Accounts in bulk from an Excel list: all or nothing, every error by row, the initial
passwords once, and only in the units of the importer's own province."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.factories import UnitFactory, member
from tests.pages import page_text, signed_in
from thidua.accounts.models import Membership, Role, User
from thidua.desk.accounts_import.services import INITIAL_ROUNDS
from thidua.desk.accounts_import.sheet import MAX_ROWS, SHEET, template_bytes
from thidua.organisations.models import UnitKind

IMPORT = reverse("core:accounts_import")


def workbook(*rows: tuple[object, ...]) -> bytes:
    """The template filled with ``rows`` (username, full name, unit, role, e-mail, position)."""
    book = load_workbook(io.BytesIO(template_bytes()))
    for row in rows:
        book[SHEET].append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "tai-khoan.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def passwords(content: bytes) -> dict[str, str]:
    rows = load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
    return {row[0]: row[4] for row in list(rows)[1:] if row[0] and row[4]}


@pytest.fixture
def other_province(db):
    root = UnitFactory(code="Q", name="UBND tỉnh Khác", kind=UnitKind.PROVINCE)
    return UnitFactory(
        code="Q-SYT", name="Sở Y tế tỉnh Khác", kind=UnitKind.DEPARTMENT, parent=root
    )


@pytest.fixture
def board(province):
    return member(province.home_affairs, Role.SECRETARIAT)


def test_command_creates_every_account_and_writes_the_passwords_once(province, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(workbook(
        ("canbo.a1", "Lâm Văn Tài", "P-A-1", "Cán bộ đơn vị", "tai@example.invalid", "Công chức"),
        ("gd.syt", "Thạch Văn Minh", "P-SYT", "unit_head", None, "Giám đốc"),
    ))  # fmt: skip
    out = tmp_path / "mk.xlsx"

    call_command("accounts", "import", str(path), "--passwords-out", str(out))

    given = passwords(out.read_bytes())
    tai = User.objects.get(username="canbo.a1")
    assert (tai.full_name, tai.email, tai.position) == (
        "Lâm Văn Tài",
        "tai@example.invalid",
        "Công chức",
    )
    assert [(m.unit.code, m.role) for m in tai.memberships.all()] == [("P-A-1", Role.UNIT_OFFICER)]
    assert Membership.objects.get(user__username="gd.syt").role == Role.UNIT_HEAD
    assert sorted(given) == ["canbo.a1", "gd.syt"]
    assert tai.check_password(given["canbo.a1"])
    with pytest.raises(CommandError, match="đã có; chọn tên khác"):
        call_command("accounts", "import", str(path), "--passwords-out", str(out))


def test_bad_rows_are_all_listed_by_row_and_nothing_is_written(province, tmp_path):
    member(province.health, Role.UNIT_OFFICER, user__username="da.co")
    path = tmp_path / "ds.xlsx"
    path.write_bytes(workbook(
        ("tot", "Người Tốt", "P-SYT", "Cán bộ đơn vị"),
        ("sai.ma", "Người B", "86-SXX", "Cán bộ đơn vị"),
        ("tot", "Người Trùng", "P-SYT", "Cán bộ đơn vị"),
        ("DA.CO", "Người Có Rồi", "P-SYT", "Cán bộ đơn vị"),
        ("vai.tro", "Người C", "P-SYT", "Giám đốc"),
        ("quan.tri", "Người D", "P", "Quản trị hệ thống"),
        ("thu.sai", "Người E", "P-SYT", "Cán bộ đơn vị", "khong-phai-thu"),
        ("có dấu", "", "P-SYT", "Cán bộ đơn vị"),
    ))  # fmt: skip
    before = User.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("accounts", "validate", str(path))
    with pytest.raises(CommandError):
        call_command("accounts", "import", str(path), "--passwords-out", str(tmp_path / "mk.xlsx"))

    lines = str(refused.value).splitlines()
    assert lines[0] == "Tệp có 8 lỗi; chưa tạo tài khoản nào."
    assert "Dòng 3: mã đơn vị 86-SXX không có; sửa mã hoặc nạp đơn vị trước." in lines
    assert "Dòng 4: tên đăng nhập “tot” trùng với dòng 2; mỗi người một tên đăng nhập." in lines
    assert any(
        line.startswith("Dòng 5: tên đăng nhập “DA.CO” đã có trong hệ thống") for line in lines
    )
    assert any(line.startswith("Dòng 6: vai trò “Giám đốc” không có") for line in lines)
    assert any(
        line.startswith("Dòng 7: vai trò “Quản trị hệ thống” không cấp qua danh sách")
        for line in lines
    )
    assert "Dòng 8: thư điện tử “khong-phai-thu” không hợp lệ; sửa hoặc để trống." in lines
    assert "Dòng 9: thiếu “Họ và tên”; điền vào ô này." in lines
    assert any(
        line.startswith("Dòng 9: tên đăng nhập “có dấu” chỉ được có chữ không dấu")
        for line in lines
    )
    assert User.objects.count() == before
    assert not (tmp_path / "mk.xlsx").exists()


def test_ended_unit_is_refused_naming_its_end(province, tmp_path):
    UnitFactory(code="P-CU", name="Sở Cũ", kind=UnitKind.DEPARTMENT, parent=province.root,
                valid_to="2025-06-30")  # fmt: skip
    path = tmp_path / "ds.xlsx"
    path.write_bytes(workbook(("cu", "Người Cũ", "P-CU", "Cán bộ đơn vị")))

    with pytest.raises(
        CommandError, match="Dòng 2: đơn vị P-CU \\(Sở Cũ\\) hết hiệu lực sau ngày 30/06/2025"
    ):
        call_command("accounts", "validate", str(path))


def test_not_the_template_or_too_long_is_refused_saying_why(province, tmp_path):
    text = tmp_path / "ds.xlsx"
    text.write_text("username,name\n", encoding="utf-8")
    long = tmp_path / "dai.xlsx"
    long.write_bytes(
        workbook(*[(f"u{i}", "Tên", "P-SYT", "Cán bộ đơn vị") for i in range(MAX_ROWS + 1)])
    )

    with pytest.raises(CommandError, match=re.escape("Hãy tải lên tệp Excel (.xlsx) theo mẫu")):
        call_command("accounts", "validate", str(text))
    with pytest.raises(CommandError, match=f"Tệp có hơn {MAX_ROWS} dòng; hãy chia thành nhiều tệp"):
        call_command("accounts", "validate", str(long))


def test_template_downloaded_in_english_is_read_too(province, tmp_path):
    with translation.override("en"):
        data = workbook(("en.user", "Người Anh", "P-SYT", "unit_officer"))
    path = tmp_path / "en.xlsx"
    path.write_bytes(data)
    out = io.StringIO()

    call_command("accounts", "validate", str(path), stdout=out)

    assert out.getvalue().strip() == "Tệp hợp lệ: 1 tài khoản."


def test_template_lists_the_roles_but_not_the_system_administrator(tmp_path, db):
    out = tmp_path / "mau.xlsx"

    call_command("accounts", "template", "--out", str(out))

    book = load_workbook(out)
    header = next(book[SHEET].iter_rows(values_only=True))
    roles = [row[1] for row in list(book["Vai trò"].iter_rows(values_only=True))[1:]]
    assert header[:4] == ("Tên đăng nhập (*)", "Họ và tên (*)", "Mã đơn vị (*)", "Vai trò (*)")
    assert Role.SECRETARIAT in roles and Role.UNIT_OFFICER in roles
    assert Role.ADMIN not in roles


def test_board_previews_then_confirms_and_downloads_the_passwords_once(province, board):
    client = signed_in(board)
    data = workbook(("canbo.a2", "Kim Thị Sa Rết", "P-A-2", "Cán bộ đơn vị"))

    preview = client.post(IMPORT, {"file": upload(data)})
    assert User.objects.filter(username="canbo.a2").count() == 0
    confirmed = client.post(IMPORT, {"action": "confirm"})
    again = client.post(IMPORT, {"action": "confirm"})

    assert "Xem trước: 1 tài khoản sẽ được tạo" in page_text(preview)
    assert "Kim Thị Sa Rết" in page_text(preview) and "Xã Hòa Ân" in page_text(preview)
    assert confirmed["Content-Disposition"] == 'attachment; filename="mat-khau-ban-dau.xlsx"'
    given = passwords(confirmed.content)
    assert User.objects.get(username="canbo.a2").check_password(given["canbo.a2"])
    assert "Không còn danh sách chờ xác nhận; hãy tải tệp lên lại." in page_text(again)
    assert User.objects.filter(username="canbo.a2").count() == 1
    logged = LogEntry.objects.get(object_repr__contains="Kim Thị Sa Rết")
    assert (logged.user, logged.action_flag) == (board, ADDITION)


def test_board_page_lists_errors_by_row_and_writes_nothing(province, board):
    data = workbook(("x", "Người X", "86-SXX", "Cán bộ đơn vị"))

    response = signed_in(board).post(IMPORT, {"file": upload(data)})

    assert "Dòng 2: mã đơn vị 86-SXX không có; sửa mã hoặc nạp đơn vị trước." in page_text(response)
    assert not User.objects.filter(username="x").exists()


def test_confirm_checks_the_rows_again(province, board):
    client = signed_in(board)
    client.post(IMPORT, {"file": upload(workbook(
        ("moi", "Người Mới", "P-SYT", "Cán bộ đơn vị"),
        ("ke.tiep", "Người Kế", "P-SYT", "Cán bộ đơn vị"),
    ))})  # fmt: skip
    member(province.health, user__username="moi")

    response = client.post(IMPORT, {"action": "confirm"})

    assert "Dòng 2: tên đăng nhập “moi” đã có trong hệ thống" in page_text(response)
    assert not User.objects.filter(username="ke.tiep").exists()


def test_unit_officer_may_not_create_accounts(province):
    officer = member(province.health, Role.UNIT_OFFICER)
    client = signed_in(officer)
    before = User.objects.count()

    page = client.get(IMPORT)
    posted = client.post(IMPORT, {"file": upload(workbook(("x", "X", "P-SYT", "Cán bộ đơn vị")))})
    template = client.get(reverse("core:accounts_template"))

    assert page.status_code == posted.status_code == template.status_code == 403
    assert "Chỉ Ban Thi đua - Khen thưởng của tỉnh tạo tài khoản hàng loạt." in page_text(page)
    assert User.objects.count() == before


def test_province_cannot_create_accounts_in_another_province(province, board, other_province):
    other_board = member(other_province, Role.SECRETARIAT)
    data = workbook(("ngoai", "Người Ngoài", "Q-SYT", "Cán bộ đơn vị"))

    refused = signed_in(board).post(IMPORT, {"file": upload(data)})
    accepted = signed_in(other_board).post(IMPORT, {"file": upload(data)})

    assert ("Dòng 2: đơn vị Q-SYT (Sở Y tế tỉnh Khác) không thuộc tỉnh của bạn; chỉ tạo tài "
            "khoản cho đơn vị trong tỉnh mình.") in page_text(refused)  # fmt: skip
    assert "Xem trước: 1 tài khoản sẽ được tạo" in page_text(accepted)
    assert not User.objects.filter(username="ngoai").exists()


@pytest.mark.parametrize("count", [1, 3])
def test_preview_queries_do_not_grow_with_rows(province, board, count):
    rows = [(f"u{i}", "Tên", "P-SYT" if i % 2 else "P-A-1", "Cán bộ đơn vị") for i in range(count)]
    client = signed_in(board)
    client.get(IMPORT)

    with CaptureQueriesContext(connection) as queries:
        response = client.post(IMPORT, {"file": upload(workbook(*rows))})

    assert f"Xem trước: {count} tài khoản" in page_text(response)
    assert len(queries) == 11


def test_initial_password_is_rehashed_with_full_rounds_at_first_sign_in(
    province, board, settings, client
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    confirmed = signed_in(board)
    confirmed.post(
        IMPORT, {"file": upload(workbook(("lan", "Phạm Thị Lan", "P-SYT", "Cán bộ đơn vị")))}
    )
    given = passwords(confirmed.post(IMPORT, {"action": "confirm"}).content)
    first_hash = User.objects.get(username="lan").password

    signed = client.post(reverse("accounts:login"), {"username": "lan", "password": given["lan"]})

    assert first_hash.startswith(f"pbkdf2_sha256${INITIAL_ROUNDS}$")
    assert signed.status_code == 302
    assert not User.objects.get(username="lan").password.startswith(
        f"pbkdf2_sha256${INITIAL_ROUNDS}$"
    )
