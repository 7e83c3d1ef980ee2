"""The session workflow table, exhaustively: every (state, action) pair and every
operation in every state, through the services."""

from __future__ import annotations

import pytest

from tests.factories.councils import make_session, nominations, seats
from thidua.core.errors import DomainError
from thidua.councils import services
from thidua.councils.models import CouncilEvent, SessionState, VoteChoice
from thidua.councils.transitions import OPERATIONS, TRANSITIONS, Action, Operation, allowed_actions


def _session_in(state: SessionState, kh, people, province):
    session = make_session(kh, people, members=3, items=nominations(kh, province, 1))
    if state in (SessionState.OPEN, SessionState.CLOSED):
        session = services.session_open(actor=people.secretariat, session=session)
    if state == SessionState.CLOSED:
        session = services.session_close(actor=people.secretariat, session=session)
    return session


def _do(action: Action, session, people):
    if action is Action.OPEN:
        return services.session_open(actor=people.secretariat, session=session)
    return services.session_close(actor=people.secretariat, session=session)


def test_table_is_the_documented_workflow():
    assert TRANSITIONS == {
        (SessionState.PLANNED, Action.OPEN): SessionState.OPEN,
        (SessionState.OPEN, Action.CLOSE): SessionState.CLOSED,
    }
    assert allowed_actions(SessionState.CLOSED) == []
    assert OPERATIONS[SessionState.CLOSED] == frozenset()


@pytest.mark.parametrize("state", list(SessionState))
@pytest.mark.parametrize("action", list(Action))
def test_every_state_action_pair(state, action, kh, people, province):
    session = _session_in(state, kh, people, province)
    events = CouncilEvent.objects.filter(session=session).count()

    if (state, action) in TRANSITIONS:
        moved = _do(action, session, people)
        assert moved.state == TRANSITIONS[(state, action)]
        last = CouncilEvent.objects.filter(session=session).order_by("pk").last()
        assert last.kind == action.value
        assert last.payload["from"] == state and last.payload["to"] == moved.state
    else:
        with pytest.raises(DomainError) as refusal:
            _do(action, session, people)
        assert "Không thể" in refusal.value.message
        session.refresh_from_db()
        assert session.state == state
        assert CouncilEvent.objects.filter(session=session).count() == events


def _operate(operation: Operation, session, people, kh, province):
    seat = seats(session)[0]
    item = session.items.first()
    if operation is Operation.EDIT_MEMBERS:
        services.session_add_member(actor=people.secretariat, session=session, name="Ông Mới")
    elif operation is Operation.EDIT_AGENDA:
        services.session_add_items(
            actor=people.secretariat, session=session, nominations=nominations(kh, province, 1)
        )
    elif operation is Operation.ATTENDANCE:
        services.session_set_attendance(actor=people.secretariat, member=seat, attendance="present")
    elif operation is Operation.VOTE:
        services.council_vote(actor=seat.user, item=item, choice=VoteChoice.YES)
    else:
        last = seats(session)[-1]
        services.council_written_vote(
            actor=people.secretariat, item=item, member=last, choice=VoteChoice.YES
        )


@pytest.mark.parametrize("state", list(SessionState))
@pytest.mark.parametrize("operation", list(Operation))
def test_every_operation_in_every_state(state, operation, kh, people, province):
    session = _session_in(state, kh, people, province)
    if operation is Operation.WRITTEN_VOTE and state == SessionState.OPEN:
        # Attendance is fixed once open: this seat was absent with a written opinion.
        session = make_session(kh, people, members=5, present=4, written=1, title="Phiên 2")
        services.session_add_items(
            actor=people.secretariat, session=session, nominations=nominations(kh, province, 1)
        )
        session = services.session_open(actor=people.secretariat, session=session)

    if operation in OPERATIONS[state]:
        _operate(operation, session, people, kh, province)
        assert CouncilEvent.objects.filter(session=session).order_by("pk").last().kind in {
            "member_added",
            "items_added",
            "attendance",
            "vote_cast",
        }
    else:
        with pytest.raises(DomainError) as refusal:
            _operate(operation, session, people, kh, province)
        assert "Phiên họp" in refusal.value.message
