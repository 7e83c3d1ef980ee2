"""Targets (chỉ tiêu): every figure of the targets section, and strict ones elsewhere.

Each figure is its own target; the sentence's wording says its kind and period:

- "năm 2024, 2025 và nhiệm kỳ 2020 - 2025" in the indicator → one target per period;
- "Hằng năm", "hàng năm", "mỗi năm" → ``per_year``; "bình quân tăng …/năm" →
  ``average_growth``; "mức giảm bình quân" → ``annual_reduction``; "trong 05 năm" →
  ``cumulative``; "trước năm 2025" → ``milestone`` (``before``, deadline 2025-01-01);
  otherwise ``level``;
- "năm 2025" → period {from: 2025, to: 2025}; "đến năm 2025" → {to: 2025}; "nhiệm kỳ
  (giai đoạn) 2020 - 2025" → {from: 2020, to: 2025}; no years written → no period (missing
  is not reported: the format does not need one).

A time phrase at the head of a sentence holds for each of its clauses ("Đến năm 2025 có 30
giường bệnh/vạn dân; 10 - 12 bác sĩ/vạn dân"). Codes are T01, T02, … in the plan's order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from thidua.core.text import fold
from thidua.plan_import.extract.figures import Figure, find_figures
from thidua.plan_import.extract.model import Draft
from thidua.plan_import.extract.numbers import plain
from thidua.plan_import.extract.structure import Para, headed, under
from thidua.plan_import.extract.targets_words import indicator_of, periods_of, time_of
from thidua.plan_import.extract.words import clauses, sentences, strip_end

_TARGET_WORDS = ("muc tieu", "chi tieu", "cac chi tieu", "mot so chi tieu")
_BEFORE = re.compile(
    r"\btrước\s+(?:năm\s+(?P<y>\d{4})|ngày\s+(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y2>\d{4}))"
)


_OF_WHICH = re.compile(r",?\s*\btrong đó\s*:?\s*", re.IGNORECASE)


def _pieces(sentence: str) -> list[tuple[str, bool]]:
    """A sentence cut at ";" and at "trong đó" (each piece with its own figures), each with
    whether it is the "trong đó" part of the piece before it."""
    out: list[tuple[str, bool]] = []
    for clause in clauses(sentence):
        parts = _OF_WHICH.split(clause)
        out.extend((part, index > 0) for index, part in enumerate(parts) if part.strip())
    return out


_GOAL = re.compile(r"\bphấn đấu\b|\b(?:đặt|đề ra) (?:mục tiêu|chỉ tiêu)\b", re.IGNORECASE)


_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])[.)]\s+(?=\d)")


def _target_rows(para: Para, strict: bool, goals_only: bool = False) -> list[dict[str, Any]]:
    """The targets of a paragraph. ``strict`` keeps only clear percentages (outside a
    targets section), except in a sentence that says "phấn đấu" (a goal by its own words);
    ``goals_only`` keeps only such sentences (outside the content section)."""
    rows: list[dict[str, Any]] = []
    for sentence in sentences(para.body):
        sentence = _ITEM_MARK.sub("", sentence)  # "1. 100% công chức …": the mark is no word
        goal = bool(_GOAL.search(sentence))
        if goals_only and not goal:
            continue
        rows.extend(_sentence_rows(sentence, strict and not goal))
    return rows


def _sentence_rows(sentence: str, strict: bool) -> list[dict[str, Any]]:
    """The targets of one sentence, its time phrase holding for each of its clauses."""
    rows: list[dict[str, Any]] = []
    time = time_of(sentence)
    pieces = _pieces(sentence)
    context = {"lead": "", "parent": ""}
    for index, (piece, sub) in enumerate(pieces):
        source = _source(sentence, [p for p, _ in pieces], index)
        figures = find_figures(piece, strict=strict)
        if not figures and not strict:
            rows.extend(_milestone(piece, source))
        for position, figure in enumerate(figures):
            indicator = _indicator(piece, figures, position, context, sub)
            rows.extend(_rows(indicator, piece, figure, time, source))
        _remember(piece, figures, context)
    return rows


def _remember(piece: str, figures: list[Figure], context: dict[str, str]) -> None:
    """The lead before a colon ("Tỷ lệ học sinh …: Tiểu học …") carries over to the next
    pieces of the sentence; the indicator of a piece is the parent of a "trong đó" part."""
    if ":" in piece and figures:
        context["lead"] = strip_end(piece.split(":", 1)[0])
    context["parent"] = indicator_of(piece, figures[0], figures, 0) if figures else ""


def _source(sentence: str, pieces: list[str], index: int) -> str:
    end = sentence.find(pieces[index]) + len(pieces[index])
    return strip_end(sentence[:end])


def _indicator(
    piece: str, figures: list[Figure], position: int, context: dict[str, str], sub: bool
) -> str:
    indicator = indicator_of(piece, figures[position], figures, position)
    if sub and context["parent"]:
        return f"{context['parent']} {indicator[:1].lower()}{indicator[1:]}"
    if context["lead"] and not fold(indicator).startswith(fold(context["lead"])[:12]):
        return f"{context['lead']}: {indicator[:1].upper()}{indicator[1:]}"
    return indicator


def _rows(
    indicator: str, piece: str, figure: Figure, time: dict[str, Any], source: str
) -> list[dict[str, Any]]:
    base = {
        "comparator": figure.comparator,
        "value": plain(figure.value),
        "measure_unit": figure.unit,
        "source_text": source,
    }
    if figure.value_max is not None:
        base["value_max"] = plain(figure.value_max)
    rows = []
    for label, kind, period in periods_of(indicator, piece, time):
        rows.append(
            {"indicator": label, "kind": kind, **base, **({"period": period} if period else {})}
        )
    return rows


def _milestone(piece: str, source: str) -> list[dict[str, Any]]:
    match = _BEFORE.search(piece)
    if not match:
        return []
    deadline = (
        f"{match['y']}-01-01"
        if match["y"]
        else f"{match['y2']}-{int(match['m']):02d}-{int(match['d']):02d}"
    )
    indicator = strip_end(piece[: match.start()])
    return [
        {
            "indicator": indicator,
            "kind": "milestone",
            "comparator": "before",
            "deadline": deadline,
            "source_text": source,
        }
    ]


def _duplicate(row: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """The same figure restated (II.1.b repeating a II.1.a target) is one target."""
    key = fold(row["indicator"])
    for other in rows:
        same = all(other.get(k) == row.get(k) for k in ("comparator", "value", "measure_unit"))
        if same and (fold(other["indicator"]) in key or key in fold(other["indicator"])):
            return True
        if (
            same
            and fold(other["indicator"])[:20]
            and fold(other["indicator"])[:20] in fold(row["source_text"])
        ):
            return True
    return False


def _sentence_item(para: Para) -> bool:
    """ "1. Phấn đấu thu nhập bình quân đạt 75 triệu đồng." — a sentence, not a heading."""
    return len(para.body) > 60 or (len(para.body) > 30 and para.body.rstrip()[-1:] in ".;")


def _lead_list(para: Para) -> Para | None:
    """ "Các chỉ tiêu chủ yếu: (1) …; (2) …": the list after the colon, as a targets section."""
    head, colon, rest = para.body.partition(":")
    if not colon or len(head) > 100 or "chi tieu" not in fold(head) or not rest.strip():
        return None
    return replace(para, body=rest.strip())


def _roman_targets(head: Para) -> bool:
    """ "II. MỤC TIÊU CHỦ YẾU", "III. CÁC CHỈ TIÊU": a whole section of targets (not "I.
    MỤC TIÊU, NHIỆM VỤ" nor "MỤC ĐÍCH, YÊU CẦU")."""
    return bool(re.fullmatch(r"(?:cac )?(?:muc tieu|chi tieu)(?: chu yeu| cu the)?\.?", head.key))


def read_targets(paras: list[Para], draft: Draft, content: set[int]) -> None:
    """All targets: the targets section in full, and strict figures of the content section
    (``content``: ids of its paragraphs)."""
    found: list[tuple[dict[str, Any], Para]] = []
    target_heads = [
        h
        for h in headed(paras, "muc tieu", "chi tieu")
        if (h.kind != "roman" or _roman_targets(h))
        and h.key.startswith(_TARGET_WORDS)
        and "noi dung" not in h.key
    ]
    inside = {id(p) for h in target_heads for p in under(paras, h)}
    body = next((i for i, p in enumerate(paras) if p.kind == "roman"), 0)
    for index, para in enumerate(paras):
        lead = _lead_list(para)
        if lead is not None:
            para, strict = lead, False
        elif para.kind in ("roman", "arabic", "letter") and id(para) not in inside:
            # A numbered item of the content section that is a sentence, not a heading.
            if not (para.kind != "roman" and id(para) in content and _sentence_item(para)):
                continue
            strict = True
        else:
            strict = id(para) not in inside
        goals_only = strict and id(para) not in content
        if goals_only and index < body:
            continue
        for row in _target_rows(para, strict, goals_only):
            if not strict or not _duplicate(row, [r for r, _ in found]):
                found.append((row, para))
            else:
                draft.warn(f"Dòng {para.line}: chỉ tiêu nhắc lại đã bỏ qua: {row['source_text']}")
    _store(found, draft)


def _store(found: list[tuple[dict[str, Any], Para]], draft: Draft) -> None:
    targets = []
    for index, (row, para) in enumerate(found):
        target = {"code": f"T{index + 1:02d}", **row, "section": para.section}
        targets.append(target)
        draft.cite_tree(f"targets.{index}", target, para.line)
        draft.cite(f"targets.{index}.code", para.line, 0.9)
        for key in ("indicator", "kind", "period"):
            if key in target:
                draft.cite(f"targets.{index}.{key}", para.line, 0.8)
    draft.result.data["targets"] = targets
