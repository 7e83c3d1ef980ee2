"""The decisions demo: after the awards and councils demos, one Bằng khen decision
1234/QĐ-UBND of 05/6/2025 signed by Lê Văn Hẳn, its certificates printed, archive
records for the history; a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from tests.pages.conftest import kh128  # noqa: F401  (shared fixture)
from thidua.awards import demo as awards_demo
from thidua.awards.models import AwardRecord, NominationState
from thidua.campaigns.models import Campaign
from thidua.councils import demo as councils_demo
from thidua.decisions import demo as decisions_demo
from thidua.decisions.models import Certificate, Decision, DecisionState
from thidua.desk.demo_users import demo_users_ensure


def test_decisions_demo_issues_the_decision_once(kh128: Campaign) -> None:  # noqa: F811
    demo_users_ensure()
    awards_demo.demo_ensure(kh128)
    councils_demo.demo_ensure(kh128)

    first = decisions_demo.demo_ensure(kh128)
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
