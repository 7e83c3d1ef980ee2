"""The awards demo: every open state, the Council's nominations, no doubles on re-run.
The demo is loaded up to the awards once per session (tests/demo_database.py, stage
"awards")."""

from __future__ import annotations

import pytest

from tests.demo_database import DemoRun
from thidua.awards.demo import DEMO_COUNCIL_NOMINEES, demo_council_nominations, demo_ensure
from thidua.awards.models import Nomination
from thidua.campaigns.models import Campaign

pytestmark = pytest.mark.demo_database("awards")


def test_demo_fills_every_open_state_once(demo: DemoRun) -> None:
    campaign = Campaign.objects.get(pk=demo.campaign_pk)

    line = demo.lines["awards"]
    again = demo_ensure(campaign)

    states = set(Nomination.objects.values_list("state", flat=True))
    assert states == {"draft", "submitted", "under_review", "returned", "to_council", "withdrawn"}
    council = demo_council_nominations(campaign)
    assert sorted(n.nominee.name for n in council) == sorted(DEMO_COUNCIL_NOMINEES)
    assert {n.nominee.kind for n in council} >= {
        "individual",
        "collective",
        "household",
        "enterprise",
    }
    assert "7 đề nghị chờ Hội đồng xét" in line and again == ""
    assert Nomination.objects.count() == 14
