"""The values of a draft's fields: how each is edited, whether it is required, how what a
person types is read and how a value is shown back.

Pure functions: no database, so the review page, the API and the tests share them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from thidua.core.dates import PartialDate, parse_typed_date
from thidua.core.errors import DomainError
from thidua.core.text import nfc
from thidua.plan_import.paths import LIST_KEYS, pattern_of

NUMBER_KEYS = frozenset({"value", "value_max", "minimum", "due_day", "due_month_of_period"})
BOOL_KEYS = frozenset({"via_parent", "no_duplicate_of_campaign_works"})
DATE_KEYS = frozenset({"date", "start", "end", "from", "to", "deadline"})
LONG_KEYS = frozenset(
    {"title", "text", "description", "preamble", "criteria", "procedure", "note", "source_text"}
)
LONG_LISTS = frozenset({"purposes", "requirements"})

#: Leaves the campaign file requires, as patterns over paths (``#`` is any list position).
#: The required leaves outside any list, in the order a draft's review lists what is missing.
REQUIRED_HEADER = (
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
)
REQUIRED = frozenset(
    {
        *REQUIRED_HEADER,
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

_VI_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


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
    day = parse_typed_date(text)
    if day is not None:
        return day.isoformat()
    match = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{4})", text)
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
