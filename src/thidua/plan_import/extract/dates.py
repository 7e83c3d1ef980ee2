"""Dates as plans write them, with the precision that was written (day, month, year).

"ngày 11 tháng 11 năm 2024", "11/11/2024", "tháng 11 năm 2024", "tháng 9/2025",
"năm 2025" — each found anywhere in a sentence; ``PartialDate.iso()`` gives the
campaign-file spelling ("2024-11-11", "2024-11", "2025").
"""

from __future__ import annotations

import re

from thidua.core.dates import PartialDate

_DAY = r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?P<y>\d{4})"
_DAY_NUMERIC = r"(?<!\d)(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
_MONTH = r"tháng\s*(?P<m3>\d{1,2})\s*(?:năm|/|-)\s*(?P<y3>\d{4})"
_YEAR = r"năm\s*(?P<y4>\d{4})"
DATE = re.compile(rf"{_DAY}|{_DAY_NUMERIC}|{_MONTH}|{_YEAR}", re.IGNORECASE)


def _date_of(match: re.Match[str]) -> PartialDate | None:
    groups = match.groupdict()
    try:
        if groups["y"]:
            return PartialDate(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if groups["y2"]:
            return PartialDate(int(groups["y2"]), int(groups["m2"]), int(groups["d2"]))
        if groups["y3"]:
            return PartialDate(int(groups["y3"]), int(groups["m3"]))
        return PartialDate(int(groups["y4"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[PartialDate, int, int]]:
    """Every date in ``text`` with its start and end offsets, in order."""
    found = []
    for match in DATE.finditer(text):
        date = _date_of(match)
        if date is not None:
            found.append((date, match.start(), match.end()))
    return found


def first_date(text: str) -> PartialDate | None:
    """The first date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0][0] if dates else None


_RANGE = re.compile(r"(?:^|\b)từ\s+(?P<a>.+?)\s+(?:đến|tới|-)\s+(?P<b>.+)$", re.IGNORECASE)


def find_range(text: str) -> tuple[PartialDate, PartialDate] | None:
    """The span "từ … đến …" in ``text`` (each end with its own precision), or None.

    A start written without its year ("từ ngày 01/5 đến ngày 30/9/2025", "từ tháng 5 đến
    tháng 9 năm 2025") takes the year of the end.
    """
    match = _RANGE.search(text)
    if not match:
        return None
    end_dates = find_dates(match["b"])
    if not end_dates:
        return None
    end = end_dates[0][0]
    start_dates = find_dates(match["a"])
    start = start_dates[0][0] if start_dates else _without_year(match["a"], end.year)
    if start is None:
        return None
    return start, end


_NO_YEAR = re.compile(
    r"(?:ngày\s*(?P<d>\d{1,2})\s*(?:tháng|/|-)\s*(?P<m>\d{1,2}))|(?:tháng\s*(?P<m2>\d{1,2}))",
    re.IGNORECASE,
)


def _without_year(text: str, year: int) -> PartialDate | None:
    match = _NO_YEAR.search(text)
    if not match:
        return None
    try:
        if match["d"]:
            return PartialDate(year, int(match["m"]), int(match["d"]))
        return PartialDate(year, int(match["m2"]))
    except ValueError:
        return None


def partial_value(date: PartialDate) -> int | str:
    """The campaign-file value of a date: a year alone is a number (2025), a month or a day
    an ISO text ("2024-11", "2025-04-30")."""
    return date.year if date.precision == "year" else date.iso()
