"""The demo's annual cycle of 2025 in Vĩnh Long (desk.demo_annual): registration →
ratings → unit councils → provincial council → decisions, and the statistical report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.demo_database import DemoRun
from thidua.accounts.models import User
from thidua.award_statistics.selectors import awards_of, statistics_for
from thidua.awards.models import AwardRecord, Nomination, NominationEvent, NominationState
from thidua.campaigns.selectors import regular_campaign
from thidua.councils.models import (
    AgendaItem,
    CouncilEvent,
    CouncilSession,
    Outcome,
    SessionState,
)
from thidua.decisions.models import Decision, DecisionEvent
from thidua.desk.demo_annual import SESSION_TITLE, UNITS, annual_demo_ensure
from thidua.higher_awards.models import ProposalEvent
from thidua.organisations.models import Unit
from thidua.ratings.models import AnnualRating, RatingsEvent
from thidua.registrations.models import Registration, RegistrationEvent

pytestmark = pytest.mark.demo_database("annual")

TODAY = dt.date(2026, 12, 7)
CODES = [cycle.code for cycle in UNITS]
GRANTORS = {
    "86-SYT": "Giám đốc Sở Y tế tỉnh Vĩnh Long",
    "29308": "Chủ tịch Ủy ban nhân dân xã Cầu Kè",
    "29329": "Chủ tịch Ủy ban nhân dân xã Phong Thạnh",
}


def _counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "registrations": Registration.objects.count(),
        "ratings": AnnualRating.objects.count(),
        "nominations": Nomination.objects.count(),
        "nomination_events": NominationEvent.objects.count(),
        "sessions": CouncilSession.objects.count(),
        "decisions": Decision.objects.count(),
        "records": AwardRecord.objects.count(),
        "council_events": CouncilEvent.objects.count(),
    }


def test_each_unit_registered_for_2025_and_2026(demo: DemoRun) -> None:
    for code in CODES:
        years = set(Registration.objects.filter(unit__code=code).values_list("year", flat=True))
        assert years == {2025, 2026}, code


def test_the_year_is_rated_and_every_nomination_decided(demo: DemoRun) -> None:
    province = Unit.objects.get(code="86")
    campaign = regular_campaign(province, 2025)
    assert campaign is not None
    for code in CODES:
        assert AnnualRating.objects.filter(nominee__unit__code=code, year=2025).count() >= 3
    nominations = Nomination.objects.filter(campaign=campaign)
    states = set(nominations.values_list("state", flat=True))
    assert states == {NominationState.DECIDED}
    assert set(nominations.values_list("proposer_unit__code", flat=True)) == set(CODES)
    assert nominations.filter(grantor_unit=province).exists()


@pytest.mark.parametrize("cycle", UNITS, ids=CODES)
def test_the_units_council_votes_its_own_titles_and_its_head_signs(demo: DemoRun, cycle) -> None:
    unit = Unit.objects.get(code=cycle.code)
    session = CouncilSession.objects.get(council__unit=unit, title=SESSION_TITLE)
    assert session.state == SessionState.CLOSED and session.date == cycle.council_on
    items = AgendaItem.objects.filter(session=session)
    assert items.exists()
    assert set(items.values_list("outcome", flat=True)) == {Outcome.APPROVED}
    assert set(items.values_list("nomination__grantor_unit", flat=True)) == {unit.pk}
    assert (
        items.filter(secret_ballot=True).exists()
        == items.filter(nomination__form__code="cstdcs").exists()
    )
    assert session.minutes

    decisions = Decision.objects.filter(grantor_unit=unit, number__in=cycle.numbers)
    assert decisions.count() == items.values("nomination__form").distinct().count()
    for decision in decisions:
        assert decision.state == "issued"
        assert decision.date == cycle.decided_on
        assert decision.signer_name == cycle.signer_name
        assert decision.grantor_title == GRANTORS[cycle.code]


def test_the_provincial_council_and_the_chairmans_decision_in_january_2026(
    demo: DemoRun,
) -> None:
    province = Unit.objects.get(code="86")
    session = CouncilSession.objects.get(council__unit=province, title=SESSION_TITLE)
    assert session.state == SessionState.CLOSED
    assert session.date == dt.date(2026, 1, 15)
    forms = set(session.items.values_list("nomination__form__code", flat=True))
    assert forms <= {"cstd-tinh", "ttldxs", "bang-khen-tinh", "co-thi-dua-tinh"}
    assert "ttldxs" in forms
    decisions = Decision.objects.filter(grantor_unit=province, date=dt.date(2026, 1, 22))
    assert decisions.count() == len(forms)
    for decision in decisions:
        assert decision.state == "issued"
        assert decision.grantor_title == "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"


def test_the_2025_statistical_report_counts_the_units_decisions(demo: DemoRun) -> None:
    province = Unit.objects.get(code="86")
    total = statistics_for(province, 2025).total()
    records = AwardRecord.objects.filter(
        decision_date__year=2025, nomination__campaign__code__isnull=False
    )
    assert total.total > 0
    assert total.total == awards_of(province, 2025).count()
    assert total.individual > 0 and total.collective > 0
    unit_decided = records.filter(nomination__grantor_unit__code__in=CODES)
    assert unit_decided.exists()
    assert set(unit_decided.values_list("pk", flat=True)) <= set(
        awards_of(province, 2025).values_list("pk", flat=True)
    )
    # The province's decisions of January 2026 count in the 2026 report.
    january = AwardRecord.objects.filter(decision_date=dt.date(2026, 1, 22))
    assert january.exists()
    assert set(january.values_list("pk", flat=True)) <= set(
        awards_of(province, 2026).values_list("pk", flat=True)
    )


def test_every_event_of_the_cycle_is_dated_on_its_story_day(demo: DemoRun) -> None:
    for model in (
        RegistrationEvent,
        RatingsEvent,
        NominationEvent,
        CouncilEvent,
        DecisionEvent,
        ProposalEvent,
    ):
        days = {timezone.localdate(at) for at in model.objects.values_list("at", flat=True)}
        assert days, model.__name__
        assert max(days) <= TODAY, model.__name__
    held = CouncilEvent.objects.filter(session__title=SESSION_TITLE)
    days = {timezone.localdate(at) for at in held.values_list("at", flat=True)}
    assert min(days) >= dt.date(2025, 12, 3) and max(days) <= dt.date(2026, 1, 15)


def test_a_second_run_adds_nothing(demo: DemoRun) -> None:
    before = _counts()

    annual_demo_ensure()

    assert _counts() == before


def test_the_calendar_shows_the_2026_registration_deadline(demo: DemoRun, client: Client) -> None:
    client.force_login(User.objects.get(username="bantdkt_vl"))

    page = client.get("/lich-cong-viec/", {"year": 2026})

    text = page.content.decode()
    assert page.status_code == 200
    assert "Các đơn vị nộp đăng ký thi đua năm 2026" in text
    assert "Gửi báo cáo thống kê thi đua, khen thưởng năm 2026" in text


def test_the_commune_head_sees_the_communes_decision(demo: DemoRun, client: Client) -> None:
    client.force_login(User.objects.get(username="chutich_xa_vl"))
    decision = Decision.objects.filter(grantor_unit__code="29308").order_by("number").first()
    assert decision is not None

    page = client.get(f"/quyet-dinh/{decision.pk}/")

    assert page.status_code == 200
    assert decision.number in page.content.decode()
