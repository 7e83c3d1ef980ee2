"""Forms of the exemplary-model pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, ContentArea
from thidua.core import lengths
from thidua.core.form_conventions import FormConventions
from thidua.exemplars.models import SubjectKind
from thidua.exemplars.workflow import StoryData
from thidua.organisations.models import Unit


class StoryForm(FormConventions, forms.Form):
    """Who, what they did, the results and the tags of a story."""

    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), label=_("Phong trào"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị đề xuất"))
    subject_kind = forms.ChoiceField(choices=SubjectKind.choices, label=_("Đối tượng"))
    subject_name = forms.CharField(max_length=255, label=_("Tên tập thể, cá nhân"))
    title = forms.CharField(max_length=300, label=_("Tiêu đề"))
    achievements = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), label=_("Việc đã làm"))
    results = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("Kết quả đạt được")
    )
    content_area = forms.ModelChoiceField(
        queryset=ContentArea.objects.none(), required=False, label=_("Nội dung thi đua")
    )
    place = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False, label=_("Địa bàn"))

    def __init__(
        self,
        *args: Any,
        campaigns: QuerySet[Campaign],
        units: QuerySet[Unit],
        fixed: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["campaign"]).queryset = campaigns
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["place"]).queryset = units
        cast(
            forms.ModelChoiceField, self.fields["content_area"]
        ).queryset = ContentArea.objects.filter(campaign__in=campaigns.values("pk")).order_by(
            "campaign_id", "position"
        )
        if fixed:
            # An existing story keeps its campaign and unit.
            del self.fields["campaign"]
            del self.fields["unit"]

    def story_data(self) -> StoryData:
        data = self.cleaned_data
        return StoryData(
            subject_kind=data["subject_kind"],
            subject_name=data["subject_name"],
            title=data["title"],
            achievements=data["achievements"],
            results=data.get("results") or "",
            content_area=data.get("content_area"),
            place=data.get("place"),
        )


class ReasonForm(FormConventions, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label=_("Lý do"), max_length=lengths.NOTE
    )


class PhotoForm(FormConventions, forms.Form):
    photo = forms.FileField(label=_("Ảnh (JPEG, PNG, WebP, tối đa 10 MB)"))
    caption = forms.CharField(max_length=255, required=False, label=_("Chú thích"))
