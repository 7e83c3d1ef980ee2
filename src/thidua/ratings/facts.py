"""What the title rules read about people, loaded set-based: a whole unit's year in a fixed
number of queries (ratings, initiatives, award records, the rules in force), however many
people it holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from thidua.awards.eligibility.facts import any_of
from thidua.awards.models import AwardRule
from thidua.awards.models.nominations import IN_FORCE, AwardRecord
from thidua.ratings.models import AnnualRating, Initiative
from thidua.ratings.thresholds import (
    CollectiveThresholds,
    CstdcsThresholds,
    CstdTinhThresholds,
    LdttThresholds,
    RouteDThresholds,
)

#: How many years back a history is read (R4 needs 3, R7 2: ten is ample).
SPAN = 10

#: The form each title rule judges, and the code of its thresholds in the rule data.
RULES: dict[str, tuple[str, type[Any]]] = {
    "ldtt": ("annual_ldtt", LdttThresholds),
    "cstdcs": ("annual_cstdcs", CstdcsThresholds),
    "cstd-tinh": ("annual_cstd_tinh", CstdTinhThresholds),
    "ttldtt": ("annual_collective", CollectiveThresholds),
    "ttldxs": ("annual_collective", CollectiveThresholds),
    "bang-khen-tinh": ("annual_route_d", RouteDThresholds),
}


@dataclass(frozen=True)
class InitiativeFact:
    year: int
    level: str
    title: str


@dataclass(frozen=True)
class RecordFact:
    form: str
    year: int
    basis: str
    decision: str


@dataclass
class Person:
    """One individual's results: ratings by year, initiatives, award records in force
    (revoked ones are left out: Luật TĐKT 2022 Chương VII)."""

    nominee_id: int
    ratings: dict[int, AnnualRating] = field(default_factory=dict)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    records: list[RecordFact] = field(default_factory=list)

    def years_with(self, form: str, bases: Iterable[str] | None = None) -> set[int]:
        counted = None if bases is None else set(bases)
        return {
            r.year
            for r in self.records
            if r.form == form and (counted is None or r.basis in counted)
        }


@dataclass(frozen=True)
class YearRules:
    """The thresholds of each title's rule in force at the end of ``year``, with the forms'
    short names; a title whose rule gives none is not computed (None)."""

    year: int
    thresholds: dict[str, Any]
    names: dict[str, str]

    def get(self, form: str) -> Any:
        return self.thresholds.get(form)

    def name(self, form: str) -> str:
        return self.names.get(form, form)


def year_rules(year: int) -> YearRules:
    """The rules in force on 31/12 of ``year`` for the titles (one query)."""
    on = dt.date(year, 12, 31)
    rows = (
        AwardRule.objects.filter(form__code__in=list(RULES), valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("form")
        .order_by("form__code", "-valid_from")
    )
    thresholds: dict[str, Any] = {}
    names: dict[str, str] = {}
    for rule in rows:
        code = rule.form.code
        if code in names:
            continue
        names[code] = rule.form.short_name or rule.form.name
        check, model = RULES[code]
        values = (rule.thresholds or {}).get(check)
        if values is not None:
            thresholds[code] = model.model_validate(values)
    return YearRules(year, thresholds, names)


def load_people(nominee_ids: Iterable[int], year: int) -> dict[int, Person]:
    """Every listed person's results from ``year - SPAN`` to ``year``, in three queries."""
    ids = sorted(set(nominee_ids))
    people = {pk: Person(pk) for pk in ids}
    if not ids:
        return people
    first = year - SPAN
    for rating in AnnualRating.objects.filter(any_of("nominee_id", ids), year__range=(first, year)):
        people[rating.nominee_id].ratings[rating.year] = rating
    links = (
        Initiative.nominees.through.objects.filter(
            any_of("nominee_id", ids), initiative__year__range=(first, year)
        )
        .order_by("initiative__year", "initiative_id", "pk")
        .values_list("nominee_id", "initiative__year", "initiative__level", "initiative__title")
    )
    for nominee_id, i_year, level, title in links:
        people[nominee_id].initiatives.append(InitiativeFact(i_year, level, title))
    records = AwardRecord.objects.filter(
        IN_FORCE, any_of("nominee_id", ids), year__range=(first, year)
    ).values_list("nominee_id", "form__code", "year", "basis", "decision_number")
    for nominee_id, form, r_year, basis, number in records:
        people[nominee_id].records.append(RecordFact(form, r_year, basis, number))
    return people
