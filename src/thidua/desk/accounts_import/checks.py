"""The rows of an account list checked whole: accounts to create, or every error by row.

Each message names the Excel row and says what to fix, in Vietnamese ("Dòng 7: mã đơn vị
86-SXX không có; sửa mã hoặc nạp đơn vị trước."). Nothing here writes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import Role, User
from thidua.core.text import fold
from thidua.desk.accounts_import.rules import may_create_in
from thidua.desk.accounts_import.sheet import COLUMNS, IMPORTABLE_ROLES, SheetRow
from thidua.organisations.models import Unit

_USERNAME = re.compile(r"[A-Za-z0-9.@+_-]{1,150}")
_LONGEST = {"full_name": 255, "position": 255, "email": 254}
_ROLES = {fold(str(role.label)): role for role in IMPORTABLE_ROLES} | {
    fold(role.value): role for role in IMPORTABLE_ROLES
}


@dataclass(frozen=True)
class AccountRow:
    """An account to create: a person and their one role in one unit."""

    number: int
    username: str
    full_name: str
    unit: Unit
    role: Role
    email: str
    position: str


def check_rows(
    rows: Sequence[SheetRow], *, provinces: frozenset[str] | None
) -> tuple[list[AccountRow], list[str]]:
    """Every row as an account, or every error of every row (then no account at all).

    ``provinces`` are the tree paths of the provinces the importer may create accounts in
    (``rules.account_provinces``; None: any).
    """
    units = _units(rows)
    taken = _taken_usernames(rows)
    first_row: dict[str, int] = {}
    accounts: list[AccountRow] = []
    errors: list[str] = []
    for row in rows:
        found = [*_row_errors(row, units, provinces), *_username_errors(row, taken, first_row)]
        errors += [
            _("Dòng %(row)s: %(message)s") % {"row": row.number, "message": m} for m in found
        ]
        if not found:
            values = row.values
            accounts.append(AccountRow(
                number=row.number, username=values["username"], full_name=values["full_name"],
                unit=units[values["unit"]], role=_ROLES[fold(values["role"])],
                email=values["email"], position=values["position"],
            ))  # fmt: skip
    return ([] if errors else accounts), errors


def _units(rows: Sequence[SheetRow]) -> dict[str, Unit]:
    codes = {row.values["unit"] for row in rows if row.values["unit"]}
    return {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}


def _taken_usernames(rows: Sequence[SheetRow]) -> set[str]:
    wanted = {row.values["username"].lower() for row in rows if row.values["username"]}
    existing = User.objects.annotate(low=Lower("username")).filter(low__in=wanted)
    return set(existing.values_list("low", flat=True))


def _row_errors(
    row: SheetRow, units: dict[str, Unit], provinces: frozenset[str] | None
) -> list[str]:
    values = row.values
    errors = [
        _("thiếu “%(column)s”; điền vào ô này.") % {"column": column.label}
        for column in COLUMNS
        if column.required and not values[column.key]
    ]
    for key, longest in _LONGEST.items():
        if len(values[key]) > longest:
            errors.append(_("“%(column)s” dài %(length)s ký tự, tối đa %(longest)s: hãy rút gọn.")
                          % {"column": _label(key), "length": len(values[key]), "longest": longest})  # fmt: skip
    if values["unit"]:
        errors += _unit_errors(values["unit"], units.get(values["unit"]), provinces)
    role = _ROLES.get(fold(values["role"]))
    if values["role"] and role is None:
        message = _(
            "vai trò “%(role)s” không có; ghi tên hoặc mã một vai trò ở trang “Vai trò” của tệp mẫu."
        )
        if fold(values["role"]) in {fold(str(Role.ADMIN.label)), Role.ADMIN.value}:
            message = _("vai trò “%(role)s” không cấp qua danh sách (người quản trị thấy mọi tỉnh); người quản trị cài đặt cấp trên trang quản trị.")  # fmt: skip
        errors.append(message % {"role": values["role"]})
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.append(_("thư điện tử “%(email)s” không hợp lệ; sửa hoặc để trống.")
                          % {"email": values["email"]})  # fmt: skip
    return errors


def _unit_errors(code: str, unit: Unit | None, provinces: frozenset[str] | None) -> list[str]:
    if unit is None:
        return [_("mã đơn vị %(code)s không có; sửa mã hoặc nạp đơn vị trước.") % {"code": code}]
    today = timezone.localdate()
    if unit.valid_to is not None and unit.valid_to < today:
        return [_("đơn vị %(code)s (%(name)s) hết hiệu lực sau ngày %(date)s; dùng mã của đơn vị kế thừa.")
                % {"code": code, "name": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y")}]  # fmt: skip
    if not may_create_in(provinces, unit.path):
        return [_("đơn vị %(code)s (%(name)s) không thuộc tỉnh của bạn; chỉ tạo tài khoản cho đơn vị trong tỉnh mình.")
                % {"code": code, "name": unit.name}]  # fmt: skip
    return []


def _username_errors(row: SheetRow, taken: set[str], first_row: dict[str, int]) -> list[str]:
    username = row.values["username"]
    if not username:
        return []
    if not _USERNAME.fullmatch(username):
        return [_("tên đăng nhập “%(name)s” chỉ được có chữ không dấu, số và . _ - @ + (tối đa 150 ký tự); sửa lại.")
                % {"name": username}]  # fmt: skip
    low = username.lower()
    if low in first_row:
        return [_("tên đăng nhập “%(name)s” trùng với dòng %(first)s; mỗi người một tên đăng nhập.")
                % {"name": username, "first": first_row[low]}]  # fmt: skip
    first_row[low] = row.number
    if low in taken:
        return [_("tên đăng nhập “%(name)s” đã có trong hệ thống; chọn tên khác, hoặc xóa dòng nếu người này đã có tài khoản.")
                % {"name": username}]  # fmt: skip
    return []


def _label(key: str) -> Any:
    return next(column.label for column in COLUMNS if column.key == key)
