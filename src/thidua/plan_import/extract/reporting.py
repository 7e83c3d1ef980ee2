"""Periodic reporting: how often, by which day, to whom."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para
from thidua.plan_import.extract.words import sentences

_REPORT = re.compile(r"\b(?:gửi\s+)?báo cáo\b", re.IGNORECASE)
_RECIPIENT = re.compile(
    r"\bvề\s+(?P<r>(?:Sở|Ban|Văn phòng|Ủy ban|Phòng)[^;,.]*?(?:\([^)]*\))?)(?=\s+(?:định kỳ|trước|vào|hằng|hàng|để|theo)\b|[;,.]|$)"
)
_DAY = re.compile(r"(?:trước\s+)?ngày\s+(?P<d>\d{1,2})\b(?!\s*(?:tháng|/))", re.IGNORECASE)
#: "quý" (a quarter), not a word of "quy định", "quy chế", "quy trình" (rules, procedures).
_QUARTER = re.compile(
    r"\bquy\b(?!\s*(?:dinh|che|trinh|mo|hoach|tac|chuan|uoc|pham|doi|tu|hoi|nap|trach))"
)
_MONTH_OF = (
    ("thang cuoi quy", 3),
    ("thang thu ba", 3),
    ("thang thu hai", 2),
    ("thang thu nhat", 1),
    ("thang dau quy", 1),
)


def read_reporting(paras: list[Para], draft: Draft) -> None:
    """The first sentence that asks for a periodic report ("định kỳ hằng quý …")."""
    for para in paras:
        for sentence in sentences(para.body):
            key = fold(sentence)
            match = _REPORT.search(sentence)
            if match and ("dinh ky" in key or "hang quy" in key or "hang thang" in key):
                _store(sentence[match.start() :], para.line, draft)
                return


def _store(text: str, line: int, draft: Draft) -> None:
    key = fold(text)
    report: dict[str, Any] = {}
    if _QUARTER.search(key):
        report["frequency"] = "quarterly"
    else:
        draft.warn(f"Dòng {line}: kỳ báo cáo không phải hằng quý; định dạng chỉ có báo cáo quý.")
    day = _DAY.search(text)
    if day:
        report["due_day"] = int(day["d"])
    for words, month in _MONTH_OF:
        if words in key:
            report["due_month_of_period"] = month
            break
    recipient = _RECIPIENT.search(text)
    if recipient:
        report["recipient"] = recipient["r"].strip()
    report["text"] = text
    draft.result.data["reporting"] = report
    draft.cite_tree("reporting", report, line)
    for field in ("frequency", "due_day", "due_month_of_period", "recipient"):
        if field not in report:
            draft.miss(f"reporting.{field}")
