"""The codes of the refusals desk raises itself (``DomainError.code``)."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Why an account list was refused."""

    BAD_FILE = "accounts_bad_file"  # not an .xlsx, unreadable, or not the template
    BAD_ROWS = "accounts_bad_rows"  # rows with errors: nothing written
    TOO_MANY_ROWS = "accounts_too_many_rows"
    EMPTY = "accounts_empty"
