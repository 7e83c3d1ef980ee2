"""Evaluate a target against its actual values, and forecast it to the end of its period.

Pure functions over a target and its values (no queries): callers prefetch ``values``.

What is measured depends on the target's kind:

- level: the latest value recorded up to the end of the target's period;
- per_year: each year must meet the target ("hằng năm"): the latest value of each year
  counts for that year, and the year with the worst status decides (the latest year when
  all are alike);
- cumulative: the sum of the values over the period ("2.500 doanh nghiệp trong 05 năm");
- average_growth / annual_reduction: the mean of the yearly values over the period
  (each value is that year's growth rate or reduction, in the target's unit). The first
  year of the period is the base year ("nhiệm kỳ 2020 - 2025": 2020 is the base, the
  growth years are 2021–2025; docs/campaign-file.md), so its value does not count;
- milestone: the day it was achieved, against the deadline ("trước năm 2025").

Sums and means take each stretch of time once: a value whose period lies inside another
value's period (quý I inside năm 2024) is left out, so quarterly and yearly figures of the
same year are not counted twice.

The status compares the measure with the comparator: *vượt* when a "≥" or range target
is beaten (above the value, or above the range), *đạt* when it is satisfied, *chưa đạt*
when not, *chưa đủ dữ liệu* when there is nothing to compare. Lower-is-better targets
("dưới 2%") are *đạt* when satisfied; they have no *vượt*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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

#: Worst first: a per-year target is as good as its worst year.
_RANK = {Status.NOT_MET: 0, Status.MET: 1, Status.EXCEEDED: 2}
_MEANS = frozenset({TargetKind.AVERAGE_GROWTH, TargetKind.ANNUAL_REDUCTION})
_PLACES = Decimal("0.0001")


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


def _counted_from(target: Target) -> dt.date | None:
    """The first day a value may end on: the day after the base year for averages."""
    start, _end = _span(target)
    base = target.period_from_partial
    if target.kind in _MEANS and base is not None:
        return base.last_day() + dt.timedelta(days=1)
    return start


def values_in_period(target: Target, values: Sequence[TargetValue]) -> list[TargetValue]:
    """Values whose period ends inside the target's period, oldest first (for averages,
    after the base year)."""
    start, end = _counted_from(target), _span(target)[1]
    chosen = [
        v
        for v in values
        if (start is None or v.period_end >= start) and (end is None or v.period_end <= end)
    ]
    return sorted(chosen, key=lambda v: (v.period_end, v.pk or 0))


def _outermost(values: list[TargetValue]) -> list[TargetValue]:
    """Drop values whose period lies inside another value's period (no double counting)."""
    return [
        v
        for v in values
        if not any(
            other is not v
            and other.period_start <= v.period_start
            and v.period_end <= other.period_end
            for other in values
        )
    ]


def _latest_per_year(values: list[TargetValue]) -> list[TargetValue]:
    """The latest value of each calendar year (a year's figure supersedes its quarters)."""
    latest: dict[int, TargetValue] = {}
    for value in values:  # oldest first: later ones replace earlier ones
        latest[value.period_end.year] = value
    return [latest[year] for year in sorted(latest)]


def used_values(target: Target, values: Sequence[TargetValue]) -> list[TargetValue]:
    """The numeric values the measure rests on, oldest first."""
    chosen = [v for v in values_in_period(target, values) if v.value is not None]
    if target.kind == TargetKind.CUMULATIVE or target.kind in _MEANS:
        return _outermost(chosen)
    if target.kind == TargetKind.PER_YEAR:
        return _latest_per_year(chosen)
    return chosen


def _number(value: TargetValue) -> Decimal:
    return value.value if value.value is not None else Decimal(0)


def _deciding_year(target: Target, years: list[TargetValue]) -> TargetValue:
    """The year with the worst status; the latest one among equals."""
    ranked = [(_RANK[compare(target, _number(v))], -i, v) for i, v in enumerate(years)]
    return min(ranked, key=lambda item: (item[0], item[1]))[2]


def measure(target: Target, values: Sequence[TargetValue]) -> tuple[Decimal | None, int]:
    """The figure to compare and how many values it rests on."""
    used = used_values(target, values)
    if not used:
        return None, 0
    numbers = [_number(v) for v in used]
    if target.kind == TargetKind.CUMULATIVE:
        return sum(numbers, Decimal(0)), len(numbers)
    if target.kind in _MEANS:
        return (sum(numbers, Decimal(0)) / len(numbers)).quantize(_PLACES), len(numbers)
    if target.kind == TargetKind.PER_YEAR and target.value is not None:
        return _number(_deciding_year(target, used)), len(used)
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


def _trend(used: list[TargetValue]) -> Callable[[dt.date], float]:
    """The least-squares line through the values (x: the period's end, in years)."""
    xs = [_years(v.period_end) for v in used]
    ys = [float(_number(v)) for v in used]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = (
        0.0
        if spread == 0
        else sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    )
    return lambda day: mean_y + slope * (_years(day) - mean_x)


def _rounded(number: float | Decimal) -> Decimal:
    return Decimal(str(number)).quantize(_PLACES)


def _cumulative_forecast(used: list[TargetValue], end: dt.date) -> Decimal:
    """The sum so far plus the same pace per day for the days left (quarters or years)."""
    total = sum((_number(v) for v in used), Decimal(0))
    first = min(v.period_start for v in used)
    last = max(v.period_end for v in used)
    covered = (last - first).days + 1
    left = max(0, (end - last).days)
    return _rounded(total + total * left / covered)


def forecast(target: Target, values: Sequence[TargetValue]) -> Decimal | None:
    """The expected measure at the end of the target's period, from the values' trend.

    Levels and per-year targets follow a least-squares line through the values to the
    period end; cumulative targets add, for the days left, the pace of the days covered;
    averages add the line's value at the end of each year left and take the mean of all.
    Needs two values for a trend (one value stays flat); a period without an end gives none.
    """
    used = used_values(target, values)
    _start, end = _span(target)
    if not used or end is None:
        return None
    if target.kind == TargetKind.CUMULATIVE:
        return _cumulative_forecast(used, end)
    if len(used) < 2:
        return used[-1].value
    line = _trend(used)
    if target.kind in _MEANS:
        known = [float(_number(v)) for v in used]
        years_left = range(used[-1].period_end.year + 1, end.year + 1)
        expected = [line(min(dt.date(year, 12, 31), end)) for year in years_left]
        everything = known + expected
        return _rounded(sum(everything) / len(everything))
    return _rounded(line(end))


def _worst(statuses: list[Status]) -> Status:
    return min(statuses, key=lambda status: _RANK.get(status, -1))


def evaluate(target: Target, values: Sequence[TargetValue], today: dt.date) -> Evaluation:
    """Status today, forecast at the period end, and a warning when it is likely missed."""
    if target.kind == TargetKind.MILESTONE or target.comparator == Comparator.BEFORE:
        return _milestone(target, values, today)
    measured, used = measure(target, values)
    status = compare(target, measured)
    expected = forecast(target, values)
    expected_status = compare(target, expected)
    _start, end = _span(target)
    if target.kind == TargetKind.PER_YEAR and end is not None and expected is not None:
        # A year already missed stays missed: the trend only speaks for the last year.
        closed = [
            compare(target, _number(v))
            for v in used_values(target, values)
            if v.period_end.year < end.year
        ]
        expected_status = _worst([expected_status, *closed])
    still_open = end is None or today <= end
    warning = still_open and expected_status == Status.NOT_MET
    return Evaluation(status, measured, used, expected, expected_status, warning)
