"""Figures inside a sentence: a value or range, its comparator and its unit.

"đạt 10 - 11%" → between 10 and 11 %; "trên 95%" → gt; "dưới 2%" → lt; "từ 2% trở lên",
"không dưới 2%", "ít nhất" → gte; "không quá", "tối đa" → lte; "100 triệu đồng",
"2.500 doanh nghiệp", "1,5 lần", "30 giường bệnh/vạn dân". A number that names a year, a
duration or anniversary ("05 năm", "95 năm"), an order ("lần thứ", "khóa"), a document
number or a date is not a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from thidua.core.text import fold
from thidua.plan_import.extract.numbers import NUMBER, parse_number

UNITS = (
    "%/năm",
    "%",
    "nghìn tỷ đồng",
    "tỷ đồng",
    "triệu đồng",
    "triệu USD",
    "USD",
    "đồng",
    "triệu lượt khách",
    "lượt khách",
    "lượt người",
    "lần",
    "giường",
    "doanh nghiệp",
    "hợp tác xã",
    "lao động",
    "người",
    "hộ gia đình",
    "hộ",
    "giường bệnh",
    "bác sĩ",
    "học sinh",
    "sản phẩm",
    "công trình",
    "mô hình",
    "căn nhà",
    "căn",
    "ngôi nhà",
    "km",
    "ha",
    "tấn",
    "xã",
    "điểm",
    "trường",
    "sáng kiến",
    "đề tài",
)
_PER = r"(?:/(?:người/năm|vạn dân|năm|người|1\.000 dân|nghìn dân))?"
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_VALUE = re.compile(
    rf"(?<![\w/.,-])(?P<a>{NUMBER})(?:\s*(?:%\s*)?[-–]\s*(?P<b>{NUMBER}))?\s*"
    rf"(?P<unit>(?:{_UNIT}){_PER}(?![\wÀ-ỹ]))?"
)
_NOT_UNIT_AFTER = re.compile(r"^\s*(?:năm|tháng|ngày|giờ|quý|lần thứ|khóa|/\d)", re.IGNORECASE)
_NOT_BEFORE = re.compile(
    r"(?:năm|kỳ|đoạn|khóa|số|thứ|tháng|ngày|quý|phường|Quốc lộ|Tỉnh lộ|Đường|lộ|điều|khoản|mục|đợt)\s*$",
    re.IGNORECASE,
)
_CUES = (
    ("khong duoi", "gte"),
    ("khong thap hon", "gte"),
    ("toi thieu", "gte"),
    ("it nhat", "gte"),
    ("khong qua", "lte"),
    ("khong vuot qua", "lte"),
    ("toi da", "lte"),
    ("xuong duoi", "lt"),
    ("duoi", "lt"),
    ("tren", "gt"),
)
_VERBS = ("dat", "la", "co", "tang", "giam", "cho", "tu", "len", "xuong", "khoang", "bang", "muc")


#: Comparison signs written before a figure ("Có ≥ 30% …").
_SYMBOLS = {"≥": "gte", "≤": "lte", ">": "gt", "<": "lt"}
#: A figure that opens a clause or a numbered item ("(1) 100% số người …") is its goal.
_OPENS = re.compile(r"^\s*(?:\(?\d{1,2}\)|[-+•])?\s*(?:có\s*)?[≥≤><]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: where it is and what it says."""

    start: int
    end: int
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str


def _comparator(before: str, after: str, ranged: bool) -> str | None:
    """The comparator the words around a number give, or None when no word makes it a goal."""
    key = fold(before)[-24:].rstrip()
    if ranged:
        return "between"
    symbol = before.rstrip()[-1:]
    if symbol in _SYMBOLS:
        return _SYMBOLS[symbol]
    if fold(after).lstrip().startswith("tro len"):
        return "gte"
    if fold(after).lstrip().startswith("tro xuong"):
        return "lte"
    for cue, comparator in _CUES:
        if key.endswith(cue) and not key.endswith("tren dia ban"):
            return comparator
    words = key.split()
    if words and (words[-1] in _VERBS or key.endswith(("dat muc", "binh quan"))):
        return "gte"
    return None


def find_figures(text: str, *, strict: bool = False) -> list[Figure]:
    """Every figure of ``text`` that states a goal: a number with a unit ("380 doanh nghiệp",
    "83%"), its comparator from the words around it (``gte`` when none says otherwise).

    ``strict`` (used outside a targets section) keeps only a percentage with an explicit
    comparator ("không dưới 2%", "từ 95% trở lên", "xuống dưới 2%").
    """
    figures = []
    for match in _VALUE.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if _NOT_BEFORE.search(before) or (not match["unit"] and _NOT_UNIT_AFTER.match(after)):
            continue
        raw_a, raw_b, unit = match["a"], match["b"], (match["unit"] or "")
        if _looks_like_year(raw_a, unit) or "/" in after[:1]:
            continue
        comparator = _comparator(before, after, raw_b is not None)
        if not unit:
            continue
        if strict and (
            not unit.startswith("%")
            or (comparator in (None, "gte") and not _explicit(before, after))
        ):
            continue
        figures.append(_figure(match, comparator or "gte", unit))
    return figures


#: Words before a percentage that ends its clause and make it a goal even outside a targets
#: section: "… đạt 90%.", "… xuống còn 1,5%;" (issue #17: targets stated in the content
#: sections); "đạt 70% kế hoạch" (a share of something else) is not one.
_GOAL_WORDS = ("dat", "dat muc", "dat ty le", "xuong con", "con duoi")


def _explicit(before: str, after: str) -> bool:
    key = fold(before)[-24:].rstrip()
    return (
        _OPENS.match(before) is not None
        or before.rstrip()[-1:] in _SYMBOLS
        or fold(after).lstrip().startswith("tro len")
        or any(key.endswith(cue) for cue, _ in _CUES)
        or (
            any(key == cue or key.endswith(" " + cue) for cue in _GOAL_WORDS)
            and re.match(r"^\s*(?:[.;,)]|$)", after) is not None
        )
    )


def _looks_like_year(raw: str, unit: str) -> bool:
    return not unit and raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100


def _figure(match: re.Match[str], comparator: str, unit: str) -> Figure:
    value = parse_number(match["a"])
    value_max = parse_number(match["b"]) if match["b"] else None
    end = match.end("unit") if match["unit"] else match.end("b") if match["b"] else match.end("a")
    return Figure(match.start(), end, comparator, value, value_max, unit.strip())
