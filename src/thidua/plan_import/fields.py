"""The fields of a draft: the extraction's data flattened to one row per value.

A field is named by its dotted path in the campaign file (``document.number``,
``targets.3.value``; list positions count from 0 as in the extraction's ``sources``).
Lists of codes (``unit_kinds``, ``agencies`` …) are one field, edited one item a line.
Pure functions: no database, so the review page, the API and the tests share them.
"""

from __future__ import annotations

import copy
import itertools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError

#: Keys whose value is a list of short items, edited as one field (one item a line).
LIST_KEYS = frozenset(
    {"unit_kinds", "work_kinds", "alternative_work_kinds", "subjects", "agencies", "agency_units"}
)
NUMBER_KEYS = frozenset({"value", "value_max", "minimum", "due_day", "due_month_of_period"})
BOOL_KEYS = frozenset({"via_parent", "no_duplicate_of_campaign_works"})
DATE_KEYS = frozenset({"date", "start", "end", "from", "to", "deadline"})
LONG_KEYS = frozenset(
    {"title", "text", "description", "preamble", "criteria", "procedure", "note", "source_text"}
)
LONG_LISTS = frozenset({"purposes", "requirements"})

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

#: Leaves the campaign file requires, as patterns over paths (``#`` is any list position).
REQUIRED = frozenset(
    {
        "code",
        "title",
        "document.number",
        "document.date",
        "document.place",
        "document.issuer",
        "document.issuer_unit",
        "document.signer.name",
        "document.signer.position",
        "period.start",
        "period.end",
        "phases.#.code",
        "phases.#.name",
        "phases.#.start",
        "phases.#.end",
        "legal_bases.#.kind",
        "legal_bases.#.number",
        "legal_bases.#.issuer",
        "content_areas.#.code",
        "content_areas.#.title",
        "targets.#.code",
        "targets.#.indicator",
        "targets.#.kind",
        "targets.#.comparator",
        "registration.rules.#.unit_kinds",
        "registration.rules.#.minimum",
        "registration.rules.#.work_kinds",
        "registration.campaign_works.#.code",
        "registration.campaign_works.#.title",
        "registration.campaign_works.#.stage",
        "reporting.due_day",
        "reporting.due_month_of_period",
        "reporting.recipient",
        "awards.forms.#.code",
        "awards.forms.#.name",
        "awards.forms.#.subjects",
        "awards.forms.#.grantors.#.title",
        "awards.forms.#.grantors.#.unit_kinds",
        "duties.#.agencies",
        "duties.#.text",
    }
)

#: When a whole required part is missing, the leaves the person must fill.
SKELETONS: dict[str, list[str]] = {
    "document": ["number", "date", "place", "issuer", "signer.name", "signer.position"],
    "document.signer": ["name", "position"],
    "period": ["start", "end"],
    "phases": ["0.code", "0.name", "0.start", "0.end"],
}


def pattern_of(path: str) -> str:
    """``targets.3.value`` → ``targets.#.value``."""
    return ".".join("#" if part.isdigit() else part for part in path.split("."))


def is_required(path: str) -> bool:
    return pattern_of(path) in REQUIRED


def kind_of(path: str) -> str:
    """How a field is edited: number, bool, date, list, long or text."""
    parts = path.split(".")
    key = parts[-1]
    if key.isdigit():
        return "long" if parts[0] in LONG_LISTS else "text"
    if key in LIST_KEYS:
        return "list"
    if key in NUMBER_KEYS:
        return "number"
    if key in BOOL_KEYS:
        return "bool"
    if key in DATE_KEYS:
        return "date"
    if key in LONG_KEYS or parts[0] == "preamble":
        return "long"
    return "text"


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of ``data`` by dotted path, in document order."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if str(key) in LIST_KEYS:
                out[path] = value
            else:
                out.update(flatten(value, path))
    elif isinstance(data, list) and prefix.split(".")[-1] not in LIST_KEYS:
        for index, value in enumerate(data):
            out.update(flatten(value, f"{prefix}.{index}"))
    else:
        out[prefix] = data
    return out


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


def section_of(path: str) -> str:
    return path.split(".")[0]


def item_of(path: str) -> str:
    """The list item a field belongs to (``targets.3``), or "" for a top field."""
    parts = path.split(".")
    for index in range(len(parts) - 1, 0, -1):
        if parts[index].isdigit():
            return ".".join(parts[: index + 1])
    return ""


def get_path(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path``, creating the groups and list items on the way."""
    parts = path.split(".")
    node: Any = data
    for part, following in itertools.pairwise(parts):
        child_is_list = following.isdigit()
        if isinstance(node, list):
            index = int(part)
            while len(node) <= index:
                node.append([] if child_is_list else {})
            if not isinstance(node[index], list | dict):
                node[index] = [] if child_is_list else {}
            node = node[index]
        else:
            if not isinstance(node.get(part), list | dict):
                node[part] = [] if child_is_list else {}
            node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        index = int(last)
        while len(node) <= index:
            node.append(None)
        node[index] = value
    else:
        node[last] = value


def delete_path(data: dict[str, Any], path: str) -> None:
    """Remove the value (or list item) at ``path``; list items are marked, then compacted."""
    parts = path.split(".")
    parent = get_path(data, ".".join(parts[:-1])) if len(parts) > 1 else data
    last = parts[-1]
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        parent[int(last)] = _REMOVED
    elif isinstance(parent, dict):
        parent.pop(last, None)


_REMOVED = object()


def _compact(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _compact(v) for k, v in node.items() if v is not None}
    if isinstance(node, list):
        return [_compact(v) for v in node if v is not _REMOVED]
    return node


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


_VI_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_value(path: str, raw: str) -> Any:
    """The value typed for ``path``, checked for its kind; raise ``DomainError`` if wrong.

    Numbers accept the Vietnamese way (``1.234,5``) and the file's way (``1234.5``);
    dates accept dd/mm/yyyy, mm/yyyy, yyyy and the ISO forms, keeping the precision
    typed (docs/campaign-file.md, "The date precision rule").
    """
    text = nfc(raw or "")
    kind = kind_of(path)
    if not text:
        if is_required(path):
            raise DomainError(_("Trường này bắt buộc: hãy nhập giá trị."))
        return [] if kind == "list" else ""
    if kind == "number":
        return _number(text)
    if kind == "bool":
        return text.lower() in {"true", "1", "có", "co", "yes"}
    if kind == "date":
        return _date(text)
    if kind == "list":
        return [nfc(item) for item in re.split(r"[\n;]", text) if nfc(item)]
    return text


def _number(text: str) -> int | float:
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _VI_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise DomainError(
            _("“%(value)s” không phải là một số (ví dụ: 2.500 hoặc 99,5).") % {"value": text}
        ) from None
    return int(number) if number == number.to_integral_value() else float(number)


def _date(text: str) -> str:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        text = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    match = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if match:
        text = f"{match[2]}-{int(match[1]):02d}"
    try:
        return PartialDate.parse(text).iso()
    except (ValueError, TypeError):
        raise DomainError(
            _("“%(value)s” không phải là ngày; nhập dd/mm/yyyy, mm/yyyy hoặc yyyy.")
            % {"value": text}
        ) from None


def display(value: Any, kind: str = "") -> str:
    """A value as shown and as put back in a form field (dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if kind == "date" and isinstance(value, str | int):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
        if match:
            return "/".join(part for part in (match[3], match[2], match[1]) if part)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


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
) -> list[Field]:
    """The review rows of a draft, in the plan's order."""
    missing_set = set(expand_missing(missing, data))
    removed_items = {p for p, d in review.items() if d.get("state") == "removed"}
    rows = []
    seen_items: set[str] = set()
    leaves = flatten(data)
    for path in field_paths(data, missing):
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
    out = _compact(out)
    out.pop("format", None)
    return {"format": "thidua/campaign@1", **out}


def path_from_error(field: str) -> str:
    """A validation error's field (``targets[4].value``) as a draft path (``targets.3.value``)."""
    return re.sub(r"\[(\d+)\]", lambda m: f".{int(m[1]) - 1}", field)


#: What each key is called on the review page.
KEY_LABELS: dict[str, Any] = {
    "code": gettext_lazy("Mã"),
    "kind": gettext_lazy("Loại"),
    "status": gettext_lazy("Trạng thái"),
    "title": gettext_lazy("Tên, trích yếu"),
    "number": gettext_lazy("Số, ký hiệu"),
    "date": gettext_lazy("Ngày"),
    "place": gettext_lazy("Địa danh"),
    "issuer": gettext_lazy("Cơ quan ban hành"),
    "issuer_unit": gettext_lazy("Mã đơn vị ban hành"),
    "parent_issuer": gettext_lazy("Cơ quan chủ quản"),
    "name": gettext_lazy("Tên"),
    "signer": gettext_lazy("Người ký"),
    "position": gettext_lazy("Chức vụ"),
    "authority": gettext_lazy("Thẩm quyền ký"),
    "relation": gettext_lazy("Quan hệ"),
    "start": gettext_lazy("Bắt đầu"),
    "end": gettext_lazy("Kết thúc"),
    "review": gettext_lazy("Sơ kết, tổng kết"),
    "description": gettext_lazy("Mô tả"),
    "indicator": gettext_lazy("Chỉ tiêu"),
    "comparator": gettext_lazy("So sánh"),
    "value": gettext_lazy("Giá trị"),
    "value_max": gettext_lazy("Giá trị tối đa"),
    "measure_unit": gettext_lazy("Đơn vị tính"),
    "from": gettext_lazy("Từ"),
    "to": gettext_lazy("Đến"),
    "deadline": gettext_lazy("Thời hạn"),
    "content_area": gettext_lazy("Nội dung thi đua"),
    "section": gettext_lazy("Mục"),
    "source_text": gettext_lazy("Câu gốc"),
    "note": gettext_lazy("Ghi chú"),
    "unit_kinds": gettext_lazy("Loại đơn vị"),
    "minimum": gettext_lazy("Tối thiểu"),
    "work_kinds": gettext_lazy("Loại công trình"),
    "alternative_work_kinds": gettext_lazy("Loại thay thế"),
    "via_parent": gettext_lazy("Đăng ký qua cấp trên"),
    "approver": gettext_lazy("Cấp duyệt"),
    "no_duplicate_of_campaign_works": gettext_lazy("Không trùng công trình của tỉnh"),
    "text": gettext_lazy("Nội dung"),
    "stage": gettext_lazy("Giai đoạn"),
    "deadline_event": gettext_lazy("Sự kiện hạn"),
    "frequency": gettext_lazy("Tần suất"),
    "due_day": gettext_lazy("Hạn: ngày"),
    "due_month_of_period": gettext_lazy("Hạn: tháng thứ trong kỳ"),
    "weekend_policy": gettext_lazy("Hạn rơi vào cuối tuần"),
    "recipient": gettext_lazy("Nơi nhận báo cáo"),
    "recipient_unit": gettext_lazy("Mã đơn vị nhận"),
    "subjects": gettext_lazy("Đối tượng"),
    "criteria": gettext_lazy("Tiêu chuẩn"),
    "procedure": gettext_lazy("Trình tự, thủ tục"),
    "quota": gettext_lazy("Số lượng"),
    "agencies": gettext_lazy("Cơ quan"),
    "agency_units": gettext_lazy("Mã đơn vị"),
    "preamble": gettext_lazy("Phần mở đầu"),
}


def label_of(path: str) -> str:
    """``targets.3.value`` → "Chỉ tiêu 4 · Giá trị" (items counted from 1, as people do)."""
    parts = path.split(".")
    words: list[str] = []
    for index, part in enumerate(parts):
        if part.isdigit():
            words.append(f"{int(part) + 1}")
        elif index == 0 and len(parts) > 1:
            continue
        else:
            words.append(str(KEY_LABELS.get(part, part)))
    return " · ".join(words) if words else path
