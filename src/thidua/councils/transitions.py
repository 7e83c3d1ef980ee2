"""The session workflow as a table: (state, action) → new state, and what may be done in
each state.

planned → open (attendance quorum checked) → closed (results counted, nominations
approved or not, minutes made). A closed session is immutable: nothing is allowed in it.
"""

from __future__ import annotations

from enum import StrEnum

from thidua.councils.models import SessionState


class Action(StrEnum):
    OPEN = "open"
    CLOSE = "close"


class Operation(StrEnum):
    """Changes inside a session that do not move its state."""

    EDIT_MEMBERS = "edit_members"
    EDIT_AGENDA = "edit_agenda"
    ATTENDANCE = "attendance"
    VOTE = "vote"
    WRITTEN_VOTE = "written_vote"


S = SessionState
TRANSITIONS: dict[tuple[SessionState, Action], SessionState] = {
    (S.PLANNED, Action.OPEN): S.OPEN,
    (S.OPEN, Action.CLOSE): S.CLOSED,
}

#: What may change in each state. Members and the agenda are fixed once the session is
#: open (the quorum was checked against them); votes are cast only while it is open.
OPERATIONS: dict[SessionState, frozenset[Operation]] = {
    S.PLANNED: frozenset({Operation.EDIT_MEMBERS, Operation.EDIT_AGENDA, Operation.ATTENDANCE}),
    S.OPEN: frozenset({Operation.VOTE, Operation.WRITTEN_VOTE}),
    S.CLOSED: frozenset(),
}


def allowed_actions(state: SessionState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]


def allows(state: SessionState | str, operation: Operation) -> bool:
    return operation in OPERATIONS[SessionState(state)]
