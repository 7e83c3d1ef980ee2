"""Forms of the registration pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, Gender, SubjectKind
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.registrations.models import Severity
from thidua.registrations.selectors import title_forms
from thidua.registrations.workflow import EntryData


class EntryForm(FormConventions, forms.Form):
    """One title: for the unit (a collective) or one of its people."""

    kind = forms.ChoiceField(
        choices=[
            (SubjectKind.INDIVIDUAL.value, SubjectKind.INDIVIDUAL.label),
            (SubjectKind.COLLECTIVE.value, SubjectKind.COLLECTIVE.label),
        ],
        label=_("Đối tượng"),
    )
    form = forms.ModelChoiceField(queryset=AwardForm.objects.none(), label=_("Danh hiệu"))
    name = forms.CharField(
        max_length=255,
        required=False,
        label=_("Họ tên / tên tập thể"),
        help_text=_("Để trống khi chính đơn vị đăng ký danh hiệu tập thể."),
    )
    gender = forms.ChoiceField(
        choices=[("", ""), *Gender.choices], required=False, label=_("Giới tính")
    )
    birth_year = forms.IntegerField(
        required=False, min_value=1900, max_value=2100, label=_("Năm sinh")
    )
    position = forms.CharField(max_length=255, required=False, label=_("Chức vụ"))
    note = forms.CharField(max_length=255, required=False, label=_("Ghi chú"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["form"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = title_forms()

    def entry_data(self) -> EntryData:
        data = self.cleaned_data
        return EntryData(
            kind=data["kind"],
            form=data["form"],
            name=data["name"] or "",
            gender=data["gender"] or "",
            birth_year=data["birth_year"],
            position=data["position"] or "",
            note=data["note"] or "",
        )


class ImportForm(FormConventions, forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))


class ReasonForm(FormConventions, forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Lý do trả lại"))


class SettingForm(FormConventions, forms.Form):
    """The province's settings for the year (the Ban TĐKT)."""

    deadline = VnDateField(label=_("Hạn đăng ký"))
    severity = forms.ChoiceField(
        choices=Severity.choices, label=_("Đề nghị danh hiệu chưa đăng ký")
    )
    source = forms.CharField(
        max_length=255,
        required=False,
        label=_("Văn bản quy định"),
        help_text=_("Để trống khi chưa có văn bản: hệ thống ghi là cài đặt cần xác nhận."),
    )
