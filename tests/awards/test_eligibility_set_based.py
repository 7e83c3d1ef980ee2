"""Set-based eligibility (issue #16): a list of nominations checked at once gives exactly
what checking each alone gives, for every check of the registry (the plugged-in
registration and title checks included), in a number of queries that does not grow
with the list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UnitFactory, member
from tests.factories.awards import (
    AwardRecordFactory,
    HoldFactory,
    Kh,
    NominationFactory,
    NomineeFactory,
    People,
    QuotaFactory,
    bk_nomination,
    form,
    full_dossier,
)
from tests.factories.ratings import (
    AnnualRatingFactory,
    CollectiveRatingFactory,
    initiative,
    open_year_2025,
)
from tests.factories.registrations import registration_in
from thidua.accounts.models import Role
from thidua.awards.eligibility import (
    check_nomination,
    check_nominations,
    expected_decision_date,
    facts_for,
)
from thidua.awards.eligibility.registry import registry
from thidua.awards.models import (
    AwardBasis,
    Nomination,
    NominationState,
    Nominee,
    PhaseAwardDate,
    SubjectKind,
)
from thidua.organisations.models import UnitKind, UnitSuccession

D = dt.date
S = NominationState
TODAY = D(2025, 12, 20)


@dataclass
class World:
    """Saved nominations of many kinds, and one nomination not saved yet."""

    saved: list[Nomination]
    draft: Nomination


def _campaign_nominations(kh: Kh) -> list[Nomination]:
    p = kh.province
    made: list[Nomination] = []

    def nomination(dossier: bool = True, **kw: object) -> Nomination:
        one = bk_nomination(kh, dossier=dossier, **kw)
        made.append(one)
        return one

    PhaseAwardDate.objects.create(phase=kh.phase1, review_on=D(2025, 5, 15))
    # Complete, submitted in time and appraised late; and missing its dossier, late.
    nomination(state=S.SUBMITTED, submitted_on=D(2025, 4, 1))
    nomination(dossier=False, state=S.UNDER_REVIEW, submitted_on=D(2025, 5, 10))
    # The same nominee and form in both phases: decided in phase 1 (with its record), in
    # review in phase 2 (blocks), confirmed distinct in phase 2 of another nominee.
    twice = NomineeFactory(unit=p.health)
    decided = nomination(nominee=twice, state=S.DECIDED, submitted_on=D(2025, 4, 2))
    AwardRecordFactory(nominee=twice, nomination=decided, form=form("bang-khen-tinh"), year=2025)
    nomination(nominee=twice, phase=kh.phase2, state=S.UNDER_REVIEW, submitted_on=D(2025, 9, 1))
    again = NomineeFactory(unit=p.health)
    nomination(nominee=again, state=S.SUBMITTED, submitted_on=D(2025, 4, 3))
    nomination(nominee=again, phase=kh.phase2, distinct_achievement="Công trình khác")
    nomination(nominee=NomineeFactory(unit=p.health), phase=kh.phase2)  # a draft
    # Two nominations of one nominee in one phase: one withdrawn, one live.
    both = NomineeFactory(unit=p.home_affairs)
    nomination(nominee=both, proposer_unit=p.home_affairs, state=S.WITHDRAWN)
    nomination(nominee=both, proposer_unit=p.health)
    # Holds: open; a discipline ending inside the phase; one ending after it.
    held = nomination()
    HoldFactory(nominee=held.nominee, start=D(2024, 1, 1), end=None)
    ending = nomination()
    HoldFactory(nominee=ending.nominee, start=D(2024, 1, 1), end=D(2025, 1, 15))
    covered = nomination()
    HoldFactory(nominee=covered.nominee, start=D(2024, 1, 1), end=D(2025, 9, 30))
    # A flag from a short campaign; a merit Bằng khen with one or two CSTĐCS years; the
    # simplified procedure outside exceptional achievements.
    nomination(form=form("co-thi-dua-tinh"))
    merit = nomination(basis=AwardBasis.MERIT)
    AwardRecordFactory(nominee=merit.nominee, year=2024, basis=AwardBasis.ANNUAL)
    merit_two = nomination(basis=AwardBasis.MERIT)
    for year in (2023, 2024):
        AwardRecordFactory(nominee=merit_two.nominee, year=year, basis=AwardBasis.ANNUAL)
    AwardRecordFactory(nominee=merit.nominee, year=2023, basis=AwardBasis.CAMPAIGN)
    nomination(simplified=True)
    nomination(basis=AwardBasis.EXCEPTIONAL, simplified=True, dossier=False)
    # Dissolved units: a proposer with a successor, a collective of a dissolved unit; a
    # grantor that ended, its successor holding the authority; a hospital's head.
    old = UnitFactory(kind=UnitKind.DEPARTMENT, parent=p.root, valid_to=D(2025, 2, 28))
    new = UnitFactory(kind=UnitKind.DEPARTMENT, parent=p.root, name="Sở mới")
    UnitSuccession.objects.create(
        predecessor=old, successor=new, kind="merge", effective=D(2025, 3, 1), basis="QĐ 1"
    )
    nomination(proposer_unit=old)
    gone = UnitFactory(kind=UnitKind.DISTRICT, parent=p.root, valid_to=D(2025, 3, 31))
    nomination(nominee=NomineeFactory(kind=SubjectKind.COLLECTIVE, unit=gone, gender=""))
    nomination(form=form("giay-khen"), grantor_unit=old)
    hospital = UnitFactory(kind=UnitKind.OTHER, parent=p.health, name="Bệnh viện")
    nomination(form=form("giay-khen"), proposer_unit=hospital, grantor_unit=hospital)
    nomination(form=form("giay-khen"), grantor_unit=p.district_a)
    # Quotas: one slot of a unit's Bằng khen already used; competing candidates.
    QuotaFactory(campaign=kh.campaign, phase=kh.phase1, unit=p.district_b, maximum=1)
    QuotaFactory(campaign=kh.campaign, subject_kind="collective", maximum=3)
    nomination(proposer_unit=p.district_b, state=S.APPROVED, submitted_on=D(2025, 4, 1))
    nomination(proposer_unit=p.district_b, state=S.SUBMITTED, submitted_on=D(2025, 4, 1))
    nomination(
        proposer_unit=p.district_b,
        nominee=NomineeFactory(unit=p.district_b, gender="male", direct_worker=True),
    )
    nomination(nominee=NomineeFactory(kind=SubjectKind.COLLECTIVE, unit=p.health, gender=""))
    return made


def _annual_nominations(kh: Kh, people: People) -> list[Nomination]:
    p = kh.province
    campaign = open_year_2025(p, people.secretariat)
    phase = campaign.phases.get()
    made: list[Nomination] = []

    def annual(code: str, nominee: object, unit: object = None) -> Nomination:
        one = NominationFactory(
            campaign=campaign,
            phase=phase,
            proposer_unit=unit or p.health,
            grantor_unit=unit or p.health,
            nominee=nominee,
            form=form(code),
            basis=AwardBasis.ANNUAL,
        )
        full_dossier(one)
        made.append(one)
        return one

    officer, head = member(p.commune_a1), member(p.commune_a1, Role.UNIT_HEAD)
    registration_in(S.SUBMITTED, p.commune_a1, officer, head, year=2025)
    hoa = Nominee.objects.get(name="Nguyễn Thị Hoa")
    AnnualRatingFactory(nominee=hoa, rating="good")
    annual("ldtt", hoa, p.commune_a1)  # registered, rated
    annual("ldtt", NomineeFactory(unit=p.commune_a1), p.commune_a1)  # not registered
    good = AnnualRatingFactory(nominee__unit=p.health, rating="good").nominee
    annual("cstdcs", good)  # no initiative: blocked
    inventive = AnnualRatingFactory(nominee__unit=p.health, rating="good").nominee
    initiative(inventive)
    annual("cstdcs", inventive)
    annual("ldtt", NomineeFactory(unit=p.health))  # no rating: warns
    veteran = AnnualRatingFactory(nominee__unit=p.health, rating="excellent").nominee
    for year in (2023, 2024):
        AwardRecordFactory(nominee=veteran, year=year, basis=AwardBasis.ANNUAL)
    annual("cstd-tinh", veteran)
    for rating in ("good", "good", "complete"):
        AnnualRatingFactory(nominee__unit=p.home_affairs, rating=rating)
    CollectiveRatingFactory(unit=p.home_affairs, rating="excellent")
    collective = NomineeFactory(kind=SubjectKind.COLLECTIVE, unit=p.home_affairs, gender="")
    annual("ttldtt", collective, p.home_affairs)
    loose = NomineeFactory(kind=SubjectKind.COLLECTIVE, unit=None, gender="")
    annual("ttldtt", loose)
    return made


@pytest.fixture
def world(kh: Kh, people: People) -> World:
    saved = _campaign_nominations(kh) + _annual_nominations(kh, people)
    p = kh.province
    draft = Nomination(
        campaign=kh.campaign,
        phase=kh.phase2,
        proposer_unit=p.health,
        grantor_unit=p.root,
        nominee=saved[0].nominee,
        form=form("bang-khen-tinh"),
        basis=AwardBasis.CAMPAIGN,
    )
    return World(saved, draft)


def _fresh(world: World) -> list[Nomination]:
    by_pk = Nomination.objects.in_bulk([n.pk for n in world.saved])
    return [by_pk[n.pk] for n in world.saved] + [world.draft]


def test_a_list_checked_at_once_answers_as_each_checked_alone(world: World) -> None:
    alone = [
        check_nomination(n, as_of=expected_decision_date(n, TODAY), today=TODAY)
        for n in _fresh(world)
    ]

    together = check_nominations(_fresh(world), today=TODAY)

    assert together == alone
    failing = {r.code for results in together for r in results if not r.ok}
    # The list exercises every check of the registry, failing and passing.
    assert failing == {check.code for check in registry.checks()}
    passing = {r.code for results in together for r in results if r.ok}
    assert passing == {check.code for check in registry.checks()} - {
        "tie_break",  # advice given only when it fails
        "appraisal_time",
        "annual_cstd_tinh",
        "annual_collective",
    }


def test_a_fixed_decision_date_is_the_same_at_once_and_alone(world: World) -> None:
    on = D(2025, 7, 15)

    together = check_nominations(_fresh(world), as_of=on, today=TODAY)

    assert together == [check_nomination(n, as_of=on, today=TODAY) for n in _fresh(world)]
    assert len(together) == len(world.saved) + 1


def test_checks_read_only_what_was_loaded(world: World) -> None:
    facts = facts_for(_fresh(world)[:-1], today=TODAY)
    checks = registry.checks()

    with CaptureQueriesContext(connection) as queries:
        for one in facts.values():
            for check in checks:
                check.run(one)

    assert len(facts) == len(world.saved)
    assert len(queries) == 0


def _queries(nominations: list[Nomination]) -> int:
    fresh = Nomination.objects.in_bulk([n.pk for n in nominations])
    with CaptureQueriesContext(connection) as queries:
        results = check_nominations(list(fresh.values()), today=TODAY)
    assert len(results) == len(nominations)
    return len(queries)


def _campaign_queue(kh: Kh, count: int) -> list[Nomination]:
    """``count`` merit Bằng khen nominations under a quota, the first from a merged unit
    with the same form decided in the other phase; then holds, states, dossiers vary."""
    p = kh.province
    old = UnitFactory(kind=UnitKind.DEPARTMENT, parent=p.root, valid_to=D(2025, 2, 28))
    new = UnitFactory(kind=UnitKind.DEPARTMENT, parent=p.root)
    UnitSuccession.objects.create(
        predecessor=old, successor=new, kind="merge", effective=D(2025, 3, 1), basis="QĐ 1"
    )
    QuotaFactory(campaign=kh.campaign, maximum=5)
    PhaseAwardDate.objects.create(phase=kh.phase1, review_on=D(2025, 5, 15))
    states = [S.SUBMITTED, S.UNDER_REVIEW, S.TO_COUNCIL, S.APPROVED, S.DRAFT]
    made = []
    for i in range(count):
        nominee = NomineeFactory(unit=p.health, gender="male" if i % 2 else "female")
        one = NominationFactory(
            campaign=kh.campaign,
            phase=kh.phase1,
            proposer_unit=old if i % 3 == 0 else p.health,
            grantor_unit=p.root,
            nominee=nominee,
            form=form("bang-khen-tinh"),
            basis=AwardBasis.MERIT,
            state=states[i % len(states)],
            submitted_on=D(2025, 4, 1) + dt.timedelta(days=i),
        )
        if i % 4 != 1:
            full_dossier(one)
        if i % 5 == 0:
            other = NominationFactory(
                campaign=kh.campaign,
                phase=kh.phase2,
                proposer_unit=p.health,
                grantor_unit=p.root,
                nominee=nominee,
                form=form("bang-khen-tinh"),
                state=S.DECIDED,
            )
            AwardRecordFactory(nominee=nominee, nomination=other, form=form("bang-khen-tinh"))
        if i % 7 == 2:
            HoldFactory(nominee=nominee, start=D(2024, 1, 1), end=D(2025, 1, 15))
        if i % 2 == 0:
            AwardRecordFactory(nominee=nominee, year=2024, basis=AwardBasis.ANNUAL)
        made.append(one)
    return made


def test_thirty_nominations_of_a_queue_cost_the_queries_of_one(kh: Kh) -> None:
    queue = _campaign_queue(kh, 30)

    one = _queries(queue[:1])
    thirty = _queries(queue)

    assert thirty == one
    assert one <= 25


def test_thirty_annual_nominations_cost_the_queries_of_one(kh: Kh, people: People) -> None:
    p = kh.province
    campaign = open_year_2025(p, people.secretariat)
    phase = campaign.phases.get()
    units = [p.home_affairs, p.commune_a1, p.commune_a2]
    for unit in units:
        for rating in ("good", "excellent"):
            AnnualRatingFactory(nominee__unit=unit, rating=rating)
        CollectiveRatingFactory(unit=unit, rating="good")
    codes = ["ttldtt", "ldtt", "cstdcs"]
    made = []
    for i in range(30):
        code, unit = codes[i % 3], units[i % len(units)]
        if code == "ttldtt":
            nominee = NomineeFactory(kind=SubjectKind.COLLECTIVE, unit=unit, gender="")
        else:
            nominee = AnnualRatingFactory(nominee__unit=unit, rating="good").nominee
        made.append(
            NominationFactory(
                campaign=campaign,
                phase=phase,
                proposer_unit=unit,
                grantor_unit=unit,
                nominee=nominee,
                form=form(code),
                basis=AwardBasis.ANNUAL,
            )
        )

    one = _queries(made[:1])
    thirty = _queries(made)

    assert thirty == one
    assert one <= 25
