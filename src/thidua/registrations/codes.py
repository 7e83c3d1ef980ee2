"""Error codes and history kinds of registrations; their values are stored and sent by the
API, so they stay as they are. Workflow events take ``transitions.Action``."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s registrations raise."""

    BAD_FILE = "bad_file"
    BAD_FORM = "bad_form"
    BAD_HEADER = "bad_header"
    BAD_YEAR = "bad_year"
    DUPLICATE_ENTRY = "duplicate_entry"
    EMPTY = "empty"
    NOT_EDITABLE = "not_editable"
    REASON_REQUIRED = "reason_required"
    REQUIRED = "required"


class EventKind(StrEnum):
    """Kinds of ``RegistrationEvent`` other than the workflow's actions."""

    CREATE = "create"
    ENTRY_ADD = "entry_add"
    ENTRY_REMOVE = "entry_remove"
    IMPORT = "import"
    NOTE = "note"
