"""The codes of the refusals targets raise (``DomainError.code``): what a program reads."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Why a write to targets was refused."""

    INVALID_TARGET_VALUE = "invalid_target_value"
    INVALID_TARGET = "invalid_target"
    CAMPAIGN_CLOSED = "campaign_closed"
    VALUES_FILE_INVALID = "target_values_file_invalid"
