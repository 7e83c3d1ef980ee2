"""Registration: who registers how many works of which kind, through whom; the issuer's works."""

from __future__ import annotations

import re
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.dates import find_dates, partial_value
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.vocabulary import UNIT_WORDS, WORK_WORDS, kinds_in
from thidua.plan_import.extract.words import sentences, strip_full_stop

_MINIMUM = re.compile(
    r"(?:ít nhất|tối thiểu|từ)\s+(?P<n>\d{1,3})\s+(?:công trình|dự án|phần việc)", re.IGNORECASE
)
_VIA = re.compile(
    r"đăng ký (?:với|qua|về)\s+(?:cấp\s+)?(?:Ủy ban nhân dân\s+)?(?:cấp\s+)?huyện", re.IGNORECASE
)
_ALTERNATIVE = re.compile(r"\b(?:nếu|trường hợp)?\s*(?:không có|chưa có)\b", re.IGNORECASE)
_GENERIC = ("moi co quan, don vi, dia phuong", "cac co quan, don vi, dia phuong")
_EVENT = re.compile(
    r"trước\s+(?:thời gian diễn ra\s+|thời điểm\s+)?(?P<event>Đại hội[^(.;]*?)\s*(?:\((?P<when>[^)]*)\))?[.:;]?\s*$"
)


def read_registration(paras: list[Para], draft: Draft) -> None:
    """Rules and works of the "Đăng ký công trình, dự án, phần việc" section."""
    heads = [
        h for h in headed(paras, "dang ky") if h.kind != "roman" and h.key.startswith("dang ky")
    ]
    if not heads:
        return
    section = under(paras, heads[0])
    works_heads = [p for p in section if p.kind == "letter" and "cap tinh" in p.key]
    work_paras = {id(p) for h in works_heads for p in [h, *under(paras, h)]}
    rules: list[tuple[dict[str, Any], int]] = []
    for para in section:
        if id(para) in work_paras or para.kind in ("plus",):
            continue
        for sentence in sentences(para.body):
            _rule(sentence, para.line, rules)
    _store_rules(rules, draft)
    if works_heads:
        _read_works([p for h in works_heads for p in under(paras, h)], draft)


def _rule(sentence: str, line: int, rules: list[tuple[dict[str, Any], int]]) -> None:
    key = fold(sentence)
    if "dang ky" not in key:
        return
    if "khong trung" in key:
        for rule, _ in rules:
            rule["no_duplicate_of_campaign_works"] = True
        generic = [r for r, _ in rules if r.get("_generic")]
        if generic and any(g in key for g in _GENERIC):
            generic[0]["text"] += "\n" + sentence
        return
    minimum = _MINIMUM.search(sentence)
    via = _VIA.search(sentence)
    if not minimum and not via:
        return
    rule = _rule_of(sentence, minimum, via)
    rules.append((rule, line))


def _rule_of(
    sentence: str, minimum: re.Match[str] | None, via: re.Match[str] | None
) -> dict[str, Any]:
    subject = sentence[: minimum.start() if minimum else via.start() if via else len(sentence)]
    rule: dict[str, Any] = {}
    kinds = kinds_in(re.sub(r"\(.*?\)", "", subject), UNIT_WORDS)
    if kinds and not any(g in fold(subject) for g in _GENERIC):
        rule["unit_kinds"] = kinds[:1] if len(kinds) > 1 and via else kinds
    else:
        rule["_generic"] = True
    if minimum:
        rule["minimum"] = int(minimum["n"])
    alternative = _ALTERNATIVE.search(sentence[minimum.end() :]) if minimum else None
    main = (
        sentence[minimum.start() : minimum.end() + alternative.start()]
        if minimum and alternative
        else sentence[minimum.start() :]
        if minimum
        else ""
    )
    if main:
        rule["work_kinds"] = kinds_in(main, WORK_WORDS)
    if alternative and minimum:
        rest = sentence[minimum.end() + alternative.end() :]
        extra = [
            k
            for k in kinds_in(re.sub(r"^.*?thì", "", rest), WORK_WORDS)
            if k not in rule["work_kinds"]
        ]
        if extra:
            rule["alternative_work_kinds"] = extra
    if via:
        rule.update(via_parent=True, approver="parent")
    rule["text"] = sentence
    return rule


def _store_rules(rules: list[tuple[dict[str, Any], int]], draft: Draft) -> None:
    stored = []
    for index, (rule, line) in enumerate(rules):
        generic = rule.pop("_generic", False)
        stored.append(rule)
        draft.cite_tree(f"registration.rules.{index}", rule, line)
        for key in ("unit_kinds", "minimum", "work_kinds"):
            if key not in rule:
                draft.miss(f"registration.rules.{index}.{key}")
        if generic:
            draft.warn(
                f"Dòng {line}: quy định đăng ký chung cho mọi cơ quan, đơn vị: hãy chọn loại đơn vị áp dụng."
            )
    if stored:
        draft.result.data.setdefault("registration", {})["rules"] = stored


def _read_works(paras: list[Para], draft: Draft) -> None:
    """ "- Các công trình sẽ khởi công:" / "- … hoàn thành trước …" and their "+" items."""
    works: list[dict[str, Any]] = []
    stage: dict[str, Any] = {}
    for para in paras:
        if para.kind == "dash":
            stage = _stage(para.body)
            continue
        if para.kind != "plus" or not stage:
            continue
        title = strip_full_stop(para.body)
        work = {
            "code": f"CT{len(works) + 1:02d}",
            "title": title,
            "kind": "project" if "du an" in fold(title) else "construction",
            **stage,
        }
        index = len(works)
        works.append(work)
        draft.cite_tree(f"registration.campaign_works.{index}", work, para.line)
        draft.cite(f"registration.campaign_works.{index}.code", para.line, 0.9)
    if works:
        draft.result.data.setdefault("registration", {})["campaign_works"] = works


def _stage(text: str) -> dict[str, Any]:
    key = fold(text)
    if "khoi cong" in key:
        return {"stage": "start"}
    if "hoan thanh" not in key:
        return {}
    stage: dict[str, Any] = {"stage": "finish"}
    event = _EVENT.search(text)
    if event:
        stage["deadline_event"] = event["event"].strip()
        dates = find_dates(event["when"] or "")
        if dates:
            stage["deadline"] = partial_value(dates[0][0])
    return stage
