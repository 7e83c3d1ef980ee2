"""Report periods of a campaign and the unit reports they open (KH 128 IV.2).

``report_periods_generate`` is the only code that creates periods and unit reports; each
report starts *open* (its history starts with a ``created`` event).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import DueDate, reporting_calendar
from thidua.core.dates import Quarter
from thidua.reports.codes import EventKind
from thidua.reports.models import ReportEvent, ReportPeriod, ReportState, UnitReport
from thidua.reports.selectors import participating_units


def period_label(quarter: Quarter) -> str:
    """The period's name as documents write it, e.g. "Quý IV/2024" (stored data)."""
    return f"Quý {quarter.label}"


@dataclass(frozen=True)
class GenerateResult:
    """What ``report_periods_generate`` changed."""

    periods: int
    periods_created: int
    periods_updated: int
    reports_created: int
    lateness_changed: int


def _recheck_lateness(period: ReportPeriod, actor: Any) -> int:
    """Re-judge submitted reports against a moved effective due date; return the count."""
    changed = 0
    for report in UnitReport.objects.select_for_update().filter(
        period=period, submitted_at__isnull=False
    ):
        assert report.submitted_at is not None
        late = timezone.localdate(report.submitted_at) > period.effective_due
        if late != report.submitted_late:
            report.submitted_late = late
            report.save(update_fields=["submitted_late", "updated_at"])
            ReportEvent.objects.create(
                report=report,
                actor=actor,
                kind=EventKind.LATENESS_CHANGED,
                payload={"effective_due": period.effective_due.isoformat(), "late": late},
            )
            changed += 1
    return changed


def _upsert_period(
    campaign: Campaign, due: DueDate, existing: dict[tuple[int, int], ReportPeriod]
) -> tuple[ReportPeriod, str]:
    quarter = due.quarter
    values = {
        "label": period_label(quarter),
        "start": quarter.start,
        "end": quarter.end,
        "nominal_due": due.nominal,
        "effective_due": due.effective,
    }
    period = existing.get((quarter.year, quarter.number))
    if period is None:
        period = ReportPeriod.objects.create(
            campaign=campaign, year=quarter.year, number=quarter.number, **values
        )
        return period, "created"
    changed = {name for name, value in values.items() if getattr(period, name) != value}
    if not changed:
        return period, "same"
    for name in changed:
        setattr(period, name, values[name])
    period.save()
    return period, "due_moved" if "effective_due" in changed else "updated"


def _create_reports(campaign: Campaign, period: ReportPeriod, actor: Any) -> int:
    have = set(UnitReport.objects.filter(period=period).values_list("unit_id", flat=True))
    missing = [
        pk
        for pk in participating_units(campaign, period.end).values_list("pk", flat=True)
        if pk not in have
    ]
    if not missing:
        return 0
    UnitReport.objects.bulk_create([UnitReport(period=period, unit_id=pk) for pk in missing])
    created = UnitReport.objects.filter(period=period, unit_id__in=missing).values_list(
        "pk", flat=True
    )
    ReportEvent.objects.bulk_create(
        ReportEvent(report_id=pk, actor=actor, kind=EventKind.CREATED, to_state=ReportState.OPEN)
        for pk in created
    )
    return len(missing)


@transaction.atomic
def report_periods_generate(campaign: Campaign, *, actor: Any = None) -> GenerateResult:
    """Create or update the campaign's report periods, then each missing unit report.

    Periods follow ``campaigns.selectors.reporting_calendar`` (KH 128 IV.2: quarterly, the
    15th of the last month of the quarter; the weekend policy gives the effective due
    date). Re-running after the policy changed moves ``effective_due`` and re-judges the
    lateness of reports already submitted. Each participating unit (see
    ``selectors.participating_units``) gets one open report per period. Idempotent:
    nothing is deleted, and a second run changes nothing.
    """
    # Locked and read afresh: one run at a time, and never a stale reporting rule.
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    existing = {
        (p.year, p.number): p
        for p in ReportPeriod.objects.select_for_update().filter(campaign=campaign)
    }
    created = updated = reports = lateness = 0
    calendar = reporting_calendar(campaign)
    for due in calendar:
        period, outcome = _upsert_period(campaign, due, existing)
        created += outcome == "created"
        updated += outcome in {"updated", "due_moved"}
        if outcome == "due_moved":
            lateness += _recheck_lateness(period, actor)
        reports += _create_reports(campaign, period, actor)
    return GenerateResult(len(calendar), created, updated, reports, lateness)
