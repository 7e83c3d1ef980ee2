"""Dates as plans write them, with the precision that was written (day, month, year).

"ngày 11 tháng 11 năm 2024", "11/11/2024", "tháng 11 năm 2024", "tháng 9/2025",
"năm 2025" — each found anywhere in a sentence; ``PartialDate.iso()`` gives the
campaign-file spelling ("2024-11-11", "2024-11", "2025").
"""

from __future__ import annotations

import re

from thidua.core.dates import PartialDate

_DAY = r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?P<y>\d{4})"
_DAY_NUMERIC = r"(?<!\d)(?P<d2>\d{1,2})\s?/\s?(?P<m2>\d{1,2})\s?/\s?(?P<y2>\d{4})"
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
#: An end written "11/2024" (month and year) or "15-12" / "15/12" (day and month).
_BARE_MONTH = re.compile(r"^(?:tháng\s*)?(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\b")
_BARE_DAY = re.compile(r"^(?:ngày\s*)?(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})(?![\d/]|[.-]\d)")


def find_range(text: str, year: int | None = None) -> tuple[PartialDate, PartialDate] | None:
    """The span "từ … đến …" in ``text`` (each end with its own precision), or None.

    A start written without its year ("từ ngày 01/5 đến ngày 30/9/2025", "từ tháng 5 đến
    tháng 9 năm 2025", "từ ngày 08 đến ngày 10 tháng 12 năm 2025") takes the year (and
    month) of the end, the year before when it would fall after the end; an end "11/2024"
    is a month. Ends with no year at all ("từ 01-9 đến 15-12") take ``year`` when the
    context gives one, else there is no span.
    """
    match = _RANGE.search(text)
    if not match:
        return None
    end = end_of(match["b"], year)
    if end is None:
        return None
    start_dates = find_dates(match["a"])
    if start_dates:
        return start_dates[0][0], end
    start = _without_year(match["a"], end)
    if start is None:
        return None
    if _key(start) > _key(end):
        start = _without_year(match["a"], PartialDate(end.year - 1, end.month, end.day))
    return (start, end) if start is not None else None


def end_of(text: str, year: int | None) -> PartialDate | None:
    """The end of a span: its first date; a day and month written first ("31-12, với …
    năm 2025") come before a later date of the sentence."""
    dates = find_dates(text)
    day = _BARE_DAY.match(text.strip())
    if dates and not (day and dates[0][1] > day.end()):
        return dates[0][0]
    bare = _BARE_MONTH.match(text.strip())
    try:
        if bare:
            return PartialDate(int(bare["y"]), int(bare["m"]))
        if day and year is not None:
            return PartialDate(year, int(day["m"]), int(day["d"]))
    except ValueError:
        return None
    return dates[0][0] if dates and not day else None


def _key(date: PartialDate) -> tuple[int, int, int]:
    return date.year, date.month or 0, date.day or 0


_NO_YEAR = re.compile(
    r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})(?![\d/])"
    r"|tháng\s*(?P<m2>\d{1,2})|ngày\s*(?P<d2>\d{1,2})\b",
    re.IGNORECASE,
)


def _without_year(text: str, end: PartialDate) -> PartialDate | None:
    match = _NO_YEAR.search(text)
    if not match:
        return None
    try:
        if match["d"]:
            return PartialDate(end.year, int(match["m"]), int(match["d"]))
        if match["m2"]:
            return PartialDate(end.year, int(match["m2"]))
        if end.month is not None:
            return PartialDate(end.year, end.month, int(match["d2"]))
    except ValueError:
        return None
    return None


def partial_value(date: PartialDate) -> int | str:
    """The campaign-file value of a date: a year alone is a number (2025), a month or a day
    an ISO text ("2024-11", "2025-04-30")."""
    return date.year if date.precision == "year" else date.iso()
