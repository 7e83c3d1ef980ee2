"""The decisions demo: after the awards and councils demos, one Bằng khen decision
1234/QĐ-UBND of 05/6/2025 signed by Lê Văn Hẳn, its certificates printed, archive
records for the history; a second run changes nothing. The demo is loaded up to the
decisions once per session (tests/demo_database.py, stage "decisions")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.demo_database import DemoRun
from thidua.awards.models import AwardRecord, NominationState
from thidua.campaigns.models import Campaign
from thidua.decisions import demo as decisions_demo
from thidua.decisions.models import Certificate, Decision, DecisionState

pytestmark = pytest.mark.demo_database("decisions")


@pytest.fixture
def kh128(demo: DemoRun) -> Campaign:
    return Campaign.objects.get(pk=demo.campaign_pk)


def test_decisions_demo_issues_the_decision_once(kh128: Campaign, demo: DemoRun) -> None:
    first = demo.lines["decisions"]
    second = decisions_demo.demo_ensure(kh128)

    decision = Decision.objects.get()
    assert (decision.number, decision.date) == ("1234/QĐ-UBND", dt.date(2025, 6, 5))
    assert decision.state == DecisionState.ISSUED
    assert decision.signer_name == "Lê Văn Hẳn" and decision.place_name == "Trà Vinh"
    count = decision.entries.count()
    assert count >= 1
    assert Certificate.objects.exclude(pdf="").count() == count
    assert set(decision.entries.values_list("nomination__state", flat=True)) == {
        NominationState.DECIDED
    }
    # One approved nomination is left for the next decision: the demo shows that state too.
    assert decision.campaign.nominations.filter(state=NominationState.APPROVED).count() == 1
    assert AwardRecord.objects.filter(nomination__isnull=True, year__in=[2022, 2023]).exists()
    assert "1234/QĐ-UBND" in first and "0 khen thưởng lưu trữ mới" in second
