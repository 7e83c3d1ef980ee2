"""Phases (đợt) and the overall period, each end with the precision the plan wrote."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.dates import PartialDate
from thidua.core.text import fold
from thidua.plan_import.extract.dates import find_range, partial_value
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under

_PHASE = re.compile(r"^(?:Đợt|Giai đoạn)\s*(?P<n>\d{1,2}|[IVX]+)\b", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _phase_number(text: str) -> int | None:
    match = _PHASE.match(text)
    if not match:
        return None
    mark = match["n"].upper()
    return int(mark) if mark.isdigit() else _ROMAN.get(mark)


def read_phases(paras: list[Para], draft: Draft) -> None:
    """ "Đợt 01: Từ tháng 11 năm 2024 đến ngày 30 tháng 4 năm 2025" → a phase.

    Phases are looked for under a "Thời gian" heading first, then anywhere. The period runs
    from the first phase's start to the last phase's end, unless the plan states its own
    span ("Thời gian: từ … đến …").
    """
    heads = headed(paras, "thoi gian")
    scope = [p for h in heads for p in [h, *under(paras, h)]] or paras
    phases: list[tuple[dict[str, Any], int]] = []
    span: tuple[PartialDate, PartialDate, int] | None = None
    for para in scope:
        number = _phase_number(para.body)
        found = find_range(para.body)
        if number is not None and found is not None and number == len(phases) + 1:
            start, end = found
            phases.append((_phase(number, start, end), para.line))
        elif (
            found is not None and span is None and number is None and "thoi gian" in fold(para.text)
        ):
            span = (*found, para.line)
    _store(phases, span, draft)


def _phase(number: int, start: PartialDate, end: PartialDate) -> dict[str, Any]:
    return {
        "code": f"dot-{number}",
        "name": f"Đợt {number}",
        "start": partial_value(start),
        "end": partial_value(end),
    }


def _store(
    phases: list[tuple[dict[str, Any], int]],
    span: tuple[PartialDate, PartialDate, int] | None,
    draft: Draft,
) -> None:
    data = draft.result.data
    if phases:
        data["phases"] = [phase for phase, _ in phases]
        for index, (phase, line) in enumerate(phases):
            draft.cite_tree(f"phases.{index}", phase, line)
            draft.cite(f"phases.{index}.code", line, 0.9)
        _reviews(data["phases"], draft, phases[-1][1])
    if span is not None:
        draft.set(
            "period", {"start": partial_value(span[0]), "end": partial_value(span[1])}, span[2]
        )
        draft.cite_tree("period", data["period"], span[2])
    elif phases:
        data["period"] = {"start": phases[0][0]["start"], "end": phases[-1][0]["end"]}
        draft.cite("period.start", phases[0][1], 0.9)
        draft.cite("period.end", phases[-1][1], 0.9)
    else:
        for path in ("period.start", "period.end", "phases"):
            draft.miss(path)
    if not phases and span is not None:
        data["phases"] = [{"code": "dot-1", "name": "Đợt 1", **data["period"]}]
        draft.cite_tree("phases.0", data["phases"][0], span[2], 0.8)


def _reviews(phases: list[dict[str, Any]], draft: Draft, line: int) -> None:
    """Sơ kết closes each phase but the last, tổng kết the last: only when the plan says
    "sơ kết" and "tổng kết" somewhere (otherwise the review is left out)."""
    whole = fold(" ".join(draft.lines))
    if len(phases) < 2 or "so ket" not in whole or "tong ket" not in whole:
        return
    for index, phase in enumerate(phases):
        phase["review"] = "tong_ket" if index == len(phases) - 1 else "so_ket"
        draft.cite(f"phases.{index}.review", line, 0.5)
