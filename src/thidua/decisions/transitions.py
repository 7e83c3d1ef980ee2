"""The decision workflow as a table: (state, action) → new state.

draft ─edit→ draft ─issue→ issued ─supersede→ superseded. An issued decision is never
edited: a correction is a new draft linked to it (``Decision.supersedes``); issuing that
draft moves the old one to *superseded* (DESIGN.md §4: issued decisions are immutable).
Only the secretariat (Ban Thi đua - Khen thưởng) covering the grantor acts.

A batch printing a decision's certificates has a table of its own: queued ─start→
running ─finish→ done, or ─fail→ failed from either (moved by the print task only), or
─cancel→ cancelled from either (by the Ban TĐKT, ``certificates.certificate_batch_cancel``).
"""

from __future__ import annotations

from enum import StrEnum

from thidua.decisions.models import BatchState, DecisionState


class Action(StrEnum):
    EDIT = "edit"
    ISSUE = "issue"
    SUPERSEDE = "supersede"


S = DecisionState
TRANSITIONS: dict[tuple[DecisionState, Action], DecisionState] = {
    (S.DRAFT, Action.EDIT): S.DRAFT,
    (S.DRAFT, Action.ISSUE): S.ISSUED,
    (S.ISSUED, Action.SUPERSEDE): S.SUPERSEDED,
}


def allowed_actions(state: DecisionState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]


class BatchAction(StrEnum):
    START = "start"
    FINISH = "finish"
    FAIL = "fail"
    CANCEL = "cancel"


B = BatchState
BATCH_TRANSITIONS: dict[tuple[BatchState, BatchAction], BatchState] = {
    (B.QUEUED, BatchAction.START): B.RUNNING,
    (B.RUNNING, BatchAction.FINISH): B.DONE,
    (B.QUEUED, BatchAction.FAIL): B.FAILED,
    (B.RUNNING, BatchAction.FAIL): B.FAILED,
    (B.QUEUED, BatchAction.CANCEL): B.CANCELLED,
    (B.RUNNING, BatchAction.CANCEL): B.CANCELLED,
}
