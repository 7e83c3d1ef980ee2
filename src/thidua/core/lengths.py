"""How long a free text typed into thidua may be, and what a person is told when it is longer.

Every free-text input has a limit, checked on the server, and a text that is too long is
refused with a message that says both lengths ("Mô tả dài 93.000 ký tự, tối đa 5.000: hãy
rút gọn.") — never cut short in silence, which the browser's ``maxlength`` does to a
pasted text. Forms get their limits from :class:`thidua.core.form_conventions.FormConventions`;
a view that reads a posted text without a form checks it with :func:`check_length`.

The limits are sizes a person writes, not storage sizes: a column with a ``max_length``
keeps its own (a work's title: 500), and a form never allows more than its column holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.core.numbers import format_number

#: A search box.
SEARCH = 100
#: A name or a short line (a figure's name, a source of funds).
LINE = 255
#: A title (a work, a story): the ``max_length`` of the title columns.
TITLE = 500
#: A reason, a note, a comment on one item.
NOTE = 2000
#: A description or a summary.
TEXT = 5000
#: A narrative that reports a whole part of a period's work.
NARRATIVE = 20000

#: What :func:`check_length` refusals are (``DomainError.code``).
TEXT_TOO_LONG = "text_too_long"


def length_message(label: Any, length: int, limit: int) -> str:
    """The refusal of a text of ``length`` characters where ``limit`` are allowed."""
    return _("%(label)s dài %(length)s ký tự, tối đa %(limit)s: hãy rút gọn.") % {
        "label": str(label).strip().rstrip(":") or _("Nội dung"),
        "length": format_number(length),
        "limit": format_number(limit),
    }


@deconstructible
class LengthLimit:
    """A form field's validator: refuses a text longer than ``limit`` with :func:`length_message`.

    It takes the place of Django's ``MaxLengthValidator``, whose message says neither the
    field nor the length in the words a person reads here.
    """

    code = "max_length"

    def __init__(self, limit: int, label: Any) -> None:
        self.limit = limit
        self.label = label

    def __call__(self, value: Any) -> None:
        length = len(value) if value is not None else 0
        if length > self.limit:
            raise ValidationError(length_message(self.label, length, self.limit), code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LengthLimit) and (self.limit, str(self.label)) == (
            other.limit,
            str(other.label),
        )

    def __hash__(self) -> int:
        return hash((self.limit, str(self.label)))


def check_length(value: str, *, limit: int, label: Any, field: str | None = None) -> None:
    """Refuse ``value`` when it is longer than ``limit`` (a ``DomainError`` naming ``field``).

    For a text a view reads from the request without a form; the page shows the refusal
    beside ``field`` when its form has one (``thidua.core.refusals``).
    """
    length = len(value or "")
    if length > limit:
        raise DomainError(length_message(label, length, limit), code=TEXT_TOO_LONG, field=field)


def check_posted(data: Mapping[str, Any], labels: Mapping[str, Any], *, limit: int = NOTE) -> None:
    """Refuse the first text posted under one of ``labels``' names that is longer than
    ``limit`` (:func:`check_length`, naming the field); absent names are accepted."""
    for name, label in labels.items():
        check_length(str(data.get(name) or ""), limit=limit, label=label, field=name)
