"""Dates as plans state them: partial dates, quarters, due dates and Vietnamese formats.

A plan may say "từ tháng 11/2024": that is a *month*, not 01/11/2024. ``PartialDate``
keeps the precision that was written (day, month or year), so that the fact stays the fact.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


class Precision(StrEnum):
    """How much of a date a document states."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # dt.date validates the ranges (month 1–12, day within the month).
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: str | int | dt.date | PartialDate) -> PartialDate:
        """Read ``2024``, ``"2024-11"``, ``"2025-04-30"`` or a date; raise ValueError."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("expected a date, not a date and time")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("not a date")
        match = _PARTIAL.match(str(value).strip())
        if not match:
            raise ValueError(f"not a date: {value!r}")
        month, day = match["m"], match["d"]
        return cls(int(match["y"]), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_parts(cls, value: dt.date, precision: str) -> PartialDate:
        """Rebuild from a stored first day and its precision."""
        if precision == Precision.YEAR:
            return cls(value.year)
        if precision == Precision.MONTH:
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> dt.date:
        """The first day the partial date covers (what is stored in the database)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the partial date covers (an end "tháng 9/2025" runs to 30/9)."""
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """``2024``, ``2024-11`` or ``2024-11-30``: the campaign-file spelling."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """Vietnamese display: ``30/04/2025``, ``11/2024`` or ``2025``."""
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.display()


#: A day typed the Vietnamese way: day, month, year with "/", "-", "." (or a comma or
#: spaces, what a phone's number pad offers) between them, or the eight digits alone.
_TYPED_DAY = re.compile(r"(\d{1,2})\s*[/.,\- ]\s*(\d{1,2})\s*[/.,\- ]\s*(\d{4})")
_TYPED_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")
_TYPED_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_typed_date(text: str) -> dt.date | None:
    """The day a person typed, or None when it is no day.

    Accepts what a Vietnamese user types: ``7/12/2026``, ``07-12-2026``, ``7.12.2026``,
    ``07122026`` (day, month, year: never month first), and the ISO ``2026-12-07`` a
    browser or a link sends. A day that does not exist (31/02/2026) is None.
    """
    cleaned = text.strip()
    if match := _TYPED_DAY.fullmatch(cleaned) or _TYPED_DIGITS.fullmatch(cleaned):
        day, month, year = (int(part) for part in match.groups())
    elif match := _TYPED_ISO.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(value: dt.date | None) -> str:
    """``dd/mm/yyyy``, or an empty string for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def quarter_of(value: dt.date) -> int:
    """The calendar quarter (1–4) that ``value`` falls in."""
    return (value.month - 1) // 3 + 1


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter, e.g. quý IV/2024."""

    year: int
    number: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        month = 3 * self.number
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def label(self) -> str:
        return f"{('I', 'II', 'III', 'IV')[self.number - 1]}/{self.year}"


def quarters_between(start: dt.date, end: dt.date) -> Iterator[Quarter]:
    """Every quarter that overlaps the closed interval [start, end], in order."""
    year, number = start.year, quarter_of(start)
    while Quarter(year, number).start <= end:
        yield Quarter(year, number)
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)


class WeekendPolicy(StrEnum):
    """What happens to a due date that falls on a Saturday or Sunday (a setting)."""

    KEEP = "keep"
    PREVIOUS_WORKING_DAY = "previous_working_day"
    NEXT_WORKING_DAY = "next_working_day"


def is_working_day(value: dt.date, holidays: frozenset[dt.date] = frozenset()) -> bool:
    """Monday to Friday and not a public holiday."""
    return value.weekday() < 5 and value not in holidays


def effective_due_date(
    nominal: dt.date,
    policy: WeekendPolicy | str,
    holidays: frozenset[dt.date] = frozenset(),
) -> dt.date:
    """Move ``nominal`` off weekends and holidays as ``policy`` says."""
    policy = WeekendPolicy(policy)
    if policy is WeekendPolicy.KEEP:
        return nominal
    step = dt.timedelta(days=-1 if policy is WeekendPolicy.PREVIOUS_WORKING_DAY else 1)
    day = nominal
    while not is_working_day(day, holidays):
        day += step
    return day


def due_in_quarter(quarter: Quarter, *, day: int, month_of_quarter: int) -> dt.date:
    """The ``day`` of the ``month_of_quarter``-th month (1–3) of ``quarter``.

    KH 128 (section IV.2): "định kỳ hằng quý vào ngày 15 của tháng cuối quý" is
    ``day=15, month_of_quarter=3``. A day past the month's end falls on its last day.
    """
    month = 3 * quarter.number - 3 + month_of_quarter
    last = calendar.monthrange(quarter.year, month)[1]
    return dt.date(quarter.year, month, min(day, last))


def days_setting(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """Whole days from a setting, largest first: a list of numbers or a text such as "7,3,1".

    Entries that are not positive whole numbers are ignored, so a mistyped setting drops a
    reminder day instead of stopping the daily jobs."""
    from django.conf import settings

    raw = getattr(settings, name, default)
    parts: Iterable[object] = raw.split(",") if isinstance(raw, str) else raw
    days = set()
    for part in parts:
        try:
            value = int(str(part).strip())
        except ValueError:
            continue
        if value > 0:
            days.add(value)
    return tuple(sorted(days, reverse=True))
