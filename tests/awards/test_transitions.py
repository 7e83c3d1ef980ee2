"""The nomination transition table, exhaustively: every state × every action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import UserFactory
from tests.factories.awards import Kh, NominationFactory, NomineeFactory, form, full_dossier
from thidua.awards import services
from thidua.awards.models import Nomination, NominationState
from thidua.awards.transitions import TRANSITIONS, Action
from thidua.core.errors import DomainError

SERVICES: dict[Action, Callable[..., Nomination]] = {
    Action.SUBMIT: lambda n, by: services.nomination_submit(n, by=by),
    Action.REVIEW_START: lambda n, by: services.nomination_review_start(n, by=by),
    Action.RETURN: lambda n, by: services.nomination_return(n, by=by, reason="Thiếu biên bản"),
    Action.SEND_TO_COUNCIL: lambda n, by: services.nomination_send_to_council(n, by=by),
    Action.APPROVE: lambda n, by: services.nomination_approve(n, by=by),
    Action.REJECT: lambda n, by: services.nomination_reject(n, by=by),
    Action.MARK_DECIDED: lambda n, by: services.nomination_mark_decided(
        n, by=by, decision_ref="12/QĐ-UBND"
    ),
    Action.WITHDRAW: lambda n, by: services.nomination_withdraw(n, by=by, reason="Trùng"),
}

CASES = [(state, action) for state in NominationState for action in Action]


def _nomination(kh: Kh, code: str, state: str) -> Nomination:
    p = kh.province
    grantor = p.root if code == "bang-khen-tinh" else p.health
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=p.health,
        grantor_unit=grantor,
        nominee=NomineeFactory(unit=p.health),
        form=form(code),
    )
    full_dossier(nomination)
    Nomination.objects.filter(pk=nomination.pk).update(state=state)
    nomination.refresh_from_db()
    return nomination


@pytest.mark.parametrize(("state", "action"), CASES)
@pytest.mark.parametrize("code", ["bang-khen-tinh", "giay-khen"])
def test_transition_table_every_state_and_action(
    kh: Kh, code: str, state: str, action: Action
) -> None:
    """A step runs exactly when the table has it (approve/reject from review only for a
    form needing no council, Giấy khen); otherwise the state stays and a message says why."""
    nomination = _nomination(kh, code, state)
    admin = UserFactory(is_superuser=True)
    step = TRANSITIONS.get((NominationState(state), action))
    expected = step is not None and not (step.without_council_only and code == "bang-khen-tinh")

    outcome: Any
    try:
        outcome = SERVICES[action](nomination, admin)
    except DomainError as exc:
        outcome = exc

    nomination.refresh_from_db()
    if expected:
        assert step is not None
        assert nomination.state == step.target
        assert nomination.events.filter(kind=action.value, to_state=step.target).count() == 1
    else:
        assert isinstance(outcome, DomainError)
        assert outcome.code == "invalid_transition"
        assert "Không thể" in outcome.message
        assert nomination.state == state
