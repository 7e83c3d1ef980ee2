"""Form fields every app's pages share: dates typed the Vietnamese way, one "required" text,
several files in one input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.dates import parse_typed_date

BAD_DATE = _(
    "Ngày không hợp lệ. Hãy nhập ngày/tháng/năm, ví dụ 30/06/2025, 30-06-2025, 30.06.2025 "
    "hoặc 30062025."
)
REQUIRED = _("Hãy điền mục này.")


class VnDateField(forms.DateField):
    """A day typed as a Vietnamese user types it, with Vietnamese errors.

    ``7/12/2026``, ``07-12-2026``, ``7.12.2026`` and ``07122026`` are all 07/12/2026
    (``core.dates.parse_typed_date``): a phone's number pad has no "/", so the digits alone
    or its "-" and "." do. Shown back as dd/mm/yyyy.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"invalid": BAD_DATE, "required": REQUIRED})
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = parse_typed_date(str(value))
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe): ``accept`` lists the types
    the picker offers; ``capture`` opens a phone's camera (``"environment"``)."""

    def __init__(self, *args: Any, accept: str, capture: str = "", **kwargs: Any) -> None:
        attrs = {"accept": accept} | ({"capture": capture} if capture else {})
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
