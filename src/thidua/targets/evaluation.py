"""Evaluate a target against its actual values, and forecast it to the end of its period.

Pure functions over a target and its values (no queries): callers prefetch ``values``.

What is measured depends on the target's kind:

- level: the latest value recorded up to the end of the target's period;
- per_year: the latest year's value (each year must meet the target);
- cumulative: the sum of the values over the period ("2.500 doanh nghiệp trong 05 năm");
- average_growth / annual_reduction: the mean of the yearly values over the period
  (each value is that year's growth rate or reduction, in the target's unit);
- milestone: the day it was achieved, against the deadline ("trước năm 2025").

The status compares the measure with the comparator: *vượt* when a "≥" or range target
is beaten (above the value, or above the range), *đạt* when it is satisfied, *chưa đạt*
when not, *chưa đủ dữ liệu* when there is nothing to compare. Lower-is-better targets
("dưới 2%") are *đạt* when satisfied; they have no *vượt*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from thidua.targets.models import Comparator, Target, TargetKind, TargetValue


class Status(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.EXCEEDED: _("Vượt"),
    Status.MET: _("Đạt"),
    Status.NOT_MET: _("Chưa đạt"),
    Status.NO_DATA: _("Chưa đủ dữ liệu"),
}


@dataclass(frozen=True)
class Evaluation:
    """The status of a target today, its forecast to the period end, and an early warning."""

    status: Status
    measured: Decimal | None
    values_used: int
    forecast: Decimal | None
    forecast_status: Status
    warning: bool


def _span(target: Target) -> tuple[dt.date | None, dt.date | None]:
    start = target.period_from_partial.first_day() if target.period_from_partial else None
    end = target.period_to_partial.last_day() if target.period_to_partial else None
    return start, end


def values_in_period(target: Target, values: Sequence[TargetValue]) -> list[TargetValue]:
    """Values whose period ends inside the target's period, oldest first."""
    start, end = _span(target)
    chosen = [
        v
        for v in values
        if (start is None or v.period_end >= start) and (end is None or v.period_end <= end)
    ]
    return sorted(chosen, key=lambda v: (v.period_end, v.pk or 0))


def measure(target: Target, values: Sequence[TargetValue]) -> tuple[Decimal | None, int]:
    """The figure to compare and how many values it rests on."""
    chosen = [v for v in values_in_period(target, values) if v.value is not None]
    if not chosen:
        return None, 0
    numbers = [v.value for v in chosen if v.value is not None]
    if target.kind == TargetKind.CUMULATIVE:
        return sum(numbers, Decimal(0)), len(numbers)
    if target.kind in {TargetKind.AVERAGE_GROWTH, TargetKind.ANNUAL_REDUCTION}:
        return sum(numbers, Decimal(0)) / len(numbers), len(numbers)
    return numbers[-1], 1


def compare(target: Target, measured: Decimal | None) -> Status:
    """Compare a measured figure with the target's comparator and value(s)."""
    if measured is None or target.value is None:
        return Status.NO_DATA
    value, top = target.value, target.value_max
    comparator = target.comparator
    if comparator == Comparator.BETWEEN and top is not None:
        if measured > top:
            return Status.EXCEEDED
        return Status.MET if measured >= value else Status.NOT_MET
    if comparator == Comparator.GTE:
        if measured > value:
            return Status.EXCEEDED
        return Status.MET if measured == value else Status.NOT_MET
    checks = {
        Comparator.GT: measured > value,
        Comparator.LT: measured < value,
        Comparator.LTE: measured <= value,
        Comparator.EQ: measured == value,
    }
    return Status.MET if checks.get(Comparator(comparator), False) else Status.NOT_MET


def _milestone(target: Target, values: Sequence[TargetValue], today: dt.date) -> Evaluation:
    achieved = sorted(v.achieved_on for v in values if v.achieved_on is not None)
    deadline = target.deadline
    if achieved and deadline is not None:
        status = Status.MET if achieved[0] < deadline else Status.NOT_MET
    elif deadline is not None and today >= deadline:
        status = Status.NOT_MET
    else:
        status = Status.NO_DATA
    return Evaluation(status, None, len(achieved), None, status, False)


def _years(day: dt.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def forecast(target: Target, values: Sequence[TargetValue]) -> Decimal | None:
    """The expected measure at the end of the target's period, from the values' trend.

    Levels follow a least-squares line through the values to the period end; cumulative
    targets add the mean yearly value for the years left; rates (per year, average growth,
    annual reduction) keep the line's value at the end. Needs two values (one for sums).
    """
    chosen = [v for v in values_in_period(target, values) if v.value is not None]
    _start, end = _span(target)
    if not chosen or end is None:
        return None
    if target.kind == TargetKind.CUMULATIVE:
        total = sum((v.value for v in chosen if v.value is not None), Decimal(0))
        years_left = max(0, end.year - chosen[-1].period_end.year)
        return total + total / len(chosen) * years_left
    if len(chosen) < 2:
        return chosen[-1].value
    xs = [_years(v.period_end) for v in chosen]
    ys = [float(v.value) for v in chosen if v.value is not None]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = (
        0.0
        if spread == 0
        else sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    )
    at_end = mean_y + slope * (_years(end) - mean_x)
    if target.kind in {TargetKind.AVERAGE_GROWTH, TargetKind.ANNUAL_REDUCTION}:
        # The mean of the values so far plus the expected ones left on the trend line.
        return Decimal(str(round((mean_y * len(ys) + at_end) / (len(ys) + 1), 4)))
    return Decimal(str(round(at_end, 4)))


def evaluate(target: Target, values: Sequence[TargetValue], today: dt.date) -> Evaluation:
    """Status today, forecast at the period end, and a warning when it is likely missed."""
    if target.kind == TargetKind.MILESTONE or target.comparator == Comparator.BEFORE:
        return _milestone(target, values, today)
    measured, used = measure(target, values)
    status = compare(target, measured)
    expected = forecast(target, values)
    expected_status = compare(target, expected)
    _start, end = _span(target)
    still_open = end is None or today <= end
    warning = still_open and expected_status == Status.NOT_MET
    return Evaluation(status, measured, used, expected, expected_status, warning)
