"""Form fields every app's pages share: dates typed the Vietnamese way, one "required" text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
BAD_DATE = _("Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/06/2025.")
REQUIRED = _("Hãy điền mục này.")


class VnDateField(forms.DateField):
    """A date typed as dd/mm/yyyy (a phone keyboard shows digits), Vietnamese errors."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("error_messages", {"invalid": BAD_DATE, "required": REQUIRED})
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
            ),
        )
        super().__init__(**kwargs)


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
