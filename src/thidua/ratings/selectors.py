"""Reads of ratings and initiatives. Every page and API call starts from
``ratings_visible_to`` / ``initiatives_visible_to``: a person's rating is seen by the staff
of their unit (and of the units above it whose roles cover it, the Ban TĐKT of the
province), never by a sibling unit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from thidua.accounts.selectors import reach_of
from thidua.awards.models import Nominee, SubjectKind
from thidua.organisations.models import Unit
from thidua.organisations.selectors import subtree_q
from thidua.ratings.facts import Person, YearRules, load_people, year_rules
from thidua.ratings.models import AnnualRating, CollectiveRating, Initiative
from thidua.ratings.titles import Member, Verdict, collective, cstd_tinh, cstdcs, ldtt, route_d


def _covered(user: Any, prefix: str) -> Q | None:
    """The units the user's roles cover (exactly or as a subtree); None: every unit."""
    reach = reach_of(user)
    if reach.is_admin:
        return None
    return Q(**{f"{prefix}id__in": sorted(reach.exact)}) | subtree_q(reach.subtree_paths, prefix)


def units_covered(user: Any) -> QuerySet[Unit]:
    """The units whose year results the user may see."""
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    query = _covered(user, "")
    return Unit.objects.all() if query is None else Unit.objects.filter(query)


def ratings_visible_to(user: Any) -> QuerySet[AnnualRating]:
    """Individual ratings of the units the user's roles cover; nothing when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return AnnualRating.objects.none()
    query = _covered(user, "nominee__unit__")
    rows = AnnualRating.objects.all()
    return rows if query is None else rows.filter(query)


def initiatives_visible_to(user: Any) -> QuerySet[Initiative]:
    """Initiatives registered by the units the user's roles cover."""
    if not getattr(user, "is_authenticated", False):
        return Initiative.objects.none()
    query = _covered(user, "unit__")
    rows = Initiative.objects.all()
    return rows if query is None else rows.filter(query)


def unit_visible(user: Any, unit_id: int) -> Unit:
    """The unit, when the user may see its results (``Unit.DoesNotExist`` otherwise)."""
    return units_covered(user).get(pk=unit_id)


def unit_people(unit: Unit) -> list[Nominee]:
    """The unit's individuals (duplicates merged away left out), by name."""
    return list(
        Nominee.objects.filter(
            unit=unit, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True
        ).order_by("search_key", "pk")
    )


@dataclass
class PersonRow:
    """One line of the unit-year page: the person, the year's rating, the year's
    initiatives, previous titles (in force) and the computed titles with their reasons."""

    nominee: Nominee
    facts: Person
    rating: AnnualRating | None
    initiatives: list[str]
    previous: list[str]
    verdicts: list[Verdict]


@dataclass
class UnitYear:
    unit: Unit
    year: int
    rules: YearRules
    rows: list[PersonRow]
    collective_rating: CollectiveRating | None
    collective: list[Verdict] = field(default_factory=list)


def _previous(person: Person, year: int, rules: YearRules) -> list[str]:
    return [
        f"{rules.name(r.form)} {r.year}"
        for r in sorted(person.records, key=lambda r: (r.year, r.form))
        if r.year < year
    ]


def person_verdicts(person: Person, year: int, rules: YearRules) -> list[Verdict]:
    """Every individual title of the year judged for ``person``."""
    return [
        ldtt(person, year, rules),
        cstdcs(person, year, rules),
        cstd_tinh(person, year, rules),
        route_d(person, year, rules),
    ]


def unit_year(unit: Unit, year: int) -> UnitYear:
    """The unit's year: its people with their results and computed titles, and the
    collective titles. A fixed number of queries whatever the number of people."""
    rules = year_rules(year)
    people = unit_people(unit)
    facts = load_people([n.pk for n in people], year)
    rows = []
    for nominee in people:
        person = facts[nominee.pk]
        rows.append(
            PersonRow(
                nominee=nominee,
                facts=person,
                rating=person.ratings.get(year),
                initiatives=[i.title for i in person.initiatives if i.year == year],
                previous=_previous(person, year, rules),
                verdicts=person_verdicts(person, year, rules),
            )
        )
    own = CollectiveRating.objects.filter(unit=unit, year=year).first()
    members = [Member(r.nominee.name, r.facts) for r in rows]
    rating = own.rating if own is not None else None
    verdicts = [collective(code, rating, members, year, rules) for code in ("ttldtt", "ttldxs")]
    return UnitYear(unit, year, rules, rows, own, verdicts)
