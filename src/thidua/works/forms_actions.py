"""Forms of the actions on one work: the workflow's steps, progress, change requests.

Approve (with a note), return, cancel, complete, report progress with its files, ask
for a change and decide on it. Like ``works.forms``, they only parse what a person
typed; every rule of the domain is checked again by ``works.services``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.form_conventions import FormConventions
from thidua.core.forms import MultipleFileField, VnDateField
from thidua.works.forms import budget_field

PHOTO_ACCEPT = "image/*,.pdf,.docx,.xlsx"


class NoteForm(FormConventions, forms.Form):
    """An optional note with an approval."""

    note = forms.CharField(
        label=_("Ý kiến (không bắt buộc)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(FormConventions, forms.Form):
    """Why a work goes back, and what the unit must fix (both required)."""

    reason = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do trả lại.")},
    )
    what_to_fix = forms.CharField(
        label=_("Nội dung cần sửa"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi nội dung cần sửa.")},
    )


class CancelForm(FormConventions, forms.Form):
    reason = forms.CharField(
        label=_("Lý do hủy"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do hủy.")},
    )


class CompleteForm(FormConventions, forms.Form):
    actual_finish = VnDateField(label=_("Ngày hoàn thành thực tế"))


class ProgressForm(FormConventions, forms.Form):
    """A dated progress report with photos or documents as evidence."""

    on = VnDateField(label=_("Ngày cập nhật"))
    percent = forms.IntegerField(
        label=_("Tiến độ (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": _("Tiến độ phải là số nguyên từ 0 đến 100."),
            # Django formats these two with the limit, so the percent sign is doubled.
            "min_value": _("Tiến độ phải từ 0 đến 100%%."),
            "max_value": _("Tiến độ phải từ 0 đến 100%%."),
            "required": _("Hãy nhập tiến độ (%)."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
    )
    narrative = forms.CharField(
        label=_("Nội dung thực hiện"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy mô tả tiến độ.")},
    )
    evidence = MultipleFileField(
        accept=PHOTO_ACCEPT,
        capture="environment",
        label=_("Hình ảnh, tài liệu minh chứng"),
        required=False,
        help_text=_("Ảnh JPEG, PNG, WebP (tối đa 10 MB) hoặc PDF, DOCX, XLSX (tối đa 20 MB)."),
    )


class ChangeRequestForm(FormConventions, forms.Form):
    """New values for some fields of an approved work, and why (the approver decides)."""

    title = forms.CharField(label=_("Tên mới"), required=False, max_length=500)
    planned_start = VnDateField(label=_("Ngày bắt đầu dự kiến mới"), required=False)
    planned_finish = VnDateField(label=_("Ngày hoàn thành dự kiến mới"), required=False)
    budget = budget_field(_("Kinh phí mới (triệu đồng)"))
    budget_source = forms.CharField(label=_("Nguồn kinh phí mới"), required=False, max_length=255)
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do điều chỉnh.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.changes():
            raise forms.ValidationError(_("Hãy nhập ít nhất một nội dung cần điều chỉnh."))
        return data

    def changes(self) -> dict[str, str]:
        """The fields given, as JSON-safe text (ISO dates, decimal points)."""
        result: dict[str, str] = {}
        for name in ("title", "planned_start", "planned_finish", "budget", "budget_source"):
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            result[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return result


class DecideChangeForm(FormConventions, forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Chấp thuận")), ("reject", _("Không chấp thuận"))]
    )
    note = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
