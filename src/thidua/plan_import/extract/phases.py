"""Phases (đợt) and the overall period, each end with the precision the plan wrote."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.dates import PartialDate
from thidua.core.text import fold
from thidua.plan_import.extract.dates import end_of, find_dates, find_range, partial_value
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.prose_header import published
from thidua.plan_import.extract.structure import Para, headed, under

_MARK = re.compile(
    r"(?<!\w)(?P<word>Đợt|Giai đoạn)\s*(?P<n>\d{1,2}|[IVX]{1,4})(?![\d/\w])", re.IGNORECASE
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
#: How far after "Đợt 2" its span may start ("Đợt 01 dự kiến: Cao điểm … (từ ngày …").
_NEAR = 90
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
Phase = tuple[dict[str, Any], int, float]


def _number(match: re.Match[str]) -> int | None:
    mark = match["n"].upper()
    return int(mark) if mark.isdigit() else _ROMAN.get(mark)


def read_phases(paras: list[Para], draft: Draft) -> None:
    """Phases wherever the text names them: "Đợt 01: Từ tháng 11 năm 2024 đến ngày 30
    tháng 4 năm 2025", "đợt 1, từ ngày 15/3/2022 đến ngày 30/9/2023" inside a sentence,
    "Giai đoạn 2 từ 01-9 đến 15-12", "giai đoạn1: … từ tháng 2/2024 - 11/2024".

    Phases are looked for under a "Thời gian" heading first, then anywhere; they are taken
    in order (đợt 1, 2, …; a later mention of a phase already read is passed over). A phase
    found inside a sentence has confidence 0.8. The period runs from the first phase's start
    to the last phase's end, unless the plan states its own span ("Thời gian: từ … đến …").
    """
    heads = headed(paras, "thoi gian")
    scope = [p for h in heads for p in [h, *under(paras, h)]]
    year = _context_year(draft, paras)
    phases = _phases_in(scope, year) or _phases_in(paras, year)
    span: tuple[PartialDate, PartialDate, int] | None = None
    for para in scope or paras:
        found = find_range(para.body, year)
        named = "thoi gian" in fold(para.text) or (scope and para.kind != "roman")
        if found is not None and not _MARK.search(para.body) and named:
            span = (*found, para.line)
            break
    _store(phases, span, draft, whole=not _more_marks(paras, len(phases)))
    if span is None and not phases:
        _until(paras[:12], draft)


_UNTIL = re.compile(
    r"\btừ nay\s+(?:cho\s+)?(?:đến|tới)\s+(?:hết\s+)?(?P<what>tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4})",
    re.IGNORECASE,
)


_SINCE = re.compile(
    r"\bthời gian\b[^.;]{0,60}?\btừ\s+(?P<what>(?:ngày\s+)?\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*"
    r"(?:/|năm)\s*\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4})\s+(?:đến|tới)\s+khi\b",
    re.IGNORECASE,
)


def _until(paras: list[Para], draft: Draft) -> None:
    """An open span: "… diễn ra từ nay cho đến hết tháng 12/2020" gives the period's end
    only, "Thời gian từ tháng 11/2021 đến khi huyện tổ chức lễ kỷ niệm" its start only (an
    event with no date written ends it); confidence 0.6."""
    for para in paras:
        for pattern, path in ((_UNTIL, "period.end"), (_SINCE, "period.start")):
            match = pattern.search(para.body)
            dates = find_dates(match["what"]) if match else []
            if dates:
                draft.set(path, partial_value(dates[0][0]), para.line, 0.6, "prose")
                return


def _context_year(draft: Draft, paras: list[Para]) -> int | None:
    """The year of spans written without one ("từ ngày 1/11 - 31/12"): the one year the
    title names ("… năm 2024"), else the year of the plan's date, else of the page's date,
    else the one year of the full dates of the opening lines."""
    years = {int(m["y"]) for m in _YEAR.finditer(str(draft.result.data.get("title", "")))}
    if len(years) == 1:
        return years.pop()
    date = str(draft.result.data.get("document", {}).get("date", ""))
    if date[:4].isdigit():
        return int(date[:4])
    page = published(paras[:4])
    if page:
        return page.year
    # "Đợt thi đua … diễn ra đến ngày 31-12-2025, chia thành 2 giai đoạn": the one year the
    # opening lines' full dates name.
    found = {d.year for p in paras[:4] for d, _, _ in find_dates(p.body) if d.day is not None}
    return found.pop() if len(found) == 1 else None


def _phases_in(paras: list[Para], year: int | None) -> list[Phase]:
    phases: list[Phase] = []
    for para in paras:
        marks = list(_MARK.finditer(para.body))
        for index, match in enumerate(marks):
            number = _number(match)
            if number != len(phases) + 1:
                continue
            stop = marks[index + 1].start() if index + 1 < len(marks) else len(para.body)
            segment = para.body[match.end() : stop]
            found = _near_range(segment, year)
            if found is None:
                continue
            name = f"{match['word'][:1].upper()}{match['word'][1:].lower()} {number}"
            prose = match.start() > 0 or (para.kind == "text" and len(para.body) > 160)
            phases.append((_phase(number, name, *found), para.line, 0.8 if prose else 1.0))
    return phases


#: "Giai đoạn 1 đến ngày 15-10, …": a phase whose start is not written, its end right after.
_UNTIL_ONLY = re.compile(
    r"^\s*:?\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?P<d>\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{4})?)\b",
    re.IGNORECASE,
)


def _near_range(segment: str, year: int | None) -> tuple[PartialDate | None, PartialDate] | None:
    start = re.search(r"\btừ\b", segment, re.IGNORECASE)
    if start is not None and start.start() <= _NEAR:
        return find_range(segment[start.start() :], year)
    until = _UNTIL_ONLY.match(segment)
    end = end_of(until["d"], year) if until else None
    return (None, end) if end is not None and end.day is not None else None


def _phase(number: int, name: str, start: PartialDate | None, end: PartialDate) -> dict[str, Any]:
    phase: dict[str, Any] = {"code": f"dot-{number}", "name": name}
    if start is not None:
        phase["start"] = partial_value(start)
    phase["end"] = partial_value(end)
    return phase


def _more_marks(paras: list[Para], count: int) -> bool:
    """Whether the text names a phase after the ones read ("Đợt III" when only "Đợt I"
    was read): then the phases read do not span the plan."""
    return any((_number(m) or 0) > count for p in paras for m in _MARK.finditer(p.body) if count)


def _store(
    phases: list[Phase],
    span: tuple[PartialDate, PartialDate, int] | None,
    draft: Draft,
    whole: bool = True,
) -> None:
    """Phases and period into the draft. A plan that states one span and no phase gets no
    phase: one made up from the span would be a value the text does not state."""
    data = draft.result.data
    if phases:
        data["phases"] = [phase for phase, _, _ in phases]
        for index, (phase, line, confidence) in enumerate(phases):
            where = "prose" if confidence < 1 else ""
            draft.cite_tree(f"phases.{index}", phase, line, confidence, where)
            draft.cite(f"phases.{index}.code", line, 0.9 * confidence, where)
        _reviews(data["phases"], draft, phases[-1][1])
    if span is not None:
        draft.set(
            "period", {"start": partial_value(span[0]), "end": partial_value(span[1])}, span[2]
        )
        draft.cite_tree("period", data["period"], span[2])
    elif phases and whole:
        data["period"] = {"end": phases[-1][0]["end"]}
        if "start" in phases[0][0]:
            data["period"] = {"start": phases[0][0]["start"], **data["period"]}
            draft.cite("period.start", phases[0][1], 0.9)
        draft.cite("period.end", phases[-1][1], 0.9)
    if not phases:
        draft.miss("phases")
        if span is None:
            draft.miss("period.start")
            draft.miss("period.end")


def _reviews(phases: list[dict[str, Any]], draft: Draft, line: int) -> None:
    """Sơ kết closes each phase but the last, tổng kết the last: only when the plan says
    "sơ kết" and "tổng kết" somewhere (otherwise the review is left out)."""
    whole = fold(" ".join(draft.lines))
    if len(phases) < 2 or "so ket" not in whole or "tong ket" not in whole:
        return
    for index, phase in enumerate(phases):
        phase["review"] = "tong_ket" if index == len(phases) - 1 else "so_ket"
        draft.cite(f"phases.{index}.review", line, 0.5)
