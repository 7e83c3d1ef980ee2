"""Codes of the awards app: the error codes of its refusals, the kinds of its events
(besides the workflow's actions, ``transitions.Action``), and the codes of the shipped
award forms (``data/award-forms.yaml``), for code that names one.

The enums' values are the strings stored in events and returned by the API: never change
one.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """``DomainError.code`` of the awards app's refusals (eligibility refusals carry the
    code of the failing rule, ``eligibility.CheckResult.code``)."""

    BAD_BASIS = "bad_basis"
    BAD_FILE = "bad_file"
    BAD_HEADER = "bad_header"
    BAD_KIND = "bad_kind"
    BAD_MERGE = "bad_merge"
    BAD_PHASE = "bad_phase"
    BAD_SECTION = "bad_section"
    BAD_SUBJECT = "bad_subject"
    BAD_TARGET = "bad_target"
    BAD_VALUE = "bad_value"
    BAD_WORK = "bad_work"
    BIRTH_YEAR = "birth_year"
    GRANTOR_REQUIRED = "grantor_required"
    KIND_REQUIRED = "kind_required"
    MERGE_CONFLICT = "merge_conflict"
    MERGED_NOMINEE = "merged_nominee"
    NAME_REQUIRED = "name_required"
    NOT_EDITABLE = "not_editable"
    NOTE_REQUIRED = "note_required"
    ONE_AWARD = "one_award"
    REASON_REQUIRED = "reason_required"
    WOMEN_SHARE = "women_share"


class EventKind(StrEnum):
    """``NominationEvent.kind`` of the changes that are no workflow move (a move's event
    has the kind of its ``transitions.Action``)."""

    CREATE = "create"
    UPDATE = "update"
    FILE_ADD = "file_add"
    FILE_REMOVE = "file_remove"
    DISTINCT_CONFIRMED = "distinct_confirmed"
    #: The proposing unit ended and its successor took the open nomination over.
    PROPOSER_MOVED = "proposer_moved"


BANG_KHEN_TINH = "bang-khen-tinh"
GIAY_KHEN = "giay-khen"
LDTT = "ldtt"
CSTDCS = "cstdcs"
CSTD_TINH = "cstd-tinh"
TTLDTT = "ttldtt"
TTLDXS = "ttldxs"
CO_THI_DUA_TINH = "co-thi-dua-tinh"
