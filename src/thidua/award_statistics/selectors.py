"""Reads of the annual statistical report: the year's figures from the award history, the
reports a person may see, the provinces whose report they may open.

The figures are aggregated in SQL (one grouped query over the award history, one over
the award forms), so the cost does not grow with the number of awards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.award_statistics.models import AnnualStatistics, ReportState
from thidua.award_statistics.rules import may_view_statistics
from thidua.awards.models import AwardForm, AwardRecord
from thidua.awards.models.forms import AwardFormKind, SubjectKind
from thidua.awards.models.nominations import IN_FORCE
from thidua.awards.models.nominees import Gender
from thidua.core.tree import path_ids
from thidua.organisations.models import Unit

#: The figures of each row, in column order (column codes 1…7 of the XLSX).
FIGURES = (
    "total",
    "collective",
    "individual",
    "female",
    "direct_worker",
    "household",
    "amount",
)


@dataclass(frozen=True)
class Row:
    """One award form's figures for the year."""

    code: str
    name: str
    kind: str
    total: int = 0
    collective: int = 0
    individual: int = 0
    female: int = 0
    direct_worker: int = 0
    household: int = 0
    amount: int = 0

    def values(self) -> list[int]:
        return [getattr(self, name) for name in FIGURES]


@dataclass(frozen=True)
class Statistics:
    """A province's figures for a year: one row per award form, titles first, and the
    totals of each group and of all."""

    province: Unit
    year: int
    rows: list[Row] = field(default_factory=list)

    @property
    def titles(self) -> list[Row]:
        return [row for row in self.rows if row.kind == AwardFormKind.TITLE]

    @property
    def forms(self) -> list[Row]:
        return [row for row in self.rows if row.kind != AwardFormKind.TITLE]

    @staticmethod
    def _sum(rows: list[Row], name: str) -> Row:
        totals = {figure: sum(getattr(row, figure) for row in rows) for figure in FIGURES}
        return Row(code="", name=name, kind="", **totals)

    def total(self) -> Row:
        return self._sum(self.rows, "")

    def titles_total(self) -> Row:
        return self._sum(self.titles, "")

    def forms_total(self) -> Row:
        return self._sum(self.forms, "")


def awards_of(province: Unit, year: int) -> QuerySet[AwardRecord]:
    """The awards counted in ``province``'s report for ``year``: decisions signed in the
    year, for nominees of the province's units (its predecessors' too, which sit in its
    tree), none revoked (Luật Thi đua, khen thưởng 2022 Chương VII)."""
    return AwardRecord.objects.filter(
        IN_FORCE,
        decision_date__gte=dt.date(year, 1, 1),
        decision_date__lte=dt.date(year, 12, 31),
        nominee__unit__path__startswith=province.path,
    )


def _counts() -> dict[str, Any]:
    individual = Q(nominee__kind=SubjectKind.INDIVIDUAL)
    return {
        "total": Count("pk"),
        "collective": Count("pk", filter=Q(nominee__kind=SubjectKind.COLLECTIVE)),
        "individual": Count("pk", filter=individual),
        "female": Count("pk", filter=individual & Q(nominee__gender=Gender.FEMALE)),
        "direct_worker": Count("pk", filter=individual & Q(nominee__direct_worker=True)),
        "household": Count("pk", filter=Q(nominee__kind=SubjectKind.HOUSEHOLD)),
        "amount": Sum("amount"),
    }


def statistics_for(province: Unit, year: int) -> Statistics:
    """The year's figures of ``province``, one row per award form (a form nobody received
    shows zeros). Not scoped to a user: callers check ``may_view_statistics`` first.

    Two queries: the forms, and the awards grouped by form."""
    grouped = {
        row.pop("form_id"): row
        for row in awards_of(province, year).values("form_id").annotate(**_counts()).order_by()
    }
    forms = AwardForm.objects.order_by("-kind", "position", "code")
    rows = []
    for form in forms:
        figures = grouped.get(form.pk, {})
        values = {name: int(figures.get(name) or 0) for name in FIGURES}
        rows.append(Row(code=form.code, name=form.name, kind=form.kind, **values))
    return Statistics(province=province, year=year, rows=rows)


def report_of(province: Unit, year: int) -> AnnualStatistics | None:
    """The recorded state of ``province``'s report for ``year`` (None: never sent)."""
    return AnnualStatistics.objects.filter(province=province, year=year).first()


def is_sent(province: Unit, year: int) -> bool:
    return AnnualStatistics.objects.filter(
        province=province, year=year, state=ReportState.SENT
    ).exists()


def provinces_of(user: Any) -> QuerySet[Unit]:
    """The provinces whose report ``user`` may open: those where they are the Ban TĐKT or
    a leader (all provinces for a system administrator), by code."""
    reach = reach_of(user)
    provinces = Unit.objects.filter(parent__isnull=True)
    if reach.is_admin:
        return provinces.order_by("code")
    held = reach.roles.get(Role.SECRETARIAT, frozenset()) | reach.roles.get(
        Role.LEADER, frozenset()
    )
    if not held:
        return provinces.none()
    roots = {
        path_ids(path)[0]
        for path in Unit.objects.filter(pk__in=held).values_list("path", flat=True)
    }
    return provinces.filter(pk__in=roots).order_by("code")


def province_for(user: Any, pk: int | None) -> Unit | None:
    """The province ``pk`` (or the user's first) when the user may see its report."""
    provinces = provinces_of(user)
    province = provinces.filter(pk=pk).first() if pk else provinces.first()
    if province is None or not may_view_statistics(user, province):
        return None
    return province


def reports_visible_to(user: Any) -> QuerySet[AnnualStatistics]:
    """The recorded reports of the provinces ``user`` may open."""
    return AnnualStatistics.objects.filter(province__in=provinces_of(user)).select_related(
        "province", "sent_by"
    )
