"""Creating a province's accounts from a checked list: all of them, or none.

Each account gets a random initial password, returned once (for the Ban TĐKT to hand to
each person, as a Sở Nội vụ hands out accounts by official letter) and never stored in
clear. It is hashed with fewer PBKDF2 rounds than Django's default so that a list of a
thousand people is created in seconds, not minutes; the password is long and random, so
the fewer rounds do not make it guessable, and Django re-hashes it with the full rounds at
the person's first sign-in (``check_password`` upgrades a hash whose rounds differ).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, make_password
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from thidua.accounts.models import Membership, Scope, User
from thidua.core.errors import DomainError, NotPermitted
from thidua.desk.accounts_import.checks import AccountRow, check_rows
from thidua.desk.accounts_import.rules import account_provinces, may_import_accounts
from thidua.desk.accounts_import.sheet import SheetRow, read_sheet
from thidua.desk.codes import ErrorCode

#: No 0/O, 1/l/I: the password is read from paper and typed by hand.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 12
#: Rounds of the initial hash (about 70 bits of randomness make more unnecessary).
INITIAL_ROUNDS = 10_000


@dataclass(frozen=True)
class CreatedAccount:
    """An account just created, with the initial password to hand over once."""

    username: str
    full_name: str
    unit_code: str
    role_label: str
    password: str


class RowsRefused(DomainError):
    """The list has rows with errors; nothing was written."""

    code = ErrorCode.BAD_ROWS

    def __init__(self, errors: list[str]) -> None:
        super().__init__(
            _("Tệp có %(count)s lỗi; chưa tạo tài khoản nào.") % {"count": len(errors)}
        )
        self.errors = errors


def initial_password() -> str:
    """A random password of ``PASSWORD_LENGTH`` characters easy to read on paper."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _initial_hash(password: str) -> str:
    """The password hashed by the installation's hasher, with fewer rounds when it is PBKDF2."""
    default = get_hasher()
    if not isinstance(default, PBKDF2PasswordHasher):
        return make_password(password)
    hasher = type(default)()
    hasher.iterations = min(INITIAL_ROUNDS, default.iterations)
    return make_password(password, hasher=hasher)


def accounts_read(
    *, by: Any, stream: IO[bytes], size: int
) -> tuple[list[SheetRow], list[AccountRow]]:
    """The rows of an uploaded list and the accounts they make, checked whole for ``by``.

    Raises ``NotPermitted`` when ``by`` may create no account, ``DomainError`` for a file
    that is not the template, ``RowsRefused`` (with every row's error) for bad rows.
    """
    if not may_import_accounts(by):
        raise NotPermitted(_("Chỉ Ban Thi đua - Khen thưởng của tỉnh tạo tài khoản hàng loạt."))
    rows = read_sheet(stream, size=size)
    accounts, errors = check_rows(rows, provinces=account_provinces(by))
    if errors:
        raise RowsRefused(errors)
    return rows, accounts


def accounts_create(
    *, rows: Sequence[SheetRow], provinces: frozenset[str] | None
) -> list[CreatedAccount]:
    """Create one account and one membership per row, all in one transaction.

    The rows are checked again first (a unit or a username may have changed since the
    preview); any error raises ``RowsRefused`` and nothing is written. ``provinces``:
    ``rules.account_provinces`` of the person creating them (None: any province).
    """
    accounts, errors = check_rows(rows, provinces=provinces)
    if errors:
        raise RowsRefused(errors)
    created = []
    try:
        with transaction.atomic():
            for account in accounts:
                created.append(_create(account))
    except IntegrityError as exc:  # a username taken between the check and the write
        raise RowsRefused(
            [_("Một tên đăng nhập vừa được tạo ở nơi khác; hãy tải tệp lên lại.")]
        ) from exc
    return created


def accounts_import(*, by: Any, rows: Sequence[SheetRow]) -> list[CreatedAccount]:
    """``accounts_create`` for a person of the Ban TĐKT, within their province; each
    account created is recorded in the admin site's history under that person."""
    if not may_import_accounts(by):
        raise NotPermitted(_("Chỉ Ban Thi đua - Khen thưởng của tỉnh tạo tài khoản hàng loạt."))
    created = accounts_create(rows=rows, provinces=account_provinces(by))
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=User.objects.filter(username__in=[account.username for account in created]),
        action_flag=ADDITION,
        change_message=_("Tạo từ danh sách tài khoản Excel"),
    )
    return created


def _create(account: AccountRow) -> CreatedAccount:
    password = initial_password()
    user = User(
        username=account.username,
        full_name=account.full_name,
        email=account.email,
        position=account.position,
        password=_initial_hash(password),
    )
    user.full_clean(exclude=["password"])
    user.save()
    membership = Membership(user=user, unit=account.unit, role=account.role, scope=Scope.UNIT)
    membership.full_clean()
    membership.save()
    return CreatedAccount(
        username=user.username,
        full_name=user.full_name,
        unit_code=account.unit.code,
        role_label=str(account.role.label),
        password=password,
    )
