"""Forms of the unit-year pages: a person's rating, the collective's, an initiative, the
Ban TĐKT's opening of the year."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import Nominee
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.ratings.models import Discipline, InitiativeKind, InitiativeLevel, Rating


class RatingForm(FormConventions, forms.Form):
    """One person's rating of the year."""

    nominee = forms.ModelChoiceField(queryset=Nominee.objects.none(), label=_("Cá nhân"))
    rating = forms.ChoiceField(choices=Rating.choices, label=_("Xếp loại chất lượng"))
    discipline = forms.ChoiceField(choices=Discipline.choices, required=False, label=_("Kỷ luật"))
    discipline_source = forms.CharField(
        max_length=255, required=False, label=_("Quyết định kỷ luật (số, ngày)")
    )
    note = forms.CharField(max_length=500, required=False, label=_("Ghi chú"))

    def __init__(self, *args: Any, people: QuerySet[Nominee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = people  # type: ignore[attr-defined]


class CollectiveRatingForm(FormConventions, forms.Form):
    rating = forms.ChoiceField(choices=Rating.choices, label=_("Xếp loại tập thể"))
    note = forms.CharField(max_length=500, required=False, label=_("Ghi chú"))


class InitiativeForm(FormConventions, forms.Form):
    """A recognised initiative or accepted research of the unit's people."""

    kind = forms.ChoiceField(choices=InitiativeKind.choices, label=_("Loại"))
    title = forms.CharField(max_length=500, label=_("Tên sáng kiến, đề tài"))
    year = forms.IntegerField(min_value=2000, max_value=2100, label=_("Năm công nhận"))
    level = forms.ChoiceField(choices=InitiativeLevel.choices, label=_("Cấp công nhận"))
    recognised_by = forms.CharField(max_length=255, label=_("Cơ quan công nhận"))
    decision_number = forms.CharField(max_length=64, label=_("Số quyết định"))
    decision_date = VnDateField(label=_("Ngày quyết định"))
    nominees = forms.ModelMultipleChoiceField(
        queryset=Nominee.objects.none(), label=_("Tác giả"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, people: QuerySet[Nominee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nominees"].queryset = people  # type: ignore[attr-defined]


class OpenYearForm(FormConventions, forms.Form):
    """The fields of the province's plan of the year, as the Ban TĐKT types them."""

    year = forms.IntegerField(min_value=2000, max_value=2100, label=_("Năm"))
    doc_number = forms.CharField(max_length=64, label=_("Số, ký hiệu kế hoạch"))
    doc_date = VnDateField(label=_("Ngày ban hành"))
    signer_name = forms.CharField(max_length=128, label=_("Người ký"))
    signer_position = forms.CharField(max_length=128, label=_("Chức vụ người ký"))
    title = forms.CharField(max_length=500, required=False, label=_("Tên phong trào"))
