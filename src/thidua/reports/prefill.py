"""What a unit report starts from: the unit's works and its own targets for the period.

The issue asks that a quarterly report be pre-filled "from the unit's works progress and
target values for the period", so that the unit writes its narrative against the
figures thidua already holds. The snapshot is plain JSON (numbers as text where they are
decimals), stored in ``UnitReport.prefill`` and shown beside the narrative.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Q
from django.utils import timezone

from thidua.reports.models import UnitReport
from thidua.targets.evaluation import evaluate
from thidua.targets.models import Target, TargetValue
from thidua.works.models import Work, WorkState
from thidua.works.selectors import with_flags

#: Works that count for progress: registered and not withdrawn (no drafts, no cancelled).
_ACTIVE = [
    WorkState.SUBMITTED,
    WorkState.RETURNED,
    WorkState.APPROVED,
    WorkState.IN_PROGRESS,
    WorkState.COMPLETED,
]


def _number(value: Decimal | None) -> str | None:
    """A decimal as plain text without trailing zeros ("12.5", "10"), or None."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def as_of(report: UnitReport, today: dt.date | None = None) -> dt.date:
    """The day the snapshot describes: today, but never past the period's end."""
    return min(today or timezone.localdate(), report.period.end)


def works_summary(report: UnitReport, day: dt.date) -> dict[str, Any]:
    """The unit's works of the campaign on ``day``: counts by state, average progress of
    the active works, works completed inside the period, late works and works done ahead
    of schedule (the flags of ``works.selectors.with_flags``)."""
    period = report.period
    works = with_flags(
        Work.objects.filter(campaign_id=period.campaign_id, unit_id=report.unit_id), day
    )
    active = Q(state__in=_ACTIVE)
    totals = works.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=active),
        average=Avg("percent_complete", filter=active),
        completed_in_period=Count(
            "pk",
            filter=Q(
                state=WorkState.COMPLETED,
                actual_finish__gte=period.start,
                actual_finish__lte=period.end,
            ),
        ),
        # Aliases unlike the annotations: an aggregate named "late" filtering on the
        # annotation "late" compiles to FILTER (WHERE "late"), which counts nothing.
        late_works=Count("pk", filter=Q(late=True)),
        ahead_works=Count("pk", filter=Q(ahead=True)),
    )
    by_state = dict(
        works.order_by().values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    columns = ("state", "percent_complete", "planned_finish", "actual_finish", "late", "ahead")
    items = [
        {
            **row,
            "planned_finish": row["planned_finish"].isoformat(),
            "actual_finish": row["actual_finish"].isoformat() if row["actual_finish"] else None,
        }
        for row in works.filter(active)
        .order_by("planned_finish", "pk")
        .values("id", "title", *columns)
    ]
    average = totals["average"]
    return {
        "total": totals["total"],
        "active": totals["active"],
        "by_state": {state.value: by_state.get(state.value, 0) for state in WorkState},
        "average_progress": None if average is None else round(float(average), 1),
        "completed_in_period": totals["completed_in_period"],
        "late": totals["late_works"],
        "ahead": totals["ahead_works"],
        "items": items,
    }


def _latest_in_period(
    values: list[TargetValue], start: dt.date, end: dt.date
) -> TargetValue | None:
    inside = [v for v in values if start <= v.period_end <= end]
    return max(inside, key=lambda v: (v.period_end, v.pk)) if inside else None


def targets_summary(report: UnitReport, day: dt.date) -> list[dict[str, Any]]:
    """The unit's own targets of the campaign, each with its latest value recorded inside
    the period and its evaluation (``targets.evaluation.evaluate``) on the values known
    up to the period's end."""
    period = report.period
    targets = Target.objects.filter(
        campaign_id=period.campaign_id, unit_id=report.unit_id
    ).order_by("position", "code")
    values: dict[int, list[TargetValue]] = {}
    for value in TargetValue.objects.filter(
        target__in=targets, period_end__lte=period.end
    ).order_by("period_end", "pk"):
        values.setdefault(value.target_id, []).append(value)
    rows = []
    for target in targets:
        known = values.get(target.pk, [])
        latest = _latest_in_period(known, period.start, period.end)
        result = evaluate(target, known, day)
        rows.append(
            {
                "id": target.pk,
                "code": target.code,
                "indicator": target.indicator,
                "comparator": target.comparator,
                "value": _number(target.value),
                "value_max": _number(target.value_max),
                "measure_unit": target.measure_unit,
                "latest": None
                if latest is None
                else {
                    "label": latest.label,
                    "value": _number(latest.value),
                    "achieved_on": latest.achieved_on.isoformat() if latest.achieved_on else None,
                    "period_end": latest.period_end.isoformat(),
                    "is_estimate": latest.is_estimate,
                },
                "status": result.status.value,
                "measured": _number(result.measured),
                "forecast": _number(result.forecast),
                "warning": result.warning,
            }
        )
    return rows


def report_prefill(report: UnitReport, *, today: dt.date | None = None) -> dict[str, Any]:
    """The snapshot a report starts from: the unit's works and targets for its period.

    Guarantees: every number equals what the works and targets tables hold for the
    report's unit and campaign; nothing is written (the services store the result).
    """
    day = as_of(report, today)
    return {
        "as_of": day.isoformat(),
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "works": works_summary(report, day),
        "targets": targets_summary(report, day),
    }
