"""Forms of the report pages: the unit's report, the Ban TĐKT's return and the filters.

Forms only parse what a person typed (a figure written "1.234,5", files, a reason);
every rule of the domain — who may save or submit, which files are accepted, whether
the report is still editable — is checked again by ``reports.services``, whose
``DomainError`` messages the views show beside the form.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import ContentArea
from thidua.core import lengths
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import MultipleFileField
from thidua.organisations.models import UnitKind
from thidua.reports.models import ReportState, UnitReport

#: What the file picker offers (the service checks the content, not the name).
ATTACHMENT_ACCEPT = ".pdf,.docx,.xlsx,image/jpeg,image/png,image/webp"
#: Empty figure rows offered below the figures already written.
SPARE_FIGURES = 3
NAME_MAX = 200
TEXT_MAX = 500

# "1.234,5" (Vietnamese grouping), "1234,5", "1234.5" or "-12": a number; else a text.
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([,.]\d+)?$")


def parse_figure(raw: str) -> Decimal | int | str:
    """A figure as typed: a whole number, a decimal, or the text itself.

    Vietnamese writing first: dots group thousands and the comma marks decimals
    ("1.234,5" is 1234.5); a lone dot followed by other than three digits is a decimal
    point too ("12.5").
    """
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if _GROUPED.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _PLAIN.match(text):
        text = text.replace(",", ".")
    else:
        return raw.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return raw.strip()
    return int(number) if number == number.to_integral_value() and "." not in text else number


class ReportForm(FormConventions, forms.Form):
    """The unit's report: a summary, a narrative per content area, figures and files.

    The narrative fields are named ``area_<id>``, one per content area of the campaign;
    figures come as pairs ``figure_name_<n>`` / ``figure_value_<n>``.
    """

    summary = forms.CharField(
        label=_("Tóm tắt kết quả"),
        required=False,
        max_length=lengths.TEXT,
        help_text=_("Bắt buộc trước khi nộp: kết quả nổi bật của đơn vị trong kỳ."),
        # "Xác nhận và nộp" needs it: app.js asks for the confirmation only once it is filled.
        widget=forms.Textarea(attrs={"rows": 5, "data-required-for": "submit"}),
    )
    attachments = MultipleFileField(
        accept=ATTACHMENT_ACCEPT,
        label=_("Thêm tệp"),
        required=False,
        help_text=_("PDF, DOCX, XLSX (tối đa 20 MB) hoặc ảnh JPEG, PNG, WebP (tối đa 10 MB)."),
    )

    def __init__(
        self, *args: Any, report: UnitReport, areas: list[ContentArea], **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", self.initial_for(report))
        super().__init__(*args, **kwargs)
        self.areas = areas
        for area in areas:
            self.fields[f"area_{area.pk}"] = forms.CharField(
                label=f"{area.code}. {area.title}",
                required=False,
                max_length=lengths.NARRATIVE,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        rows = len(report.figures or {}) + SPARE_FIGURES
        for n in range(rows):
            self.fields[f"figure_name_{n}"] = forms.CharField(
                label=_("Tên số liệu"), required=False, max_length=NAME_MAX
            )
            self.fields[f"figure_value_{n}"] = forms.CharField(
                label=_("Giá trị"), required=False, max_length=TEXT_MAX
            )
        self.figure_rows = rows

    @staticmethod
    def initial_for(report: UnitReport) -> dict[str, Any]:
        """The report as it is saved: summary, narratives (from prefetched sections), figures."""
        initial: dict[str, Any] = {"summary": report.summary}
        for section in report.sections.all():
            initial[f"area_{section.content_area_id}"] = section.narrative
        for n, (name, value) in enumerate((report.figures or {}).items()):
            initial[f"figure_name_{n}"] = name
            initial[f"figure_value_{n}"] = figure_text(value)
        return initial

    def area_fields(self) -> list[tuple[ContentArea, forms.BoundField]]:
        return [(area, self[f"area_{area.pk}"]) for area in self.areas]

    def figure_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"figure_name_{n}"], self[f"figure_value_{n}"]) for n in range(self.figure_rows)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for n in range(self.figure_rows):
            name = (cleaned.get(f"figure_name_{n}") or "").strip()
            value = (cleaned.get(f"figure_value_{n}") or "").strip()
            if value and not name:
                self.add_error(f"figure_name_{n}", _("Hãy ghi tên của số liệu này."))
        return cleaned

    def sections(self) -> dict[int, str]:
        return {area.pk: self.cleaned_data.get(f"area_{area.pk}", "") for area in self.areas}

    def figures(self) -> dict[str, Any]:
        """Named figures in the order typed; a row without a value is left out."""
        result: dict[str, Any] = {}
        for n in range(self.figure_rows):
            name = (self.cleaned_data.get(f"figure_name_{n}") or "").strip()
            value = (self.cleaned_data.get(f"figure_value_{n}") or "").strip()
            if name and value:
                result[name] = parse_figure(value)
        return result


def figure_text(value: Any) -> str:
    """A stored figure as a person would type it again ("1234.5" → "1234,5")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return str(value).replace(".", ",")
    text = str(value)
    return text.replace(".", ",") if re.fullmatch(r"-?\d+\.\d+", text) else text


class ReturnForm(FormConventions, forms.Form):
    """The Ban TĐKT returns a submitted report: the reason is required and shown to the unit."""

    reason = forms.CharField(
        label=_("Lý do trả lại"),
        max_length=2000,
        error_messages={"required": _("Hãy ghi lý do trả lại báo cáo.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


#: Filters of the submission table: the states, plus "late" and "missing" (due passed).
STATE_FILTERS = [
    ("", _("Tất cả")),
    (ReportState.OPEN.value, _("Chưa nộp")),
    ("missing", _("Quá hạn chưa nộp")),
    (ReportState.SUBMITTED.value, _("Đã nộp, chờ tiếp nhận")),
    ("late", _("Nộp trễ")),
    (ReportState.RETURNED.value, _("Trả lại")),
    (ReportState.ACCEPTED.value, _("Đã tiếp nhận")),
]


class SubmissionFilterForm(FormConventions, forms.Form):
    """Filters of a period's submission table, by state and by kind of unit."""

    state = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=STATE_FILTERS)
    kind = forms.ChoiceField(label=_("Loại đơn vị"), required=False)

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(UnitKind.choices)
        choices = [("", _("Tất cả"))] + [(kind, labels.get(kind, kind)) for kind in kinds]
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]

    def selected(self) -> tuple[str, str]:
        """(state, kind) when valid; an unknown value filters nothing."""
        if not self.is_valid():
            return "", ""
        return self.cleaned_data["state"] or "", self.cleaned_data["kind"] or ""
