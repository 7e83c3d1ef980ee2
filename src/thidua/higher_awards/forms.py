"""Forms of proposals to higher levels (each a FormConventions form)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, Nominee
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.higher_awards.central import central_codes
from thidua.higher_awards.models import ObjectionChannel, ProposalEntry
from thidua.organisations.models import Unit


class ProposalForm(FormConventions, forms.Form):
    province = forms.ModelChoiceField(label=_("Tỉnh"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Trích yếu"), required=False, max_length=300)
    posting_channel = forms.CharField(label=_("Nơi công khai"), required=False)
    comment_contact = forms.CharField(label=_("Nơi nhận ý kiến"), required=False)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=128)

    def __init__(self, *args: Any, provinces: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces  # type: ignore[attr-defined]


class EntryForm(FormConventions, forms.Form):
    nominee = forms.ModelChoiceField(label=_("Đối tượng"), queryset=Nominee.objects.none())
    form = forms.ModelChoiceField(label=_("Hình thức đề nghị"), queryset=AwardForm.objects.none())
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea)
    btv_managed = forms.BooleanField(
        label=_("Thuộc diện Ban Thường vụ Tỉnh ủy quản lý"), required=False
    )

    def __init__(self, *args: Any, province: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["nominee"].queryset = (
            Nominee.objects.filter(unit__path__startswith=province.path, merged_into__isnull=True)
            .select_related("unit")
            .order_by("search_key")
        )
        fields["form"].queryset = AwardForm.objects.filter(code__in=central_codes()).order_by(
            "position", "code"
        )


class PostForm(FormConventions, forms.Form):
    posted_on = VnDateField(label=_("Ngày công khai"))
    channel = forms.CharField(label=_("Nơi công khai"), required=False)


class ObjectionForm(FormConventions, forms.Form):
    received_on = VnDateField(label=_("Ngày nhận"))
    channel = forms.ChoiceField(label=_("Hình thức nhận"), choices=ObjectionChannel.choices)
    author = forms.CharField(label=_("Người gửi"))
    entry = forms.ModelChoiceField(
        label=_("Về đối tượng"), queryset=ProposalEntry.objects.none(), required=False
    )
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea)

    def __init__(self, *args: Any, entries: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries  # type: ignore[attr-defined]


class AnswerForm(FormConventions, forms.Form):
    answered_on = VnDateField(label=_("Ngày trả lời"))
    answer = forms.CharField(label=_("Trả lời, xử lý"), widget=forms.Textarea)


class ReviewForm(FormConventions, forms.Form):
    meeting_on = VnDateField(label=_("Ngày họp Hội đồng"))
    record = forms.CharField(label=_("Biên bản họp Hội đồng (số, ngày)"))


class OpinionForm(FormConventions, forms.Form):
    opinion_on = VnDateField(label=_("Ngày có ý kiến"))
    reference = forms.CharField(label=_("Số văn bản"))
    opinion = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea)


class SendForm(FormConventions, forms.Form):
    sent_on = VnDateField(label=_("Ngày gửi"))
    number = forms.CharField(label=_("Số tờ trình"), required=False, max_length=64)
    reference = forms.CharField(label=_("Văn bản gửi kèm"), required=False)


class ReportForm(FormConventions, forms.Form):
    report = forms.FileField(label=_("Báo cáo thành tích"))
