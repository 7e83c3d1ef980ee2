"""The score-sheet workflow as a table: (state, action) → new state, and who may act.

draft → self_submitted (the unit's head) → reviewed (the cluster leader; for the
leader's own sheet the deputy, or the Ban TĐKT when there is no deputy) → confirmed (the
Ban TĐKT) → published (with the ranking). The reviewer returns a submitted sheet, the
Ban TĐKT a reviewed one, each with a reason; a returned sheet is corrected and submitted
again. Nobody reviews their own unit's sheet (LAW-NOTES §5: members cross-score).
A criteria set goes from draft to active once (``SET_TRANSITIONS``).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.scoring.models import SetState, SheetState


class Action(StrEnum):
    SUBMIT = "submit"
    REVIEW = "review"
    RETURN = "return"
    CONFIRM = "confirm"
    PUBLISH = "publish"


class Actor(StrEnum):
    """Who may take an action on a sheet."""

    UNIT_HEAD = "unit_head"
    REVIEWER = "reviewer"
    SECRETARIAT = "secretariat"


S = SheetState
TRANSITIONS: dict[tuple[SheetState, Action], tuple[SheetState, Actor]] = {
    (S.DRAFT, Action.SUBMIT): (S.SELF_SUBMITTED, Actor.UNIT_HEAD),
    (S.RETURNED, Action.SUBMIT): (S.SELF_SUBMITTED, Actor.UNIT_HEAD),
    (S.SELF_SUBMITTED, Action.REVIEW): (S.REVIEWED, Actor.REVIEWER),
    (S.SELF_SUBMITTED, Action.RETURN): (S.RETURNED, Actor.REVIEWER),
    (S.REVIEWED, Action.RETURN): (S.RETURNED, Actor.SECRETARIAT),
    (S.REVIEWED, Action.CONFIRM): (S.CONFIRMED, Actor.SECRETARIAT),
    (S.CONFIRMED, Action.PUBLISH): (S.PUBLISHED, Actor.SECRETARIAT),
}

#: States in which the unit may still change its own points and evidence.
SELF_EDITABLE = frozenset({S.DRAFT, S.RETURNED})


def allowed_actions(state: SheetState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]


class SetAction(StrEnum):
    """The Ban TĐKT puts a criteria set in force (the covenant is signed)."""

    ACTIVATE = "activate"


#: A criteria set is drafted, then put in force once; its criteria no longer change after.
SET_TRANSITIONS: dict[tuple[SetState, SetAction], SetState] = {
    (SetState.DRAFT, SetAction.ACTIVATE): SetState.ACTIVE,
}
