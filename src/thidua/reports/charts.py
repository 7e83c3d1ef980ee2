"""Small charts of the leaders' dashboard, drawn as plain SVG shapes (no JavaScript).

The approach of ``works/charts.py``: the strict Content-Security-Policy forbids
``style=`` attributes and inline scripts, so the server computes each shape's
coordinates (written with a dot whatever the locale) and CSS classes colour them. Here:
a target's values over time (a line with its points, the target's level and the
forecast to the end of its period) and each period's report submissions as one stacked
bar. Pure functions over rows the view already fetched; no queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from thidua.campaigns.templatetags.campaign_format import number
from thidua.reports.selectors import PeriodStats
from thidua.targets.evaluation import Evaluation
from thidua.targets.models import Comparator, Target, TargetValue

#: The trend chart's view box (width × height) and its inner margin.
WIDTH, HEIGHT, PAD = 160.0, 48.0, 5.0


def _c(value: float) -> str:
    """A coordinate with a dot and two decimals ("12.50")."""
    return f"{value:.2f}"


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    title: str
    estimate: bool


@dataclass(frozen=True)
class Trend:
    """A target's values as SVG shapes in a ``0 0 160 48`` view box."""

    points: list[Point]
    line: str  # the polyline's "x,y x,y" points
    target_y: str | None  # the target's level (a horizontal line), when it has one
    target_top_y: str | None  # the top of a range target ("10 – 11 %")
    forecast: tuple[str, str, str, str] | None  # from the last point to the period's end
    description: str  # the chart in words (the SVG's accessible name)


def _day(value: dt.date) -> float:
    return float(value.toordinal())


def _levels(target: Target) -> list[Decimal]:
    if target.comparator == Comparator.BEFORE or target.value is None:
        return []
    levels = [target.value]
    if target.comparator == Comparator.BETWEEN and target.value_max is not None:
        levels.append(target.value_max)
    return levels


def trend(target: Target, values: list[TargetValue], evaluation: Evaluation) -> Trend | None:
    """The chart of a numeric target's values (oldest first); None with no number to draw.

    x: the end of each value's period, up to the target's period end when the forecast
    reaches there; y: the values, the target's level and the forecast, scaled to fit.
    """
    numeric = [v for v in values if v.value is not None]
    if not numeric:
        return None
    end = target.period_to_partial.last_day() if target.period_to_partial else None
    first, last = numeric[0].period_end, numeric[-1].period_end
    right = end if evaluation.forecast is not None and end and end > last else last
    levels = _levels(target)
    ys = [float(v.value) for v in numeric if v.value is not None] + [float(x) for x in levels]
    if evaluation.forecast is not None:
        ys.append(float(evaluation.forecast))
    low, high = min(ys), max(ys)
    if high == low:
        low, high = low - 1, high + 1
    span_x = max(_day(right) - _day(first), 1.0)

    def x_of(day: dt.date) -> float:
        if right == first:
            return WIDTH / 2
        return PAD + (WIDTH - 2 * PAD) * (_day(day) - _day(first)) / span_x

    def y_of(amount: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (amount - low) / (high - low)

    points = [
        Point(
            _c(x_of(v.period_end)),
            _c(y_of(float(v.value or 0))),
            f"{v.label}: {number(v.value)}",
            v.is_estimate,
        )
        for v in numeric
    ]
    forecast = None
    if evaluation.forecast is not None and right > last:
        forecast = (
            points[-1].x,
            points[-1].y,
            _c(x_of(right)),
            _c(y_of(float(evaluation.forecast))),
        )
    words = "; ".join(p.title for p in points)
    if levels:
        words += "; " + _("mục tiêu %(value)s") % {"value": " – ".join(number(x) for x in levels)}
    return Trend(
        points=points,
        line=" ".join(f"{p.x},{p.y}" for p in points),
        target_y=_c(y_of(float(levels[0]))) if levels else None,
        target_top_y=_c(y_of(float(levels[1]))) if len(levels) > 1 else None,
        forecast=forecast,
        description=words,
    )


@dataclass(frozen=True)
class Segment:
    """One part of a submission bar, ``x`` and ``width`` in 0–100 view-box units."""

    key: str
    label: str
    count: int
    x: str
    width: str


@dataclass(frozen=True)
class SubmissionBar:
    """A period's reports: submitted on time, late, returned, missing, not yet due."""

    total: int
    submitted: int
    rate: int | None  # percent of the reports submitted (on time or late)
    segments: list[Segment]

    @property
    def description(self) -> str:
        parts = ", ".join(f"{s.label}: {s.count}" for s in self.segments)
        return _("%(total)s báo cáo — %(parts)s") % {"total": self.total, "parts": parts}


def submission_bar(stats: PeriodStats) -> SubmissionBar:
    """Stacked shares of a period's reports (``period_stats``): on time, late, returned,
    missing (open after the due date) and open before it."""
    counts = [
        ("on_time", _("Đúng hạn"), stats.on_time),
        ("late", _("Trễ hạn"), stats.late),
        ("returned", _("Trả lại"), stats.returned),
        ("missing", _("Quá hạn chưa nộp"), stats.missing),
        ("open", _("Chưa đến hạn"), max(0, stats.open - stats.missing)),
    ]
    segments, x = [], 0.0
    for key, label, count in counts:
        if not count:
            continue
        width = 100 * count / stats.total
        segments.append(Segment(key, str(label), count, _c(x), _c(width)))
        x += width
    submitted = stats.on_time + stats.late
    rate = round(100 * submitted / stats.total) if stats.total else None
    return SubmissionBar(stats.total, submitted, rate, segments)


def submission_legend() -> list[tuple[str, str]]:
    """(key, label) in the order the bars stack them."""
    return [
        ("on_time", _("Đúng hạn")),
        ("late", _("Trễ hạn")),
        ("returned", _("Trả lại")),
        ("missing", _("Quá hạn chưa nộp")),
        ("open", _("Chưa đến hạn")),
    ]
