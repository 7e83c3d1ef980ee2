"""The demo's proposal: Vĩnh Long 2025, posted across Tết 2026, one comment answered,
reviewed, sent; all dated in the past; a second run changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.higher_awards.demo import annual_demo
from thidua.higher_awards.models import Proposal, ProposalEvent, ProposalState

pytestmark = pytest.mark.demo_database("vinh_long")


def test_demo_makes_one_sent_proposal_of_vinh_long(demo) -> None:  # type: ignore[no-untyped-def]
    lines = annual_demo(2025)
    again = annual_demo(2025)

    proposal = Proposal.objects.get(province__code="86", year=2025)
    assert proposal.state == ProposalState.SENT
    assert "45/TTr-UBND" in lines[0]
    assert "đã có" in again[0]
    assert Proposal.objects.filter(province__code="86").count() == 1
    assert proposal.window_closes_on == dt.date(2026, 3, 2)
    assert proposal.entries.count() == 3
    assert {e.nominee.unit.code for e in proposal.entries.all()} == {"86-SYT", "29308"}
    objection = proposal.objections.get()
    assert objection.answered_on is not None and objection.answered_on < proposal.council_meeting_on
    assert proposal.entries.get(form__code="cstd-toan-quoc").btv_opinion
    days = [e.at.date() for e in ProposalEvent.objects.filter(proposal=proposal)]
    assert min(days) >= dt.date(2026, 1, 1)
    assert max(days) <= dt.date(2026, 12, 7)


def test_demo_of_another_year_makes_nothing(demo) -> None:  # type: ignore[no-untyped-def]
    assert annual_demo(2024) == []
