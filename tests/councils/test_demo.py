"""The council demo: a held session with minutes, most nominations approved and one not,
an absent member's written opinion, a planned session that can be opened, no doubles on
re-run. The demo is loaded up to the councils once per session (tests/demo_database.py,
stage "councils")."""

from __future__ import annotations

import pytest

from tests.demo_database import DemoRun
from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.councils import demo as councils_demo
from thidua.councils import services
from thidua.councils.models import Attendance, CouncilEvent, CouncilSession, Outcome, SessionState
from thidua.councils.selectors import sessions_visible_to

pytestmark = pytest.mark.demo_database("councils")


@pytest.fixture
def loaded(demo: DemoRun) -> tuple[int, str, str]:
    """The demo data up to councils: what its first run said, and a second run (which
    must add nothing)."""
    campaign = Campaign.objects.get(pk=demo.campaign_pk)
    second = councils_demo.demo_ensure(campaign)
    return campaign.pk, demo.lines["councils"], second


@pytest.fixture
def held(loaded, db) -> CouncilSession:
    return CouncilSession.objects.get(title=councils_demo.HELD_TITLE)


def test_demo_is_idempotent(loaded):
    _pk, first, second = loaded

    assert "đã kết thúc" in first and "chờ khai mạc" in first
    assert second == ""
    assert CouncilSession.objects.count() == 2


def test_held_session_results_and_minutes(held):
    outcomes = list(held.items.order_by("order").values_list("outcome", flat=True))

    assert held.state == SessionState.CLOSED and held.date.isoformat() == "2025-05-20"
    assert held.members.count() == len(councils_demo.SEATS)
    assert outcomes.count(Outcome.NOT_APPROVED) >= 1
    assert outcomes.count(Outcome.APPROVED) > len(outcomes) / 2
    assert held.minutes.name.endswith(".docx") and held.minutes_sha256
    absent = held.members.get(attendance=Attendance.WRITTEN)
    assert absent.votes.filter(written=True).count() == held.items.count()


def test_planned_session_can_be_opened_and_voted(loaded, db):
    planned = CouncilSession.objects.get(title=councils_demo.PLANNED_TITLE)
    hoidong = User.objects.get(username="hoidong")
    bantdkt = User.objects.get(username="bantdkt")

    assert planned in sessions_visible_to(hoidong)
    assert planned.items.count() >= 2
    opened = services.session_open(actor=bantdkt, session=planned)
    services.council_vote(actor=hoidong, item=opened.items.first(), choice="yes")
    assert CouncilEvent.objects.filter(session=planned, kind="vote_cast").count() == 1
