"""The draft workflow as a table: draft → confirmed (a campaign is loaded) | discarded.

Field decisions (accept, correct, fill, remove) are open only while the draft is a draft.
"""

from __future__ import annotations

from enum import StrEnum

from thidua.plan_import.models import DraftStatus


class Action(StrEnum):
    REVIEW = "review"
    CONFIRM = "confirm"
    DISCARD = "discard"


S = DraftStatus
TRANSITIONS: dict[tuple[DraftStatus, Action], DraftStatus] = {
    (S.DRAFT, Action.REVIEW): S.DRAFT,
    (S.DRAFT, Action.CONFIRM): S.CONFIRMED,
    (S.DRAFT, Action.DISCARD): S.DISCARDED,
}


def allowed_actions(state: DraftStatus | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]
