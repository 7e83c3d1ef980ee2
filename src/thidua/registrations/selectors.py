"""Reads of registrations. Every page, export and API call starts from
``registrations_visible_to(user)``: a unit's staff see their unit's (and, with a subtree
membership, its sub-units'), the Ban TĐKT and the province's leaders see the province's;
a sibling unit's registration is never visible."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from thidua.accounts.selectors import reach_of
from thidua.awards.models import AwardForm, AwardFormKind
from thidua.core.text import fold
from thidua.core.tree import root_path
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.selectors import subtree_q, unit_search
from thidua.registrations.models import (
    REGISTERED_STATES,
    Registration,
    RegistrationEntry,
    RegistrationSetting,
    Severity,
    default_deadline,
)
from thidua.registrations.rules import may_compile

#: The kinds of unit that register with the province: departments, mass organisations,
#: communes (and, before 01/7/2025, districts).
REGISTERING_KINDS = (
    UnitKind.DEPARTMENT,
    UnitKind.MASS_ORGANISATION,
    UnitKind.DISTRICT,
    UnitKind.COMMUNE,
)


def _scope_q(user: Any, prefix: str = "") -> Q:
    """The units the user's roles cover, without the Cụm/Khối leader's extra reach."""
    reach = reach_of(user)
    if reach.is_admin:
        return Q()
    return Q(**{f"{prefix}pk__in": sorted(reach.exact)}) | subtree_q(reach.subtree_paths, prefix)


def registrations_visible_to(user: Any) -> QuerySet[Registration]:
    """The registrations of the units the user's roles cover; none when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return Registration.objects.filter(_scope_q(user, "unit__"))


def unit_in_reach(user: Any, pk: int) -> Unit | None:
    """The unit ``pk`` if the user's roles cover it (its own staff, a parent's subtree
    staff, the province's Ban TĐKT and leaders), else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Unit.objects.filter(_scope_q(user), pk=pk).first()


def title_forms(subject_kind: str | None = None) -> QuerySet[AwardForm]:
    """The award forms of kind title (danh hiệu thi đua), for ``subject_kind`` when given."""
    forms = AwardForm.objects.filter(kind=AwardFormKind.TITLE).order_by("position", "code")
    if subject_kind:
        return forms.filter(pk__in=[f.pk for f in forms if subject_kind in f.subject_kinds])
    return forms


def registration_detail(user: Any, pk: int) -> Registration:
    """One visible registration with its entries and history (DoesNotExist otherwise)."""
    return (
        registrations_visible_to(user)
        .select_related("unit", "submitted_by")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=RegistrationEntry.objects.select_related("nominee", "form"),
            ),
            "events__actor",
        )
        .get(pk=pk)
    )


def registration_list(
    user: Any, *, year: int | None = None, state: str = "", search: str = ""
) -> QuerySet[Registration]:
    """Visible registrations, filtered, with their unit and entry count (fixed queries)."""
    rows = registrations_visible_to(user).select_related("unit", "submitted_by")
    if year:
        rows = rows.filter(year=year)
    if state:
        rows = rows.filter(state=state)
    for word in fold(search).split():
        rows = rows.filter(unit__search_text__contains=word)
    return rows.annotate(entry_count=Count("entries")).order_by("-year", "unit__path", "pk")


def _year_day(year: int) -> dt.date:
    """The day the units of ``year`` are taken on: today, or the year's last day."""
    return min(timezone.localdate(), dt.date(year, 12, 31))


def units_expected(user: Any, year: int) -> QuerySet[Unit]:
    """The units whose registration for ``year`` the user follows: for the Ban TĐKT and the
    province's leaders, every department, mass organisation, commune (district before
    01/7/2025) of their province; for a unit's staff, their own unit and, with a subtree
    membership, its sub-units. Units in force on the year's last day (or today)."""
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    reach = reach_of(user)
    units = Unit.objects.filter(valid_on(_year_day(year))).exclude(kind=UnitKind.PROVINCE)
    if reach.is_admin:
        return units.filter(kind__in=REGISTERING_KINDS)
    query = Q(pk__in=sorted(reach.exact))
    if may_compile(user):
        query |= subtree_q(reach.subtree_paths) & Q(kind__in=REGISTERING_KINDS)
    else:
        query |= subtree_q(reach.subtree_paths)
    return units.filter(query)


def compiled_units(
    user: Any, year: int, *, status: str = "", kind: str = "", search: str = ""
) -> QuerySet[Unit]:
    """The followed units for ``year``, filtered by ``status`` ("submitted": registered,
    "missing": not yet, or a ``RegistrationState``), ``kind`` and a diacritics-free name
    search, in tree order; each unit carries ``year_registration`` (a list of 0 or 1)."""
    units = units_expected(user, year)
    registered = Registration.objects.filter(year=year, state__in=REGISTERED_STATES)
    if status == "submitted":
        units = units.filter(pk__in=registered.values("unit_id"))
    elif status == "missing":
        units = units.exclude(pk__in=registered.values("unit_id"))
    elif status:
        chosen = Registration.objects.filter(year=year, state=status)
        units = units.filter(pk__in=chosen.values("unit_id"))
    if kind:
        units = units.filter(kind=kind)
    units = unit_search(units, search)
    year_rows = Registration.objects.filter(year=year).annotate(entry_count=Count("entries"))
    return units.prefetch_related(
        Prefetch(
            "registrations",
            queryset=year_rows.select_related("submitted_by"),
            to_attr="year_registration",
        )
    ).order_by("path")


def title_totals(user: Any, year: int) -> list[tuple[AwardForm, int]]:
    """Per title, how many entries the followed units registered (submitted or accepted)
    for ``year``: one aggregate query."""
    counts = dict(
        RegistrationEntry.objects.filter(
            registration__year=year,
            registration__state__in=REGISTERED_STATES,
            registration__unit__in=units_expected(user, year).values("pk"),
        )
        .values_list("form_id")
        .annotate(n=Count("pk"))
        .values_list("form_id", "n")
    )
    return [(form, counts.get(form.pk, 0)) for form in title_forms()]


def compiled_entries(user: Any, year: int) -> QuerySet[RegistrationEntry]:
    """Every registered entry of the followed units for ``year`` (the compiled list)."""
    return (
        RegistrationEntry.objects.filter(
            registration__year=year,
            registration__state__in=REGISTERED_STATES,
            registration__unit__in=units_expected(user, year).values("pk"),
        )
        .select_related("registration__unit", "nominee", "form")
        .order_by("registration__unit__path", "form__position", "nominee__search_key", "pk")
    )


@dataclass(frozen=True)
class YearSetting:
    """The settings of a province's registration for a year, and whether the Ban TĐKT has
    recorded them (``recorded``) or they are the defaults."""

    deadline: dt.date
    severity: str
    source: str
    recorded: bool


def year_setting(province_path: str, year: int) -> YearSetting:
    """The registration settings of the province holding ``province_path`` for ``year``:
    the recorded row, else the defaults (deadline ``default_deadline``, warn)."""
    return year_settings({(province_path, year)})[(root_path(province_path), year)]


def year_settings(pairs: set[tuple[str, int]]) -> dict[tuple[str, int], YearSetting]:
    """``year_setting`` of many (unit path, year) at once, in one query, by (the province's
    path, year)."""
    wanted = {(root_path(path), year) for path, year in pairs}
    rows = RegistrationSetting.objects.filter(
        province__path__in={path for path, _year in wanted},
        year__in={year for _path, year in wanted},
    ).values_list("province__path", "year", "deadline", "severity", "source")
    recorded = {
        (path, year): YearSetting(deadline, severity, source, recorded=True)
        for path, year, deadline, severity, source in rows
    }
    return {
        key: recorded.get(key)
        or YearSetting(default_deadline(key[1]), Severity.WARN, "", recorded=False)
        for key in wanted
    }


def province_of(unit: Unit) -> Unit | None:
    """The province (the tree's root) that holds ``unit``."""
    return Unit.objects.filter(path=root_path(unit.path)).first()
