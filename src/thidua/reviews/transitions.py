"""The phase-review workflow as a table: draft → issued (with its generated report), and
issued → draft (reopened with the reason, to correct and issue again)."""

from __future__ import annotations

from enum import StrEnum

from thidua.reviews.models import ReviewState


class Action(StrEnum):
    ISSUE = "issue"
    REOPEN = "reopen"


S = ReviewState
TRANSITIONS: dict[tuple[ReviewState, Action], ReviewState] = {
    (S.DRAFT, Action.ISSUE): S.ISSUED,
    (S.ISSUED, Action.REOPEN): S.DRAFT,
}

#: States in which the workspace (texts, selected works, the report) may change.
EDITABLE_STATES = frozenset({S.DRAFT})


def allowed_actions(state: ReviewState | str) -> list[Action]:
    return [action for (source, action) in TRANSITIONS if source == state]
