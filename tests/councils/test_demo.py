"""The council demo: a held session with minutes, most nominations approved and one not,
an absent member's written opinion, a planned session that can be opened, no doubles on
re-run. The Trà Vinh units, KH 128, the demo users and the awards demo are loaded for
each test."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from thidua.accounts.models import User
from thidua.awards import demo as awards_demo
from thidua.campaigns.models import Campaign
from thidua.councils import demo, services
from thidua.councils.models import Attendance, CouncilEvent, CouncilSession, Outcome, SessionState
from thidua.councils.selectors import sessions_visible_to
from thidua.desk.demo_users import demo_users_ensure

KH128 = "kh-128-2024-tra-vinh"


@pytest.fixture
def loaded(db: None, settings: Any, tmp_path: Path) -> tuple[int, str, str]:
    """The demo data up to councils, loaded twice (the second run must add nothing)."""
    settings.MEDIA_ROOT = tmp_path
    call_command("units", "load", "tra-vinh", stdout=io.StringIO())
    call_command("campaign", "load", "kh-128", stdout=io.StringIO())
    demo_users_ensure()
    campaign = Campaign.objects.get(code=KH128)
    awards_demo.demo_ensure(campaign)
    first = demo.demo_ensure(campaign)
    second = demo.demo_ensure(campaign)
    return campaign.pk, first, second


@pytest.fixture
def held(loaded, db) -> CouncilSession:
    return CouncilSession.objects.get(title=demo.HELD_TITLE)


def test_demo_is_idempotent(loaded):
    _pk, first, second = loaded

    assert "đã kết thúc" in first and "chờ khai mạc" in first
    assert second == ""
    assert CouncilSession.objects.count() == 2


def test_held_session_results_and_minutes(held):
    outcomes = list(held.items.order_by("order").values_list("outcome", flat=True))

    assert held.state == SessionState.CLOSED and held.date.isoformat() == "2025-05-20"
    assert held.members.count() == len(demo.SEATS)
    assert outcomes.count(Outcome.NOT_APPROVED) >= 1
    assert outcomes.count(Outcome.APPROVED) > len(outcomes) / 2
    assert held.minutes.name.endswith(".docx") and held.minutes_sha256
    absent = held.members.get(attendance=Attendance.WRITTEN)
    assert absent.votes.filter(written=True).count() == held.items.count()


def test_planned_session_can_be_opened_and_voted(loaded, db):
    planned = CouncilSession.objects.get(title=demo.PLANNED_TITLE)
    hoidong = User.objects.get(username="hoidong")
    bantdkt = User.objects.get(username="bantdkt")

    assert planned in sessions_visible_to(hoidong)
    assert planned.items.count() >= 2
    opened = services.session_open(actor=bantdkt, session=planned)
    services.council_vote(actor=hoidong, item=opened.items.first(), choice="yes")
    assert CouncilEvent.objects.filter(session=planned, kind="vote_cast").count() == 1
