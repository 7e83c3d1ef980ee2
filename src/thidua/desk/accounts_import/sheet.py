"""The workbooks of an account list: the template, reading a filled list, the passwords.

The list is read only after ``core.ooxml`` has checked the archive (no bomb, no forged
sizes); every text written into a workbook goes through ``documents.sheets.sheet_value``
(never a formula). openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.models import Role
from thidua.core.errors import DomainError
from thidua.core.text import fold, nfc
from thidua.core.uploads import xlsx_import_problem
from thidua.desk.codes import ErrorCode
from thidua.documents.sheets import sheet_value

#: The largest list accepted, in bytes and in rows: a province's departments, communes
#: and their officers fit in one file; a bigger list is split (stated in the message).
MAX_ROWS = 1000
SHEET = "Danh sách tài khoản"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    width: int
    required: bool


COLUMNS = (
    Column("username", gettext_lazy("Tên đăng nhập"), 20, True),
    Column("full_name", gettext_lazy("Họ và tên"), 28, True),
    Column("unit", gettext_lazy("Mã đơn vị"), 16, True),
    Column("role", gettext_lazy("Vai trò"), 30, True),
    Column("email", gettext_lazy("Thư điện tử"), 28, False),
    Column("position", gettext_lazy("Chức vụ"), 30, False),
)
#: Roles a list may give: a system administrator sees every province, so that role is
#: given by a superuser on the admin site, never through a province's list.
IMPORTABLE_ROLES = tuple(role for role in Role if role != Role.ADMIN)


@dataclass(frozen=True)
class SheetRow:
    """One filled row of the list: its row number in Excel and its cells as text."""

    number: int
    values: dict[str, str]


def _header(column: Column) -> str:
    return str(column.label) + (" (*)" if column.required else "")


def template_bytes() -> bytes:
    """The template: the list sheet with its header, the roles and how to fill it."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([_header(column) for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[chr(64 + index)].width = column.width
    sheet.freeze_panes = "A2"
    roles = book.create_sheet(_("Vai trò"))
    roles.append([_("Vai trò (ghi tên hoặc mã)"), _("Mã")])
    for role in IMPORTABLE_ROLES:
        roles.append([sheet_value(str(role.label)), role.value])
    roles.column_dimensions["A"].width = 44
    help_sheet = book.create_sheet(_("Hướng dẫn"))
    for line in _instructions():
        help_sheet.append([sheet_value(line)])
    help_sheet.column_dimensions["A"].width = 110
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _instructions() -> list[str]:
    return [
        _("Mỗi dòng của trang “%(sheet)s” là một tài khoản; cột có dấu (*) bắt buộc.")
        % {"sheet": SHEET},
        _("Tên đăng nhập: chữ không dấu, số và . _ - @ +, tối đa 150 ký tự, không trùng."),
        _(
            "Mã đơn vị: mã trong danh mục đơn vị (ví dụ 86-SNV, hoặc mã xã, phường 29590); nạp đơn vị trước."
        ),
        _("Vai trò: tên hoặc mã ở trang “Vai trò”."),
        _("Tệp có dòng sai thì không tài khoản nào được tạo; sửa các dòng được báo rồi tải lại."),
        _("Tối đa %(rows)s dòng mỗi tệp; danh sách dài hơn thì chia thành nhiều tệp.")
        % {"rows": MAX_ROWS},
    ]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def read_sheet(stream: IO[bytes], *, size: int) -> list[SheetRow]:
    """The filled rows of a list; refuse (``DomainError``) a file that is not the template.

    The archive is checked (``core.ooxml``) before openpyxl opens it; empty rows are
    skipped; more than ``MAX_ROWS`` rows is refused, saying the cap.
    """
    problem = xlsx_import_problem(stream, size)
    if problem is not None:
        raise DomainError(problem, code=ErrorCode.BAD_FILE)
    lines = _lines(stream)
    header = [fold(_text(value)).removesuffix(" (*)") for value in next(lines, ())]
    if header[: len(COLUMNS)] not in _headers():
        raise DomainError(
            _("Dòng tiêu đề không đúng mẫu (cần: %(columns)s); hãy tải tệp mẫu và điền lại.")
            % {"columns": ", ".join(str(column.label) for column in COLUMNS)},
            code=ErrorCode.BAD_FILE,
        )
    rows: list[SheetRow] = []
    for number, line in enumerate(lines, start=2):
        values = {c.key: _text(line[i] if i < len(line) else None) for i, c in enumerate(COLUMNS)}
        if not any(values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise DomainError(
                _(
                    "Tệp có hơn %(rows)s dòng; hãy chia thành nhiều tệp, mỗi tệp tối đa %(rows)s dòng."
                )
                % {"rows": MAX_ROWS},
                code=ErrorCode.TOO_MANY_ROWS,
            )
        rows.append(SheetRow(number, values))
    if not rows:
        raise DomainError(_("Tệp không có dòng nào để nhập."), code=ErrorCode.EMPTY)
    return rows


def _headers() -> list[list[str]]:
    """The template's header in each language of the site (a template downloaded in English
    is read by a Vietnamese shell too)."""
    headers = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            headers.append([fold(str(column.label)) for column in COLUMNS])
    return headers


def _lines(stream: IO[bytes]) -> Any:
    from openpyxl import load_workbook

    try:
        book = load_workbook(stream, read_only=True, data_only=True)
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        return iter(list(sheet.iter_rows(values_only=True)))
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise DomainError(
            _("Không đọc được tệp Excel; hãy dùng tệp mẫu (.xlsx)."), code=ErrorCode.BAD_FILE
        ) from exc


def passwords_bytes(accounts: Sequence[Any]) -> bytes:
    """The created accounts with their initial passwords, to hand to each person once."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Mật khẩu ban đầu")
    sheet.append([
        _("Tên đăng nhập"), _("Họ và tên"), _("Mã đơn vị"), _("Vai trò"), _("Mật khẩu ban đầu"),
    ])  # fmt: skip
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for account in accounts:
        sheet.append([sheet_value(account.username), sheet_value(account.full_name),
                      sheet_value(account.unit_code), sheet_value(account.role_label),
                      sheet_value(account.password)])  # fmt: skip
    for index, width in enumerate((20, 28, 16, 30, 20), start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    sheet.append([])
    sheet.append([sheet_value(_(
        "Giao mật khẩu cho từng người theo đường công văn; người dùng đổi mật khẩu ở lần "
        "đăng nhập đầu (trang Đổi mật khẩu). Hủy tệp này sau khi giao."
    ))])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
