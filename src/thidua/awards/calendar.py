"""Working days: Monday to Friday, minus public holidays, plus Saturdays worked in lieu.

Deadlines in the law are counted in working days ("ngày làm việc": ND 98/2023 Điều 32;
LAW-NOTES §4.3, R13); the holidays of cán bộ, công chức, viên chức (Bộ luật Lao động
2019 Điều 112 and the yearly notices) are rows of ``Holiday`` loaded from
``award-forms.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.awards.models import Holiday

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    """Days off and make-up working days between two dates (read once)."""

    off: frozenset[dt.date]
    makeup: frozenset[dt.date]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.makeup:
            return True
        return day.weekday() < 5 and day not in self.off

    def working_days_after(self, low: dt.date, high: dt.date) -> int:
        """How many days after ``low`` up to and including ``high`` are working days:
        Mondays to Fridays counted by whole weeks, then the days off among them taken
        away and the make-up days at weekends added (no walk through every day)."""
        if high <= low:
            return 0
        days = (high - low).days
        weeks, rest = divmod(days, 7)
        count = weeks * 5
        day = low + dt.timedelta(days=weeks * 7)
        for _i in range(rest):
            day += _DAY
            if day.weekday() < 5:
                count += 1
        inside = [d for d in self.off | self.makeup if low < d <= high]
        for d in inside:
            weekday = d.weekday() < 5
            if d in self.makeup and not weekday:
                count += 1
            elif d not in self.makeup and weekday:
                count -= 1
        return count


def work_calendar(start: dt.date, end: dt.date) -> WorkCalendar:
    """The calendar covering ``start``..``end`` in one query."""
    low, high = min(start, end), max(start, end)
    rows = Holiday.objects.filter(date__gte=low, date__lte=high).values_list("date", "working")
    off = frozenset(day for day, working in rows if not working)
    makeup = frozenset(day for day, working in rows if working)
    return WorkCalendar(off, makeup)


def holiday_calendar() -> WorkCalendar:
    """Every recorded holiday and make-up day, in one query (the eligibility checks of
    many nominations read it once)."""
    rows = Holiday.objects.values_list("date", "working")
    off = frozenset(day for day, working in rows if not working)
    makeup = frozenset(day for day, working in rows if working)
    return WorkCalendar(off, makeup)


def add_working_days(start: dt.date, days: int, calendar: WorkCalendar | None = None) -> dt.date:
    """The date ``days`` working days after ``start`` (before it when negative), reading
    ``calendar`` when given (it must cover the days counted) or the holidays otherwise.

    ``start`` itself is not counted: a 10-working-day limit from Monday 06/01/2025 ends on
    Monday 20/01/2025. ``days == 0`` gives ``start``.
    """
    if days == 0:
        return start
    step = _DAY if days > 0 else -_DAY
    # Generous window: holidays are at most ~10 working days a year, Tết included.
    span = abs(days) * 2 + 30
    if calendar is None:
        calendar = work_calendar(start, start + step * span)
    day, left = start, abs(days)
    while left:
        day += step
        if calendar.is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, calendar: WorkCalendar | None = None) -> int:
    """Working days after ``start`` up to and including ``end``, negated when ``end`` is
    earlier: ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 0``;
    ``calendar`` as for ``add_working_days``."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    low, high = (start, end) if sign > 0 else (end, start)
    if calendar is None:
        calendar = work_calendar(low, high)
    return sign * calendar.working_days_after(low, high)
