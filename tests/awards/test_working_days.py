"""Working days counted by whole weeks give what walking day by day gives (R13)."""

from __future__ import annotations

import datetime as dt
import random

from thidua.awards.calendar import WorkCalendar

D = dt.date


def _walked(calendar: WorkCalendar, low: dt.date, high: dt.date) -> int:
    count, day = 0, low
    while day < high:
        day += dt.timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


def test_counting_by_weeks_equals_walking_every_day() -> None:
    tet = {D(2025, 1, 27) + dt.timedelta(days=n) for n in range(9)}  # Mon 27/1 – Tue 4/2
    off = frozenset(tet | {D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 3), D(2025, 9, 2)})
    makeup = frozenset({D(2025, 2, 8), D(2025, 4, 26)})  # Saturdays worked in lieu
    calendar = WorkCalendar(off, makeup)
    rng = random.Random(13)
    for _ in range(2000):
        low = D(2024, 12, 1) + dt.timedelta(days=rng.randrange(400))
        high = low + dt.timedelta(days=rng.randrange(0, 500))

        assert calendar.working_days_after(low, high) == _walked(calendar, low, high)


def test_a_week_without_holidays_has_five_working_days() -> None:
    calendar = WorkCalendar(frozenset(), frozenset())

    assert calendar.working_days_after(D(2025, 3, 2), D(2025, 3, 9)) == 5  # Sun → Sun
    assert calendar.working_days_after(D(2025, 3, 7), D(2025, 3, 10)) == 1  # Fri → Mon
    assert calendar.working_days_after(D(2025, 3, 7), D(2025, 3, 7)) == 0
