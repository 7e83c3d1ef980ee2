"""The works workflow as a table: (state, action) → new state, and who may act.

draft → submitted → approved | returned (reason, what to fix) → in progress →
completed | cancelled (reason). Returned works are corrected and submitted again. A change
request on an approved work is pending until the approver accepts or rejects it.
The approver is the level above: the district for its communes, the campaign's issuing
level (Ban TĐKT) for departments and district-level units (KH 128 section II.2).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.works.models import ChangeRequestState, WorkState


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    START = "start"
    COMPLETE = "complete"
    CANCEL = "cancel"


class Actor(StrEnum):
    """Who may take an action: the unit's own staff, or the approving level."""

    UNIT = "unit"
    APPROVER = "approver"


S = WorkState
TRANSITIONS: dict[tuple[WorkState, Action], tuple[WorkState, Actor]] = {
    (S.DRAFT, Action.SUBMIT): (S.SUBMITTED, Actor.UNIT),
    (S.RETURNED, Action.SUBMIT): (S.SUBMITTED, Actor.UNIT),
    (S.SUBMITTED, Action.APPROVE): (S.APPROVED, Actor.APPROVER),
    (S.SUBMITTED, Action.RETURN): (S.RETURNED, Actor.APPROVER),
    (S.APPROVED, Action.START): (S.IN_PROGRESS, Actor.UNIT),
    (S.IN_PROGRESS, Action.COMPLETE): (S.COMPLETED, Actor.UNIT),
    (S.DRAFT, Action.CANCEL): (S.CANCELLED, Actor.UNIT),
    (S.RETURNED, Action.CANCEL): (S.CANCELLED, Actor.UNIT),
    (S.APPROVED, Action.CANCEL): (S.CANCELLED, Actor.APPROVER),
    (S.IN_PROGRESS, Action.CANCEL): (S.CANCELLED, Actor.APPROVER),
}

#: Fields a unit may still edit directly; after approval only a change request may.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})


def allowed_actions(state: WorkState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]


class ChangeAction(StrEnum):
    """The approver's decision on a change request."""

    ACCEPT = "accept"
    REJECT = "reject"


C = ChangeRequestState
#: A change request is decided once: pending → accepted (the change is applied) | rejected.
#: Only the approver of the work decides (``works.rules.is_work_approver``).
CHANGE_TRANSITIONS: dict[tuple[ChangeRequestState, ChangeAction], ChangeRequestState] = {
    (C.PENDING, ChangeAction.ACCEPT): C.ACCEPTED,
    (C.PENDING, ChangeAction.REJECT): C.REJECTED,
}
