"""The exemplary-model workflow as a table: (state, action) → new state, and who may act.

draft → submitted → approved → published, or → returned (with the reason) from submitted
or approved; a returned story is corrected and submitted again; a published story may be
withdrawn from the public site (back to approved, with the reason). The Ban TĐKT approves
and publishes: it selects the exemplary models for the media (KH 128 IV.5).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.exemplars.models import ExemplarState


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"


class Actor(StrEnum):
    """Who may act: the story's author side (its unit's staff or the Ban TĐKT), or the
    Ban TĐKT covering the campaign as approver."""

    AUTHOR = "author"
    APPROVER = "approver"


S = ExemplarState
TRANSITIONS: dict[tuple[ExemplarState, Action], tuple[ExemplarState, Actor]] = {
    (S.DRAFT, Action.SUBMIT): (S.SUBMITTED, Actor.AUTHOR),
    (S.RETURNED, Action.SUBMIT): (S.SUBMITTED, Actor.AUTHOR),
    (S.SUBMITTED, Action.APPROVE): (S.APPROVED, Actor.APPROVER),
    (S.SUBMITTED, Action.RETURN): (S.RETURNED, Actor.APPROVER),
    (S.APPROVED, Action.RETURN): (S.RETURNED, Actor.APPROVER),
    (S.APPROVED, Action.PUBLISH): (S.PUBLISHED, Actor.APPROVER),
    (S.PUBLISHED, Action.UNPUBLISH): (S.APPROVED, Actor.APPROVER),
}

#: States in which the author may still edit the story and its photos.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})


def allowed_actions(state: ExemplarState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]
