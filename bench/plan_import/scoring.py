"""Field-by-field scoring of a plan extraction against a hand-made expected file.

Matching rules (docs/plan-import.md, "Evaluation"):

- **Text** is compared after normalisation: Unicode NFC; the modern place of the tone mark
  (``hoà`` = ``hòa``, ``uỷ`` = ``ủy``); lower case; the dashes – — − as ``-``; curly
  quotes as straight ones; runs of spaces as one; trailing ``. , ; :`` dropped; the
  abbreviations ``UBND`` and ``HĐND`` written out. Diacritics are kept: ``Hân`` is not
  ``Hẳn``.
- **Short text** (numbers of documents, kinds, places, names, positions, comparators,
  units of measure) must be equal once normalised. **Long text** (titles, issuers,
  indicators, recipients, duty texts, award names) matches when the word sets of the two
  normalised texts overlap by at least 60 % (Jaccard): a reading that keeps the same words
  but cuts a clause differently still counts.
- **Numbers** are equal as decimals (``10`` = ``10.0``); **dates** are equal as ISO text at
  the precision written (``2024-11`` is not ``2024-11-01``).
- **Lists of codes** (unit kinds, work kinds, subjects, agencies) are equal as sets.
- **List items** (legal bases, phases, targets, rules, award forms, duties) are paired by
  best pair: every expected item against every extracted one, the share of fields that
  match; pairs are taken greedily from the best down (ties in document order); a pair
  with no matching field is no pair. Then each field counts on its own.

For each field kind: *expected* = fields the expected file states; *extracted* = fields the
extraction states; *correct* = fields stated by both and matching (in a pair, for list
items). Precision = correct / extracted, recall = correct / expected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

#: Field kinds: (label, list path or "" for single fields, fields, which are sets / long text).
KINDS: dict[str, dict[str, Any]] = {
    "header": {
        "label": "Văn bản (đầu văn bản, tên)",
        "list": "",
        "fields": [
            "document.kind",
            "document.number",
            "document.date",
            "document.place",
            "document.issuer",
            "document.signer.name",
            "document.signer.position",
            "title",
        ],
    },
    "legal_bases": {
        "label": "Căn cứ",
        "list": "legal_bases",
        "fields": ["kind", "number", "date", "issuer"],
    },
    "phases": {"label": "Các đợt", "list": "phases", "fields": ["name", "start", "end"]},
    "targets": {
        "label": "Chỉ tiêu",
        "list": "targets",
        "fields": ["indicator", "comparator", "value", "value_max", "measure_unit"],
    },
    "registration_rules": {
        "label": "Quy định đăng ký",
        "list": "registration.rules",
        "fields": ["unit_kinds", "minimum", "work_kinds"],
    },
    "reporting_rules": {
        "label": "Quy định báo cáo",
        "list": "",
        "fields": [
            "reporting.frequency",
            "reporting.due_day",
            "reporting.due_month_of_period",
            "reporting.recipient",
        ],
    },
    "awards": {
        "label": "Hình thức khen thưởng",
        "list": "awards.forms",
        "fields": ["name", "subjects"],
    },
    "duties": {"label": "Nhiệm vụ", "list": "duties", "fields": ["section", "agencies", "text"]},
}

SET_FIELDS = {"unit_kinds", "work_kinds", "subjects", "agencies"}
LONG_FIELDS = {"title", "issuer", "indicator", "recipient", "text", "name@awards"}
NUMBER_FIELDS = {"value", "value_max", "minimum", "due_day", "due_month_of_period"}
JACCARD = 0.6

_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


def normalise(value: Any) -> str:
    """Text as compared: see the module docstring."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    for old, new in _TONES.items():
        text = re.sub(old + r"(?![a-zà-ỹ])", new, text)
    text = re.sub(r"[–—−‐]", "-", text)
    text = re.sub(r"[“”„]", '"', text).replace("‘", "'").replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;: ")
    for short, full in _ABBREVIATIONS.items():
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w/.-]+", normalise(text)))


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def same(name: str, expected: Any, extracted: Any) -> bool:
    """Whether two values of the field ``name`` match (the rules above)."""
    if not (_present(expected) and _present(extracted)):
        return False
    key = name.rsplit(".", 1)[-1]
    if key in SET_FIELDS:
        as_list = lambda v: v if isinstance(v, list) else [v]  # noqa: E731
        return {normalise(v) for v in as_list(expected)} == {
            normalise(v) for v in as_list(extracted)
        }
    if key in NUMBER_FIELDS:
        try:
            return Decimal(str(expected)) == Decimal(str(extracted))
        except InvalidOperation:
            return False
    if isinstance(expected, dt.date) or isinstance(extracted, dt.date):
        return _iso(expected) == _iso(extracted)
    if key in LONG_FIELDS or name in LONG_FIELDS:
        a, b = _words(str(expected)), _words(str(extracted))
        return bool(a | b) and len(a & b) / len(a | b) >= JACCARD
    return normalise(expected) == normalise(extracted)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def get(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


@dataclass
class Score:
    expected: int = 0
    extracted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.extracted += other.extracted
        self.correct += other.correct

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.expected if self.expected else None


def _field_name(kind: str, name: str) -> str:
    return f"{name}@awards" if kind == "awards" and name == "name" else name


def _pairs(kind: str, expected: list[dict], extracted: list[dict]) -> list[tuple[int, int]]:
    """Best pairs, greedily from the best match down (ties in document order)."""
    names = KINDS[kind]["fields"]
    scored = []
    for i, e in enumerate(expected):
        for j, x in enumerate(extracted):
            stated = [n for n in names if _present(e.get(n)) or _present(x.get(n))]
            hits = sum(1 for n in stated if same(_field_name(kind, n), e.get(n), x.get(n)))
            if hits:
                scored.append((-hits / len(stated), i, j))
    taken_e: set[int] = set()
    taken_x: set[int] = set()
    pairs = []
    for _score, i, j in sorted(scored):
        if i not in taken_e and j not in taken_x:
            pairs.append((i, j))
            taken_e.add(i)
            taken_x.add(j)
    return pairs


def score_kind(kind: str, expected: dict[str, Any], extracted: dict[str, Any]) -> Score:
    """The score of one field kind of one plan."""
    spec = KINDS[kind]
    score = Score()
    if not spec["list"]:
        for name in spec["fields"]:
            e, x = get(expected, name), get(extracted, name)
            score.expected += _present(e)
            score.extracted += _present(x)
            if same(name, e, x):
                score.correct += 1
            elif _present(e):
                score.misses.append(f"{name}: {e!r} ≠ {x!r}")
        return score
    e_items = [i for i in (get(expected, spec["list"]) or []) if isinstance(i, dict)]
    x_items = [i for i in (get(extracted, spec["list"]) or []) if isinstance(i, dict)]
    for items, attr in ((e_items, "expected"), (x_items, "extracted")):
        setattr(
            score, attr, sum(1 for item in items for n in spec["fields"] if _present(item.get(n)))
        )
    for i, j in _pairs(kind, e_items, x_items):
        for name in spec["fields"]:
            if same(_field_name(kind, name), e_items[i].get(name), x_items[j].get(name)):
                score.correct += 1
    return score


def score_plan(expected: dict[str, Any], extracted: dict[str, Any]) -> dict[str, Score]:
    return {kind: score_kind(kind, expected, extracted) for kind in KINDS}
