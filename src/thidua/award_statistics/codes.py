"""Error codes and event kinds of the annual statistical report."""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    NOT_A_PROVINCE = "not_a_province"
    BAD_YEAR = "bad_year"
    BAD_SENT_DATE = "bad_sent_date"


class EventKind(enum.StrEnum):
    SEND = "send"
    REOPEN = "reopen"
