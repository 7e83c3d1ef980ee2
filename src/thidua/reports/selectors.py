"""Reads of report periods and unit reports. Every list starts from ``reports_visible_to``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit
from thidua.organisations.selectors import unit_scope_q
from thidua.reports.models import ReportPeriod, ReportState, UnitReport

_DONE = [ReportState.SUBMITTED, ReportState.ACCEPTED]


def reporting_kinds(campaign: Campaign) -> list[str]:
    """Unit kinds that report directly: those named by a registration rule not "via parent".

    KH 128 II.2.b: communes register (and report) through their district, so their rule is
    ``via_parent`` and they are no direct reporters; departments, mass organisations,
    other bodies, districts and enterprises are. Uses prefetched rules when present.
    """
    kinds: set[str] = set()
    for rule in campaign.registration_rules.all():
        if not rule.via_parent:
            kinds.update(rule.unit_kinds)
    return sorted(kinds)


def participating_units(campaign: Campaign, on: dt.date) -> QuerySet[Unit]:
    """Units that owe the campaign a report for a period ending ``on``.

    Under the campaign's issuer (not the issuer itself), of a reporting kind
    (``reporting_kinds``), and in existence on ``on``: a unit dissolved or merged before
    the period's end (2025 reorganisation) owes no report for it; a successor created
    during the period does.
    """
    issuer = campaign.issuer_unit
    return (
        Unit.objects.filter(
            valid_on(on),
            kind__in=reporting_kinds(campaign),
            path__startswith=issuer.path,
        )
        .exclude(pk=issuer.pk)
        .order_by("path")
    )


def reports_visible_to(user: Any) -> QuerySet[UnitReport]:
    """Reports of the units the user's roles cover; nothing for an anonymous user.

    A unit's officers and head see their own unit's reports, never a sibling's (leak
    tests); the secretariat, leaders and council members see their province's; a
    cluster leader sees the reports of the units in the groups it leads.
    """
    if not getattr(user, "is_authenticated", False):
        return UnitReport.objects.none()
    if reach_of(user).is_admin:
        return UnitReport.objects.all()
    # A subquery, not .distinct(): the cluster-leader branch joins group memberships.
    visible = UnitReport.objects.filter(unit_scope_q(user, prefix="unit__")).values("pk")
    return UnitReport.objects.filter(pk__in=visible)


def report_list(user: Any, *, campaign: int | None = None) -> QuerySet[UnitReport]:
    """Visible reports with their unit and period, newest period first (fixed queries)."""
    reports = reports_visible_to(user).select_related("unit", "period", "period__campaign")
    if campaign is not None:
        reports = reports.filter(period__campaign_id=campaign)
    return reports.order_by("-period__end", "unit__code")


def report_detail(user: Any, pk: int) -> UnitReport:
    """One visible report with sections, attachments and history.

    Raises ``UnitReport.DoesNotExist`` when it is missing *or* hidden, so the two cannot
    be told apart.
    """
    return (
        reports_visible_to(user)
        .select_related("unit", "period", "period__campaign", "confirmed_by")
        .prefetch_related("sections__content_area", "attachments", "events__actor")
        .get(pk=pk)
    )


def _overdue(today: dt.date) -> Q:
    return Q(state=ReportState.OPEN, period__effective_due__lt=today)


def submission_table(
    user: Any, period: ReportPeriod, *, today: dt.date | None = None
) -> QuerySet[UnitReport]:
    """Each visible unit's report for ``period``: state, submission time and flags, in SQL.

    Annotates ``late`` (submitted after the effective due date) and ``missing`` (still
    open after it), so the Ban TĐKT sees late and missing reports — they count in the
    cluster scoring. Ordered by unit code, ready to paginate; queries do not grow with
    the number of units.
    """
    day = today or timezone.localdate()
    return (
        reports_visible_to(user)
        .filter(period=period)
        .select_related("unit", "confirmed_by")
        .annotate(
            late=ExpressionWrapper(Q(submitted_late=True), output_field=BooleanField()),
            missing=ExpressionWrapper(_overdue(day), output_field=BooleanField()),
        )
        .order_by("unit__code", "pk")
    )


def missing_reports(
    periods: Iterable[ReportPeriod], *, today: dt.date | None = None
) -> QuerySet[UnitReport]:
    """The reports of ``periods`` still open after their effective due date (the "missing"
    of ``period_stats``), with their unit, by period and unit code: one query. Not scoped
    to a user: for the Ban TĐKT's views, which check they cover the province first."""
    return (
        UnitReport.objects.filter(_overdue(today or timezone.localdate()))
        .filter(period_id__in=[period.pk for period in periods])
        .select_related("unit")
        .order_by("period_id", "unit__code")
    )


@dataclass(frozen=True)
class PeriodStats:
    """Counts of a period's reports (one SQL aggregate)."""

    total: int
    open: int
    submitted: int
    returned: int
    accepted: int
    on_time: int
    late: int
    missing: int


def _stat_counts(day: dt.date) -> dict[str, Count]:
    """The counts of ``PeriodStats``, as aggregates over a period's unit reports."""
    done = Q(state__in=_DONE)
    return {
        "total": Count("pk"),
        "open": Count("pk", filter=Q(state=ReportState.OPEN)),
        "submitted": Count("pk", filter=Q(state=ReportState.SUBMITTED)),
        "returned": Count("pk", filter=Q(state=ReportState.RETURNED)),
        "accepted": Count("pk", filter=Q(state=ReportState.ACCEPTED)),
        "on_time": Count("pk", filter=done & Q(submitted_late=False)),
        "late": Count("pk", filter=done & Q(submitted_late=True)),
        "missing": Count("pk", filter=_overdue(day)),
    }


def period_stats(period: ReportPeriod, *, today: dt.date | None = None) -> PeriodStats:
    """How many reports of ``period`` are in each state, on time, late and missing.

    *On time* and *late*: submitted or accepted, by their ``submitted_late`` flag (a
    returned report counts again once resubmitted). *Missing*: still open after the
    effective due date. Not scoped to a user: for the secretariat's views, which check
    ``reports.review_unitreport`` (or cover the province) first.
    """
    row = UnitReport.objects.filter(period=period).aggregate(
        **_stat_counts(today or timezone.localdate())
    )
    return PeriodStats(**row)


def periods_of(campaign: Campaign) -> QuerySet[ReportPeriod]:
    """The campaign's report periods in order."""
    return ReportPeriod.objects.filter(campaign=campaign).order_by("year", "number")


def period_stats_many(
    periods: Iterable[ReportPeriod], *, today: dt.date | None = None
) -> dict[int, PeriodStats]:
    """``period_stats`` of several periods in one grouped query, keyed by period id.

    The same counts as ``period_stats`` (a period without reports gets zeros), for lists
    of periods whose query count must not grow with their length. Not scoped to a user.
    """
    ids = [period.pk for period in periods]
    rows = (
        UnitReport.objects.filter(period_id__in=ids)
        .values("period_id")
        .annotate(**_stat_counts(today or timezone.localdate()))
        .order_by()
    )
    found = {row.pop("period_id"): PeriodStats(**row) for row in rows} if ids else {}
    empty = PeriodStats(0, 0, 0, 0, 0, 0, 0, 0)
    return {pk: found.get(pk, empty) for pk in ids}
