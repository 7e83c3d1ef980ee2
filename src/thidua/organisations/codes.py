"""The codes of the refusals organisations raises (``DomainError.code``): what a program
reads."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Why loading units or clusters/blocks was refused."""

    DATA_FILE_INVALID = "data_file_invalid"
