"""R15: the shortlist stays posted at least 10 working days before the council meets
(Nghị định 98/2023/NĐ-CP Điều 46; Nghị định 152/2025/NĐ-CP Điều 60 khoản 3), counted on
the working-day calendar with its holidays; both sides of the threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.higher_awards import World, proposal_in
from thidua.core.errors import DomainError
from thidua.higher_awards import workflow
from thidua.higher_awards.models import ProposalEvent, ProposalState
from thidua.higher_awards.posting import check_meeting, window_closes_on


def test_window_without_holiday_closes_after_ten_working_days(w: World) -> None:
    posted = dt.date(2026, 1, 5)  # Monday

    closes = window_closes_on(posted)

    assert closes == dt.date(2026, 1, 19)
    assert check_meeting(posted, dt.date(2026, 1, 19)).full_days == 9
    assert check_meeting(posted, dt.date(2026, 1, 20)).full_days == 10


def test_tet_holidays_are_not_counted_in_the_window(w: World) -> None:
    posted = dt.date(2026, 2, 9)  # Tết 16–20/02/2026 falls inside

    closes = window_closes_on(posted)

    assert closes == dt.date(2026, 3, 2)
    assert check_meeting(posted, dt.date(2026, 3, 2)).full_days == 9
    assert check_meeting(posted, dt.date(2026, 3, 3)).ok


def test_council_after_nine_working_days_is_refused_and_nothing_changes(w: World) -> None:
    proposal = proposal_in(w, "posted", posted_on=dt.date(2026, 2, 9))
    events = ProposalEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        workflow.proposal_review(
            actor=w.board, proposal=proposal, meeting_on=dt.date(2026, 3, 2), record="BB 1"
        )

    message = str(refused.value)
    assert "9 ngày làm việc" in message
    assert "03/03/2026" in message
    assert "Nghị định 152/2025/NĐ-CP Điều 60 khoản 3" in message
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.POSTED
    assert proposal.council_meeting_on is None
    assert ProposalEvent.objects.count() == events


def test_council_after_ten_working_days_is_recorded(w: World) -> None:
    proposal = proposal_in(w, "posted", posted_on=dt.date(2026, 2, 9))

    reviewed = workflow.proposal_review(
        actor=w.board, proposal=proposal, meeting_on=dt.date(2026, 3, 3), record="BB 1"
    )

    assert reviewed.state == ProposalState.REVIEWED
    assert reviewed.council_meeting_on == dt.date(2026, 3, 3)
    event = reviewed.events.get(kind="review")
    assert (event.from_state, event.to_state) == ("posted", "reviewed")


def test_posting_under_nd98_cites_its_article(w: World) -> None:
    proposal = proposal_in(w, "posted", posted_on=dt.date(2025, 6, 2))

    with pytest.raises(DomainError) as refused:
        workflow.proposal_review(
            actor=w.board, proposal=proposal, meeting_on=dt.date(2025, 6, 3), record="BB"
        )

    assert "Nghị định 98/2023/NĐ-CP Điều 46" in str(refused.value)
