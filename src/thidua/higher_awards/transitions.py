"""The proposal workflow as a table: draft → posted (public posting window, R15) →
reviewed (by the provincial council, after the window closed and every comment was
answered) → sent (with the Ban Thường vụ's opinion where required). The Ban TĐKT of the
province makes every move."""

from __future__ import annotations

from enum import StrEnum

from thidua.higher_awards.models import ProposalState


class Action(StrEnum):
    POST = "post"
    REVIEW = "review"
    SEND = "send"


S = ProposalState
TRANSITIONS: dict[tuple[ProposalState, Action], ProposalState] = {
    (S.DRAFT, Action.POST): S.POSTED,
    (S.POSTED, Action.REVIEW): S.REVIEWED,
    (S.REVIEWED, Action.SEND): S.SENT,
}

#: States in which entries may still be added or removed.
EDITABLE_STATES = frozenset({S.DRAFT})
