"""The year's title rules as eligibility checks of nominations, registered with awards'
registry from ``RatingsConfig.ready`` (awards may not import ratings). A nomination for a
title whose results do not meet its rule is flagged with the article; where the results
are not recorded yet, it is a warning. The people's results, the collectives' members and
the year's rules are loaded once for a list of nominations (``load_titles``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from thidua.awards.eligibility.facts import Facts
from thidua.awards.eligibility.registry import eligibility_check
from thidua.awards.eligibility.result import WARN, CheckResult
from thidua.awards.eligibility.text import gettext as _
from thidua.awards.models import Nominee, SubjectKind
from thidua.ratings.facts import RULES, Person, YearRules, load_people, year_rules
from thidua.ratings.models import CollectiveRating
from thidua.ratings.thresholds import (
    CollectiveThresholds,
    CstdcsThresholds,
    CstdTinhThresholds,
    LdttThresholds,
    RouteDThresholds,
)
from thidua.ratings.titles import Member, Verdict, collective, cstd_tinh, cstdcs, ldtt, route_d


@dataclass
class Titles:
    """What the title rules read for one nomination's year: the year's rules, the
    nominee's results (an individual), or the collective's members' results and its own
    rating (a collective attached to a unit)."""

    rules: YearRules
    person: Person | None = None
    members: list[Member] = field(default_factory=list)
    own_rating: str | None = None


def _codes() -> dict[str, type[Any]]:
    return dict(RULES.values())


def _wanted(facts: Facts) -> bool:
    """Whether some title rule applies to the nomination (it then needs ``Titles``)."""
    return any(_applies(facts, code, model) is not None for code, model in _codes().items())


def load_titles(many: Sequence[Facts]) -> list[Titles | None]:
    """``Titles`` of each nomination some title rule applies to (None for the others):
    per year of the nominations, the rules (one query) and the people's results (three),
    with one query for the collectives' members and one for their ratings."""
    wanted = [facts if _wanted(facts) else None for facts in many]
    nominations = [facts.nomination for facts in wanted if facts is not None]
    years = {n.phase.last_day.year for n in nominations}
    units = {
        n.nominee.unit_id
        for n in nominations
        if n.nominee.kind != SubjectKind.INDIVIDUAL and n.nominee.unit_id is not None
    }
    people: dict[int, list[tuple[int, str]]] = {}
    if units:
        rows = Nominee.objects.filter(
            unit_id__in=units, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True
        ).values_list("unit_id", "pk", "name")
        for unit_id, pk, name in rows:
            people.setdefault(unit_id, []).append((pk, name))
    ratings: dict[tuple[int, int], str] = {}
    if units:
        found = CollectiveRating.objects.filter(unit_id__in=units, year__in=years)
        for unit_id, year, rating in found.values_list("unit_id", "year", "rating"):
            ratings[(unit_id, year)] = rating
    rules = {year: year_rules(year) for year in sorted(years)}
    results: dict[int, dict[int, Person]] = {}
    for year in sorted(years):
        ids = {n.nominee_id for n in nominations if n.phase.last_day.year == year}
        for n in nominations:
            own_unit = n.nominee.unit_id
            if n.phase.last_day.year == year and own_unit is not None and own_unit in units:
                ids.update(pk for pk, _name in people.get(own_unit, []))
        results[year] = load_people(ids, year)
    answers: list[Titles | None] = []
    for facts in wanted:
        if facts is None:
            answers.append(None)
            continue
        nominee = facts.nomination.nominee
        year = facts.nomination.phase.last_day.year
        titles = Titles(rules[year])
        if nominee.kind == SubjectKind.INDIVIDUAL:
            titles.person = results[year][nominee.pk]
        elif nominee.unit_id is not None:
            staff = people.get(nominee.unit_id, [])
            titles.members = [Member(name, results[year][pk]) for pk, name in staff]
            titles.own_rating = ratings.get((nominee.unit_id, year))
        answers.append(titles)
    return answers


def _applies(facts: Facts, code: str, model: type[Any]) -> Any:
    thresholds = facts.thresholds(code, model)
    if thresholds is None or facts.nomination.basis not in thresholds.bases:
        return None
    return thresholds


def _result(code: str, verdict: Verdict, severity: str) -> CheckResult:
    return CheckResult(
        code,
        verdict.ok,
        WARN if verdict.missing else severity,
        verdict.reason,
        verdict.article,
    )


def _individual(facts: Facts, code: str, model: type[Any], judge: Any) -> CheckResult | None:
    thresholds = _applies(facts, code, model)
    nomination = facts.nomination
    if thresholds is None or nomination.nominee.kind != SubjectKind.INDIVIDUAL:
        return None
    year = nomination.phase.last_day.year
    titles = facts.loaded(load_titles)
    assert titles is not None and titles.person is not None
    return _result(code, judge(titles.person, year, titles.rules), thresholds.severity)


@eligibility_check("annual_ldtt", order=61, thresholds=LdttThresholds, prefetch=load_titles)
def check_ldtt(facts: Facts) -> CheckResult | None:
    """Lao động tiên tiến (Luật TĐKT 2022 Điều 24): the year's rating."""
    return _individual(facts, "annual_ldtt", LdttThresholds, ldtt)


@eligibility_check("annual_cstdcs", order=62, thresholds=CstdcsThresholds, prefetch=load_titles)
def check_cstdcs(facts: Facts) -> CheckResult | None:
    """R3 (Luật TĐKT 2022 Điều 23): LĐTT and (HTXS or a recognised initiative/research)."""
    return _individual(facts, "annual_cstdcs", CstdcsThresholds, cstdcs)


@eligibility_check(
    "annual_cstd_tinh", order=63, thresholds=CstdTinhThresholds, prefetch=load_titles
)
def check_cstd_tinh(facts: Facts) -> CheckResult | None:
    """R4 (Luật TĐKT 2022 Điều 22): consecutive CSTĐCS and a province-level initiative."""
    return _individual(facts, "annual_cstd_tinh", CstdTinhThresholds, cstd_tinh)


@eligibility_check("annual_route_d", order=64, thresholds=RouteDThresholds, prefetch=load_titles)
def check_route_d(facts: Facts) -> CheckResult | None:
    """R7 (Luật TĐKT 2022 Điều 74.1.d): one route to the Bằng khen; advice."""
    return _individual(facts, "annual_route_d", RouteDThresholds, route_d)


@eligibility_check(
    "annual_collective", order=65, thresholds=CollectiveThresholds, prefetch=load_titles
)
def check_collective(facts: Facts) -> CheckResult | None:
    """R6 (Luật TĐKT 2022 Điều 27–28): the collective's composition in the year."""
    thresholds = _applies(facts, "annual_collective", CollectiveThresholds)
    nomination = facts.nomination
    nominee = nomination.nominee
    if thresholds is None or nominee.kind == SubjectKind.INDIVIDUAL:
        return None
    year = nomination.phase.last_day.year
    if nominee.unit_id is None:
        return CheckResult(
            "annual_collective",
            False,
            WARN,
            _("Tập thể chưa gắn với đơn vị: không tính được tỷ lệ thành viên."),
            thresholds.legal_basis,
        )
    titles = facts.loaded(load_titles)
    assert titles is not None
    verdict = collective(
        nomination.form.code, titles.own_rating, titles.members, year, titles.rules
    )
    return _result("annual_collective", verdict, thresholds.severity)
