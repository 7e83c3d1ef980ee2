"""Awards: subjects, criteria, procedure and award forms with their grantors.

Form codes are made from the form's name: "Bằng khen" → BK, "Giấy khen" → GK, "Cờ thi
đua" → CTD, "Chiến sĩ thi đua" → CSTD, with "-CTUBND" when the name says "của Chủ tịch Ủy
ban nhân dân"; a number is added when two codes would be the same.
"""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.awards_prose import PROSE, read_prose_forms
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.vocabulary import (
    SUBJECT_WORDS,
    UNIT_WORDS,
    kinds_in,
    province_grantor,
)
from thidua.plan_import.extract.words import capital, clauses, strip_end

_FORM_CODES = (
    ("bang khen", "BK"),
    ("giay khen", "GK"),
    ("co thi dua", "CTD"),
    ("chien si thi dua", "CSTD"),
    ("danh hieu", "DH"),
    ("huan chuong", "HC"),
)
#: Items of the recipients list ("- Lưu: VT, NC.") that follow the awards part.
_NOT_FORMS = ("luu", "noi nhan", "nhu ", "ban tdkt")
_OF = re.compile(r"\s+của\s+(?P<who>.+)$")
_BY = re.compile(r"^Do\s+(?P<who>.+?)\s+(?:xét|tặng|khen thưởng|quyết định)\b")


def read_awards(paras: list[Para], draft: Draft) -> None:
    """Section "Đối tượng, hình thức, tiêu chuẩn khen thưởng"."""
    awards: dict[str, Any] = {}
    alias = False
    for head in headed(paras, "doi tuong"):
        inline = head.body.split(":", 1)[1].strip() if ":" in head.body else ""
        if inline:
            awards["subjects"] = kinds_in(inline, SUBJECT_WORDS)
            alias = "viet tat la tap the, ca nhan" in fold(inline)
            draft.cite("awards.subjects", head.line)
            break
    for key, word in (("criteria", "tieu chuan"), ("procedure", "trinh tu")):
        for head in headed(paras, word):
            if ":" in head.body and head.key.startswith(word):
                awards[key] = head.body.split(":", 1)[1].strip()
                draft.cite(f"awards.{key}", head.line)
                break
    forms = _forms(paras, awards.get("subjects", []) if alias else [], draft)
    if not forms:
        forms = _named_forms(paras, draft)
    if forms:
        awards["forms"] = forms
    if awards:
        draft.result.data["awards"] = awards


def _forms(paras: list[Para], all_subjects: list[str], draft: Draft) -> list[dict[str, Any]]:
    heads = [
        h
        for h in headed(paras, "hinh thuc khen thuong", "hinh thuc")
        if h.kind == "letter" or "tieu chuan" not in h.key
    ]
    items = [
        p
        for h in heads[-1:]
        for p in under(paras, h)
        if p.kind in ("dash", "plus") and ":" in p.body and not p.key.startswith(_NOT_FORMS)
    ]
    forms: list[dict[str, Any]] = []
    for para in items:
        name, criteria = (part.strip() for part in para.body.split(":", 1))
        form = _form(name, criteria, all_subjects)
        form["code"] = _code(form["name"], name, [f["code"] for f in forms])
        index = len(forms)
        forms.append(form)
        draft.cite_tree(f"awards.forms.{index}", form, para.line)
        draft.cite(f"awards.forms.{index}.code", para.line, 0.9)
    return forms


def _named_forms(paras: list[Para], draft: Draft) -> list[dict[str, Any]]:
    """Forms named in a bare list, one sentence or running text (``awards_prose``)."""
    forms: list[dict[str, Any]] = []
    for form, line, where in read_prose_forms(paras, draft):
        form["code"] = _code(form["name"], form["name"], [f["code"] for f in forms])
        index = len(forms)
        forms.append(form)
        confidence = PROSE if where == "prose" else 0.9
        draft.cite_tree(f"awards.forms.{index}", form, line, confidence, where)
    return forms


def _form(name: str, criteria: str, all_subjects: list[str]) -> dict[str, Any]:
    grantors = []
    of = _OF.search(name)
    short = name
    if of and not of["who"].startswith("các "):
        grantors.append(_grantor(of["who"]))
    elif of:
        short = name[: of.start()]
    by = _BY.match(criteria)
    if by:
        grantors.extend(_grantor(who) for who in clauses(by["who"]))
    subjects = (
        all_subjects
        if "tap the, ca nhan" in fold(criteria) and all_subjects
        else kinds_in(criteria, SUBJECT_WORDS)
    )
    form: dict[str, Any] = {
        "name": strip_end(short),
        "grantors": grantors,
        "subjects": subjects,
        "criteria": criteria,
    }
    return {k: v for k, v in form.items() if v}


def _grantor(who: str) -> dict[str, Any]:
    title = capital(strip_end(who))
    kinds = ["province"] if province_grantor(title) else kinds_in(title, UNIT_WORDS)
    return {"title": title, "unit_kinds": kinds}


def _code(short: str, name: str, taken: list[str]) -> str:
    key = fold(short)
    code = next((c for words, c in _FORM_CODES if key.startswith(words)), "HT")
    if "cua chu tich uy ban nhan dan" in fold(name) or "cua chu tich ubnd" in fold(name):
        code += "-CTUBND"
    candidate, number = code, 2
    while candidate in taken:
        candidate, number = f"{code}-{number}", number + 1
    return candidate
