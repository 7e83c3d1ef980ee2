"""The fields of a draft: the extraction's data flattened to one row per value.

A field is named by its dotted path in the campaign file (``document.number``,
``targets.3.value``; list positions count from 0 as in the extraction's ``sources``;
``plan_import.paths``). Lists of codes (``unit_kinds``, ``agencies`` …) are one field,
edited one item a line; how each value is typed and shown is ``plan_import.values``.
Pure functions: no database, so the review page, the API and the tests share them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from thidua.plan_import.labels import label_of
from thidua.plan_import.paths import (
    compact,
    delete_path,
    flatten,
    get_path,
    item_of,
    section_of,
    set_path,
)
from thidua.plan_import.values import display, is_required, kind_of

#: Fields the loader needs that no plan states: the person gives them on the review page.
PERSON_FIELDS = ("code", "document.issuer_unit")

#: Sections of the review page: (first path part, heading).
SECTIONS: list[tuple[str, Any]] = [
    ("code", gettext_lazy("Mã phong trào")),
    ("document", gettext_lazy("Văn bản")),
    ("title", gettext_lazy("Tên kế hoạch")),
    ("preamble", gettext_lazy("Phần mở đầu")),
    ("legal_bases", gettext_lazy("Căn cứ")),
    ("purposes", gettext_lazy("Mục đích")),
    ("requirements", gettext_lazy("Yêu cầu")),
    ("period", gettext_lazy("Thời gian")),
    ("phases", gettext_lazy("Các đợt thi đua")),
    ("content_areas", gettext_lazy("Nội dung thi đua")),
    ("targets", gettext_lazy("Chỉ tiêu")),
    ("registration", gettext_lazy("Đăng ký công trình, phần việc")),
    ("reporting", gettext_lazy("Báo cáo định kỳ")),
    ("awards", gettext_lazy("Khen thưởng")),
    ("duties", gettext_lazy("Tổ chức thực hiện")),
]
SECTION_KEYS = [key for key, _label in SECTIONS]

#: When a whole required part is missing, the leaves the person must fill.
SKELETONS: dict[str, list[str]] = {
    "document": ["number", "date", "place", "issuer", "signer.name", "signer.position"],
    "document.signer": ["name", "position"],
    "period": ["start", "end"],
    "phases": ["0.code", "0.name", "0.start", "0.end"],
}


def _sort_key(path: str) -> tuple[int, tuple[int, ...]]:
    """Section first, then list positions; a stable sort keeps the data's order otherwise."""
    head = path.split(".")[0]
    section = SECTION_KEYS.index(head) if head in SECTION_KEYS else len(SECTION_KEYS)
    return section, tuple(int(p) for p in path.split(".") if p.isdigit())


def expand_missing(missing: list[str], data: dict[str, Any]) -> list[str]:
    """Missing paths with each missing required part expanded to its leaves."""
    out: list[str] = []
    for path in missing:
        skeleton = SKELETONS.get(path)
        if skeleton and get_path(data, path) in (None, [], {}):
            out.extend(f"{path}.{leaf}" for leaf in skeleton)
        else:
            out.append(path)
    return out


def field_paths(data: dict[str, Any], missing: list[str]) -> list[str]:
    """Every field of the review page: the person's fields, the data's leaves, the missing."""
    paths = dict.fromkeys(flatten(data))
    paths.update(dict.fromkeys(expand_missing(missing, data)))
    paths.update(dict.fromkeys(PERSON_FIELDS))
    for path in list(paths):
        if path == "format":
            del paths[path]
    return sorted(paths, key=_sort_key)


def effective_value(
    data: dict[str, Any],
    review: dict[str, Any],
    path: str,
    suggestions: dict[str, Any] | None = None,
) -> Any:
    """The value a field will have in the campaign: the person's, else the extraction's,
    else (once accepted) the suggestion."""
    decision = review.get(path) or {}
    if decision.get("state") in {"corrected", "filled"}:
        return decision.get("value")
    value = get_path(data, path)
    if value is None and decision.get("state") == "accepted" and suggestions:
        return suggestions.get(path)
    return value


@dataclass(frozen=True)
class Field:
    """One row of the review page."""

    path: str
    section: str
    kind: str
    value: Any
    extracted: Any
    state: str  # "", accepted, corrected, filled, removed
    missing: bool
    required: bool
    person: bool
    suggestion: Any
    line: int | None
    confidence: float | None
    source_text: str
    item_head: bool = False
    #: The reader could not read it although the text may state it ("chưa nhận ra").
    unrecognised: bool = False
    #: Where the value was read: "heading", "table" or "prose" ("" when not read).
    where: str = ""

    @property
    def reviewed(self) -> bool:
        return self.state in {"accepted", "corrected", "filled"}

    @property
    def slug(self) -> str:
        return "f-" + self.path.replace(".", "-").replace("_", "-")

    @property
    def label(self) -> str:
        return label_of(self.path)

    @property
    def item(self) -> str:
        return item_of(self.path)

    @property
    def shown(self) -> str:
        return display(self.value, self.kind)

    @property
    def extracted_shown(self) -> str:
        return display(self.extracted, self.kind)

    @property
    def confidence_level(self) -> str:
        if self.confidence is None:
            return "none"
        if self.confidence >= 0.85:
            return "high"
        return "medium" if self.confidence >= 0.6 else "low"


def build_fields(
    *,
    data: dict[str, Any],
    sources: dict[str, Any],
    missing: list[str],
    review: dict[str, Any],
    suggestions: dict[str, Any],
    unrecognised: list[str] | None = None,
) -> list[Field]:
    """The review rows of a draft, in the plan's order: the paths the text does not state
    (``missing``) and those the reader did not recognise (``unrecognised``) among them."""
    unread = list(unrecognised or [])
    missing_set = set(expand_missing(missing, data))
    unread_set = set(expand_missing(unread, data))
    removed_items = {p for p, d in review.items() if d.get("state") == "removed"}
    rows = []
    seen_items: set[str] = set()
    leaves = flatten(data)
    for path in field_paths(data, [*missing, *unread]):
        if any(path == item or path.startswith(item + ".") for item in removed_items):
            continue
        source = sources.get(path) or {}
        extracted = get_path(data, path)
        decision = review.get(path) or {}
        item = item_of(path)
        # The first field of a list item carries the "leave this item out" button; the
        # person's own fields and the phases (at least one is required) do not.
        head = bool(item) and item not in seen_items and path in leaves
        seen_items.add(item)
        rows.append(
            Field(
                path=path,
                section=section_of(path),
                kind=kind_of(path),
                value=effective_value(data, review, path, suggestions),
                extracted=extracted,
                state=str(decision.get("state", "")),
                missing=path in missing_set or (path in PERSON_FIELDS and extracted is None),
                required=is_required(path),
                person=path in PERSON_FIELDS,
                suggestion=suggestions.get(path),
                line=source.get("line"),
                confidence=source.get("confidence"),
                source_text=str(source.get("text", "")),
                item_head=head,
                unrecognised=path in unread_set and path not in missing_set,
                where=str(source.get("where", "")),
            )
        )
    return rows


def acceptable_in_section(row: Field) -> bool:
    """Whether "accept the whole section" takes this row: an undecided value the engine read
    (never a person's field, never an empty one)."""
    return not row.state and not row.person and row.extracted not in (None, "", [])


def unreviewed_required(fields: list[Field]) -> list[Field]:
    """Required fields the person has not accepted, corrected or filled yet."""
    return [f for f in fields if f.required and not f.reviewed]


def campaign_data(
    *, data: dict[str, Any], review: dict[str, Any], suggestions: dict[str, Any]
) -> dict[str, Any]:
    """The campaign file the draft stands for: the extraction with every decision applied.

    A suggestion counts only where the person accepted it (never silently).
    """
    out = copy.deepcopy(data)
    for path, decision in sorted(review.items(), key=lambda item: _sort_key(item[0])):
        state = decision.get("state")
        if state in {"corrected", "filled"}:
            set_path(out, path, decision.get("value"))
        elif state == "accepted" and get_path(out, path) is None and path in suggestions:
            set_path(out, path, suggestions[path])
    for path, decision in review.items():
        if decision.get("state") == "removed":
            delete_path(out, path)
    out = compact(out)
    out.pop("format", None)
    return {"format": "thidua/campaign@1", **out}


def draft_fields(draft: Any) -> list[Field]:
    """``build_fields`` of an import draft (its data, sources, missing and unrecognised
    paths, review and suggestions as they are now)."""
    return build_fields(
        data=draft.data,
        sources=draft.sources,
        missing=draft.missing,
        review=draft.review,
        suggestions=draft.suggestions,
        unrecognised=draft.unrecognised,
    )
