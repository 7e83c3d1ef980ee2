"""The nomination workflow as a table: (state, action) → new state, and who may act.

draft → submitted → under_review → returned (reason, what to fix) → submitted again;
under_review → to_council → approved | not_approved → decided; withdrawn from any open
state. A form whose rule needs no council (``AwardRule.council_required`` False: Giấy
khen, LĐTT, TTLĐTT) goes from under_review to approved (or not_approved) by the reviewer.
Steps follow the provincial TTHC pattern (LAW-NOTES §4.5): the unit's own review and
tờ trình, appraisal by Ban TĐKT (Sở Nội vụ), the Council, the chairman's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from thidua.awards.models import NominationState


class Action(StrEnum):
    SUBMIT = "submit"
    REVIEW_START = "review_start"
    RETURN = "return"
    SEND_TO_COUNCIL = "send_to_council"
    APPROVE = "approve"
    REJECT = "reject"
    MARK_DECIDED = "mark_decided"
    WITHDRAW = "withdraw"


class Actor(StrEnum):
    """Who may take an action.

    ``UNIT_HEAD``: the head of the proposing unit (the unit signs its tờ trình);
    ``REVIEWER``: the appraising body (Ban TĐKT for forms the province grants, the
    granting unit's staff for a department's or a commune's Giấy khen);
    ``HEAD_OR_REVIEWER``: either of them.
    """

    UNIT_HEAD = "unit_head"
    REVIEWER = "reviewer"
    HEAD_OR_REVIEWER = "head_or_reviewer"


@dataclass(frozen=True)
class Step:
    target: NominationState
    actor: Actor
    #: Only when the form's rule needs no council vote (AwardRule.council_required False).
    without_council_only: bool = False
    #: Whether the eligibility checks run and their blocking results refuse the step.
    checks: bool = False


S = NominationState
A = Action
TRANSITIONS: dict[tuple[NominationState, Action], Step] = {
    (S.DRAFT, A.SUBMIT): Step(S.SUBMITTED, Actor.UNIT_HEAD, checks=True),
    (S.RETURNED, A.SUBMIT): Step(S.SUBMITTED, Actor.UNIT_HEAD, checks=True),
    (S.SUBMITTED, A.REVIEW_START): Step(S.UNDER_REVIEW, Actor.REVIEWER),
    (S.UNDER_REVIEW, A.RETURN): Step(S.RETURNED, Actor.REVIEWER),
    (S.UNDER_REVIEW, A.SEND_TO_COUNCIL): Step(S.TO_COUNCIL, Actor.REVIEWER, checks=True),
    (S.UNDER_REVIEW, A.APPROVE): Step(
        S.APPROVED, Actor.REVIEWER, without_council_only=True, checks=True
    ),
    (S.UNDER_REVIEW, A.REJECT): Step(S.NOT_APPROVED, Actor.REVIEWER, without_council_only=True),
    (S.TO_COUNCIL, A.APPROVE): Step(S.APPROVED, Actor.REVIEWER, checks=True),
    (S.TO_COUNCIL, A.REJECT): Step(S.NOT_APPROVED, Actor.REVIEWER),
    (S.APPROVED, A.MARK_DECIDED): Step(S.DECIDED, Actor.REVIEWER),
    (S.DRAFT, A.WITHDRAW): Step(S.WITHDRAWN, Actor.HEAD_OR_REVIEWER),
    (S.SUBMITTED, A.WITHDRAW): Step(S.WITHDRAWN, Actor.HEAD_OR_REVIEWER),
    (S.UNDER_REVIEW, A.WITHDRAW): Step(S.WITHDRAWN, Actor.HEAD_OR_REVIEWER),
    (S.RETURNED, A.WITHDRAW): Step(S.WITHDRAWN, Actor.HEAD_OR_REVIEWER),
    (S.TO_COUNCIL, A.WITHDRAW): Step(S.WITHDRAWN, Actor.HEAD_OR_REVIEWER),
}

#: States in which the proposing unit may still edit the nomination and its dossier.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})
#: States that are still open (withdrawable).
OPEN_STATES = frozenset(s for (s, a) in TRANSITIONS if a is A.WITHDRAW)
#: States that count against a quota (LAW-NOTES §3.2: quotas count granted awards).
QUOTA_STATES = (S.APPROVED, S.DECIDED)
#: States in which a nomination competes for a quota slot (tie-break advice, R17).
COMPETING_STATES = (S.SUBMITTED, S.UNDER_REVIEW, S.TO_COUNCIL, S.APPROVED, S.DECIDED)


def allowed_actions(state: NominationState | str) -> list[Action]:
    """Actions open from ``state``, in table order."""
    return [action for (source, action) in TRANSITIONS if source == state]
