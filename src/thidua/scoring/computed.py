"""Computed criteria: points taken from what thidua holds, not typed in.

KH 128 IV.3 asks the Cụm/Khối to add criteria on how members carry out the plan; the
plan's own obligations are the measurable ones: quarterly reports on the 15th of the
quarter's last month (IV.2), at least one registered work per unit (II.2) and finishing
it, and the unit's own targets (II.1). Each source is one SQL aggregate over all the
units of a criteria set (targets: one query for targets and their values, evaluated by
``targets.evaluation``). Points = share × maximum, rounded to 0,01.

- ``reports_on_time``: reports of the campaign's periods of the set's year already due
  (effective due date on or before the day counted), submitted and not late, over the
  number of those periods;
- ``works_registered``: registered works (submitted or further, not cancelled: works'
  ``REGISTERED_STATES``) over the criterion's ``target_count``, capped at 1;
- ``works_completed``: completed works over registered works;
- ``targets_met``: the unit's own targets met or exceeded over its own targets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.scoring.models import ComputedSource, CriteriaSet, Criterion
from thidua.targets.evaluation import Status, evaluate
from thidua.targets.models import Target
from thidua.targets.selectors import with_values
from thidua.works.models import REGISTERED_STATES, Work, WorkState

CENT = Decimal("0.01")
SHARE_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Figure:
    """What a source measured for one unit: ``done`` of ``out_of``, and its share (0–1)."""

    done: int
    out_of: int
    share: Decimal
    detail: str


def _figure(done: int, out_of: int, detail: str, *, cap: bool = False) -> Figure:
    if out_of <= 0:
        return Figure(done, out_of, Decimal(0), detail)
    share = Decimal(done) / Decimal(out_of)
    if cap:
        share = min(share, Decimal(1))
    return Figure(done, out_of, share.quantize(SHARE_PLACES, ROUND_HALF_UP), detail)


def points_for(criterion: Criterion, figure: Figure) -> Decimal:
    """The criterion's points for a measured share: share × maximum, to 0,01."""
    return (criterion.max_points * figure.share).quantize(CENT, ROUND_HALF_UP)


def counted_until(criteria_set: CriteriaSet, today: dt.date) -> dt.date:
    """The last day counted: today, or 31/12 of the set's year once the year is over."""
    return min(today, dt.date(criteria_set.year, 12, 31))


def reports_on_time(
    criteria_set: CriteriaSet, unit_ids: list[int], until: dt.date
) -> dict[int, Figure]:
    """Reports submitted on time, per unit, over the periods of the year already due."""
    if criteria_set.campaign_id is None:
        return {}
    periods = ReportPeriod.objects.filter(
        campaign_id=criteria_set.campaign_id, year=criteria_set.year, effective_due__lte=until
    )
    due = periods.count()
    rows = (
        UnitReport.objects.filter(period__in=periods, unit_id__in=unit_ids)
        .values("unit_id")
        .annotate(
            on_time=Count(
                "pk",
                filter=Q(
                    state__in=[ReportState.SUBMITTED, ReportState.ACCEPTED],
                    submitted_at__isnull=False,
                    submitted_late=False,
                ),
            )
        )
        .order_by()
    )
    counts = {row["unit_id"]: row["on_time"] for row in rows}
    return {
        unit_id: _figure(
            counts.get(unit_id, 0),
            due,
            _("%(done)s/%(due)s báo cáo quý đúng hạn")
            % {"done": counts.get(unit_id, 0), "due": due},
        )
        for unit_id in unit_ids
    }


def _work_counts(criteria_set: CriteriaSet, unit_ids: list[int]) -> dict[int, tuple[int, int]]:
    if criteria_set.campaign_id is None:
        return {}
    rows = (
        Work.objects.filter(campaign_id=criteria_set.campaign_id, unit_id__in=unit_ids)
        .values("unit_id")
        .annotate(
            registered=Count("pk", filter=Q(state__in=REGISTERED_STATES)),
            completed=Count("pk", filter=Q(state=WorkState.COMPLETED)),
        )
        .order_by()
    )
    return {row["unit_id"]: (row["registered"], row["completed"]) for row in rows}


def works_registered(
    criteria_set: CriteriaSet, unit_ids: list[int], required: int
) -> dict[int, Figure]:
    """Registered works per unit over the number the criterion asks for (capped at 1)."""
    counts = _work_counts(criteria_set, unit_ids)
    figures = {}
    for unit_id in unit_ids:
        registered = counts.get(unit_id, (0, 0))[0]
        detail = _("%(done)s công trình đã đăng ký (cần %(need)s)") % {
            "done": registered,
            "need": required,
        }
        figures[unit_id] = _figure(registered, max(required, 1), detail, cap=True)
    return figures


def works_completed(criteria_set: CriteriaSet, unit_ids: list[int]) -> dict[int, Figure]:
    """Completed works per unit over its registered works."""
    counts = _work_counts(criteria_set, unit_ids)
    figures = {}
    for unit_id in unit_ids:
        registered, completed = counts.get(unit_id, (0, 0))
        detail = _("%(done)s/%(all)s công trình hoàn thành") % {
            "done": completed,
            "all": registered,
        }
        figures[unit_id] = _figure(completed, registered, detail)
    return figures


def targets_met(
    criteria_set: CriteriaSet, unit_ids: list[int], until: dt.date
) -> dict[int, Figure]:
    """The unit's own targets met or exceeded (as of ``until``) over its own targets."""
    if criteria_set.campaign_id is None:
        return {}
    targets = with_values(
        Target.objects.filter(campaign_id=criteria_set.campaign_id, unit_id__in=unit_ids)
    )
    met: dict[int, int] = {}
    total: dict[int, int] = {}
    for target in targets:
        assert target.unit_id is not None
        values = [v for v in target.values.all() if v.period_end <= until]
        status = evaluate(target, values, until).status
        total[target.unit_id] = total.get(target.unit_id, 0) + 1
        if status in {Status.MET, Status.EXCEEDED}:
            met[target.unit_id] = met.get(target.unit_id, 0) + 1
    return {
        unit_id: _figure(
            met.get(unit_id, 0),
            total.get(unit_id, 0),
            _("%(done)s/%(all)s chỉ tiêu đạt, vượt")
            % {"done": met.get(unit_id, 0), "all": total.get(unit_id, 0)},
        )
        for unit_id in unit_ids
    }


def measure(
    criterion: Criterion, criteria_set: CriteriaSet, unit_ids: list[int], until: dt.date
) -> dict[int, Figure]:
    """Figures of ``criterion``'s source for every unit in ``unit_ids``."""
    source = ComputedSource(criterion.source)
    if source is ComputedSource.REPORTS_ON_TIME:
        return reports_on_time(criteria_set, unit_ids, until)
    if source is ComputedSource.WORKS_REGISTERED:
        return works_registered(criteria_set, unit_ids, criterion.target_count)
    if source is ComputedSource.WORKS_COMPLETED:
        return works_completed(criteria_set, unit_ids)
    return targets_met(criteria_set, unit_ids, until)
