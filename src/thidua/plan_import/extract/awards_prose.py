"""Award forms named without the "Form: criteria" list the awards reader expects (issue #17).

Three shapes, read only when that list gave nothing:

- a list of bare names under a "Hình thức khen thưởng" heading ("- Huân chương Lao động;",
  "- Giấy khen.");
- one sentence that enumerates them ("Các hình thức khen thưởng bao gồm: Huân chương Lao
  động; Bằng khen của Thủ tướng Chính phủ; Giấy khen.");
- running text: "… đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho …", "… tặng Giấy khen …"
  (the grantor before "tặng" is written into the name: "Bằng khen của Chủ tịch UBND tỉnh").

A form's subjects are those its own words name, else "tập thể" and "cá nhân" when the awards
section names them. Forms from running text have confidence 0.6 and the place "prose".
"""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.vocabulary import SUBJECT_WORDS, kinds_in
from thidua.plan_import.extract.words import strip_end

FORM = (
    r"(?:Huân chương|Huy chương|Bằng khen|Giấy khen|Cờ thi đua|Danh hiệu|Chiến sĩ thi đua|"
    r"Kỷ niệm chương)"
)
_STARTS = re.compile(rf"^{FORM}\b")
_NAME_TAIL = r"(?:\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|hạng\s+\w+))*"
_GIVEN = re.compile(
    rf"\b(?:xét\s+)?tặng\s+(?P<form>{FORM}{_NAME_TAIL})"
    r"(?P<of>\s+của\s+[^,;.()]{3,80}?)?"
    r"(?=\s+(?:cho|đối với|để|theo|khi|xem|xét|và|trình|gửi|về|đúng|kịp)\b|\s*[,;.()]|$)"
)
_GRANTOR = re.compile(
    r"(?P<who>(?:Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Thủ trưởng|Trưởng ban)[^,;.()]{0,60}?)"
    r"\s+(?:(?:xem xét|xem|quyết định|xét)\s+)?$"
)
_ENUMERATION = re.compile(r"hình thức khen thưởng[^:]{0,30}:\s*(?P<list>.+)$", re.IGNORECASE)
PROSE = 0.6


def read_prose_forms(paras: list[Para], draft: Draft) -> list[tuple[dict[str, Any], int, str]]:
    """(form, line, place) for each form named in one of the three shapes, in order."""
    heads = headed(paras, "hinh thuc khen thuong", "hinh thuc")
    section = [p for h in heads for p in under(paras, h)]
    default = _section_subjects(heads, paras)
    found = _listed(section, default) or _enumerated(paras, default) or _given(paras, default)
    seen: set[str] = set()
    unique = []
    for item in found:
        key = fold(item[0]["name"])
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _section_subjects(heads: list[Para], paras: list[Para]) -> list[str]:
    """ "tập thể" and "cá nhân" when the awards part names them (its heading's parent)."""
    roots = {h.section.rsplit(".", 1)[0] for h in heads}
    text = " ".join(p.text for p in paras if any(p.section.startswith(r) for r in roots if r))
    return [k for k in kinds_in(text, SUBJECT_WORDS) if k in ("collective", "individual")]


def _form(name: str, text: str, default: list[str]) -> dict[str, Any]:
    subjects = kinds_in(text, SUBJECT_WORDS) or default
    form: dict[str, Any] = {"name": strip_end(name)}
    if subjects:
        form["subjects"] = subjects
    return form


def _listed(section: list[Para], default: list[str]) -> list[tuple[dict[str, Any], int, str]]:
    return [
        (_form(p.body, p.body, default), p.line, "heading")
        for p in section
        if p.kind in ("dash", "plus") and _STARTS.match(p.body) and ":" not in p.body
    ]


def _enumerated(paras: list[Para], default: list[str]) -> list[tuple[dict[str, Any], int, str]]:
    for para in paras:
        match = _ENUMERATION.search(para.body)
        if match is None:
            continue
        names = [strip_end(n) for n in match["list"].split(";")]
        if names and all(_STARTS.match(n) for n in names):
            return [(_form(n, n, default), para.line, "prose") for n in names]
    return []


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: from the ";" or "." before to the one after."""
    before = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    after = min((i for i in (text.find(";", end), text.find(". ", end)) if i >= 0), default=-1)
    return text[before + 1 : after if after >= 0 else len(text)]


def _given(paras: list[Para], default: list[str]) -> list[tuple[dict[str, Any], int, str]]:
    found: list[tuple[dict[str, Any], int, str]] = []
    for para in paras:
        for match in _GIVEN.finditer(para.body):
            name = match["form"] + (match["of"] or "")
            grantor = _GRANTOR.search(para.body[: match.start()])
            if not match["of"] and grantor:
                name = f"{match['form']} của {grantor['who'].strip()}"
            sentence = _clause(para.body, match.start(), match.end())
            found.append((_form(name, sentence, default), para.line, "prose"))
    return found
