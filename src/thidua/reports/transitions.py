"""The unit-report workflow as a table: (state, action) → new state, and who may act.

open → submitted (the unit head confirms: "thủ trưởng xác nhận") → accepted, or
→ returned (with a reason) → submitted again by the head. Officers and heads write the
draft while it is open or returned. KH 128 section IV.2: units report to Sở Nội vụ
(Ban Thi đua - Khen thưởng), which receives (tiếp nhận) or returns the reports.
"""

from __future__ import annotations

from enum import StrEnum

from thidua.reports.models import ConsolidationState, ReportState


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    ACCEPT = "accept"


class Actor(StrEnum):
    """Who may take an action: the unit's head, or the secretariat covering the unit."""

    HEAD = "head"
    SECRETARIAT = "secretariat"


S = ReportState
TRANSITIONS: dict[tuple[ReportState, Action], tuple[ReportState, Actor]] = {
    (S.OPEN, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
    (S.RETURNED, Action.SUBMIT): (S.SUBMITTED, Actor.HEAD),
    (S.SUBMITTED, Action.RETURN): (S.RETURNED, Actor.SECRETARIAT),
    (S.SUBMITTED, Action.ACCEPT): (S.ACCEPTED, Actor.SECRETARIAT),
}

#: States in which the unit may still write its report (and reminders still go out).
EDITABLE_STATES = frozenset({S.OPEN, S.RETURNED})


def allowed_actions(state: ReportState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]


class ConsolidationAction(StrEnum):
    """The task's moves of a consolidated report (``reports.consolidation_tasks``)."""

    START = "start"
    FINISH = "finish"
    FAIL = "fail"
    CANCEL = "cancel"


Q = ConsolidationState
#: queued → running → done, or → failed (from queued or running) with a message, or →
#: cancelled (from queued or running) by the Ban TĐKT (``consolidation_cancel``).
CONSOLIDATION_TRANSITIONS: dict[
    tuple[ConsolidationState, ConsolidationAction], ConsolidationState
] = {
    (Q.QUEUED, ConsolidationAction.START): Q.RUNNING,
    (Q.RUNNING, ConsolidationAction.FINISH): Q.DONE,
    (Q.QUEUED, ConsolidationAction.FAIL): Q.FAILED,
    (Q.RUNNING, ConsolidationAction.FAIL): Q.FAILED,
    (Q.QUEUED, ConsolidationAction.CANCEL): Q.CANCELLED,
    (Q.RUNNING, ConsolidationAction.CANCEL): Q.CANCELLED,
}
