"""Error codes and history kinds of exemplary models; their values are stored and sent
by the API, so they stay as they are. Workflow events take ``transitions.Action``.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of the ``DomainError``s exemplary models raise."""

    BAD_AREA = "bad_area"
    BAD_KIND = "bad_kind"
    NOT_A_PHOTO = "not_a_photo"
    NOT_EDITABLE = "not_editable"
    PHOTO_REQUIRED = "photo_required"
    REASON_REQUIRED = "reason_required"
    REQUIRED = "required"
    TOO_MANY_PHOTOS = "too_many_photos"


class EventKind(StrEnum):
    """Kinds of ``ExemplarEvent`` other than the workflow's actions."""

    CREATE = "create"
    UPDATE = "update"
    PHOTO_ADD = "photo_add"
    PHOTO_REMOVE = "photo_remove"
    FROM_WORK = "from_work"
    FROM_NOMINATION = "from_nomination"
