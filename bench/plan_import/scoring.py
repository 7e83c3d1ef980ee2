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
items). Precision = correct / extracted, recall = correct / expected; over all the kinds
scored, correct / expected is the share of the plan's facts read into the right field.

Two counts say how the extraction goes wrong rather than how often it is right:

- **invented**: fields the extraction states where the expected file states nothing: a
  single field the expected file leaves out, a field of a paired list item that the
  expected item leaves out, every field of an extracted list item that pairs with no
  expected item;
- **wrongly "not stated"**: fields the expected file states while the extraction's
  ``missing`` (what it claims the text does not state, "văn bản không ghi") holds that
  path or a parent of it (``phases`` for every phase field, ``targets.2.value`` for the
  value of the expected target paired with extracted target 2; ``*`` stands for any
  position). The same test against ``unrecognised`` (paths the extraction says it did not
  recognise, "chưa nhận ra", an honest non-answer) is counted apart, as *unrecognised*.

An expected file may name the kinds it was written for (``scope: [header, period, …]``):
only those are scored for that plan; without ``scope`` every kind is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
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
    "period": {
        "label": "Thời gian thi đua",
        "list": "",
        "fields": ["period.start", "period.end"],
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
    """Counts of one field kind (of one plan, or summed over plans)."""

    expected: int = 0
    extracted: int = 0
    correct: int = 0
    invented: int = 0
    wrongly_missing: int = 0
    unrecognised: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.extracted += other.extracted
        self.correct += other.correct
        self.invented += other.invented
        self.wrongly_missing += other.wrongly_missing
        self.unrecognised += other.unrecognised

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.expected if self.expected else None


def scope_of(expected: dict[str, Any]) -> list[str]:
    """The kinds an expected file is scored on (its ``scope``, else every kind), in
    ``KINDS`` order; an unknown kind is an error, not a kind silently left out."""
    scope = expected.get("scope")
    if scope is None:
        return list(KINDS)
    if not isinstance(scope, list) or not scope:
        raise ValueError(f"scope must be a non-empty list of field kinds, not {scope!r}")
    unknown = [kind for kind in scope if kind not in KINDS]
    if unknown:
        raise ValueError(f"unknown field kinds in scope: {unknown} (known: {list(KINDS)})")
    return [kind for kind in KINDS if kind in scope]


def claimed(path: Sequence[str | None], claims: Sequence[str]) -> str | None:
    """The first of ``claims`` that names ``path`` or a parent of it (``*`` for any
    position); a ``None`` segment of ``path`` (an expected item with no extracted pair)
    is matched only by ``*`` or by a claim that stops above it."""
    for claim in claims:
        parts = str(claim).split(".")
        if len(parts) <= len(path) and all(
            c == "*" or (p is not None and c == p) for c, p in zip(parts, path, strict=False)
        ):
            return str(claim)
    return None


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


def _claims_on(
    score: Score,
    where: str,
    path: Sequence[str | None],
    missing: Sequence[str],
    unrecognised: Sequence[str],
) -> None:
    """Count an expected field the extraction says is not stated, or not recognised."""
    claim = claimed(path, missing)
    if claim is not None:
        score.wrongly_missing += 1
        score.misses.append(f"{where}: stated, but claimed not stated ({claim})")
    elif claimed(path, unrecognised) is not None:
        score.unrecognised += 1


def score_kind(
    kind: str,
    expected: dict[str, Any],
    extracted: dict[str, Any],
    missing: Sequence[str] = (),
    unrecognised: Sequence[str] = (),
) -> Score:
    """The score of one field kind of one plan (``missing`` and ``unrecognised``: the
    extraction's paths claimed not stated and not recognised)."""
    spec = KINDS[kind]
    if not spec["list"]:
        return _score_fields(spec["fields"], expected, extracted, missing, unrecognised)
    score = Score()
    list_path = spec["list"].split(".")
    e_items = [i for i in (get(expected, spec["list"]) or []) if isinstance(i, dict)]
    x_items = [i for i in (get(extracted, spec["list"]) or []) if isinstance(i, dict)]
    pairs = dict(_pairs(kind, e_items, x_items))
    paired_x = {j: i for i, j in pairs.items()}
    for i, e_item in enumerate(e_items):
        j = pairs.get(i)
        for name in spec["fields"]:
            if not _present(e_item.get(name)):
                continue
            score.expected += 1
            where = f"{spec['list']}[{i}].{name}"
            x_value = x_items[j].get(name) if j is not None else None
            if same(_field_name(kind, name), e_item.get(name), x_value):
                score.correct += 1
            elif j is not None:
                score.misses.append(f"{where}: {e_item.get(name)!r} ≠ {x_value!r}")
            index = None if j is None else str(j)
            _claims_on(score, where, [*list_path, index, name], missing, unrecognised)
        if j is None:
            score.misses.append(f"{spec['list']}[{i}]: no extracted item pairs with it")
    for j, x_item in enumerate(x_items):
        i_of = paired_x.get(j)
        for name in spec["fields"]:
            if not _present(x_item.get(name)):
                continue
            score.extracted += 1
            if i_of is None or not _present(e_items[i_of].get(name)):
                score.invented += 1
                score.misses.append(
                    f"{spec['list']}[extracted {j}].{name}: invented {x_item.get(name)!r}"
                )
    return score


def _score_fields(
    names: list[str],
    expected: dict[str, Any],
    extracted: dict[str, Any],
    missing: Sequence[str],
    unrecognised: Sequence[str],
) -> Score:
    """The score of a kind of single fields (document header, period, reporting)."""
    score = Score()
    for name in names:
        e, x = get(expected, name), get(extracted, name)
        score.expected += _present(e)
        score.extracted += _present(x)
        if same(name, e, x):
            score.correct += 1
        elif _present(e):
            score.misses.append(f"{name}: {e!r} ≠ {x!r}")
        if _present(e):
            _claims_on(score, name, name.split("."), missing, unrecognised)
        elif _present(x):
            score.invented += 1
            score.misses.append(f"{name}: invented {x!r}")
    return score


def score_plan(
    expected: dict[str, Any],
    extracted: dict[str, Any],
    missing: Sequence[str] = (),
    unrecognised: Sequence[str] = (),
) -> dict[str, Score]:
    """The score of every kind in the expected file's scope."""
    return {
        kind: score_kind(kind, expected, extracted, missing, unrecognised)
        for kind in scope_of(expected)
    }
