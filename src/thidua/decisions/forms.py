"""Forms of the decision pages. They parse what a person typed; every rule of the domain
is checked again by ``decisions.services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm, SubjectKind
from thidua.campaigns.models import Campaign, Phase
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.decisions.models import AuthorityPrefix
from thidua.organisations.models import Unit


class DraftForm(FormConventions, forms.Form):
    """Which approved nominations a new decision lists: campaign, phase, form, grantor."""

    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), label=_("Phong trào"))
    phase = forms.ModelChoiceField(
        queryset=Phase.objects.none(), label=_("Đợt"), required=False, empty_label=_("Mọi đợt")
    )
    form = forms.ModelChoiceField(queryset=AwardForm.objects.all(), label=_("Hình thức"))
    grantor_unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Cấp khen thưởng (người đứng đầu ký)")
    )

    def __init__(self, *args: Any, campaigns: Any, grantors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns  # type: ignore[attr-defined]
        self.fields["phase"].queryset = Phase.objects.filter(  # type: ignore[attr-defined]
            campaign__in=campaigns
        ).select_related("campaign")
        self.fields["grantor_unit"].queryset = grantors  # type: ignore[attr-defined]


class EditForm(FormConventions, forms.Form):
    """The draft's number, date, signer, place, căn cứ and Điều 1 text."""

    number = forms.CharField(
        label=_("Số, ký hiệu"),
        required=False,
        max_length=64,
        help_text=_("Ví dụ: 1234/QĐ-UBND. Văn thư cấp số khi ban hành."),
    )
    date = VnDateField(label=_("Ngày ký"), required=False)
    signer_title = forms.CharField(label=_("Chức vụ người có thẩm quyền"), max_length=128)
    authority_prefix = forms.ChoiceField(
        label=_("Thẩm quyền ký"), choices=AuthorityPrefix.choices, required=False
    )
    signer_position = forms.CharField(
        label=_("Chức vụ người ký thay (khi KT.)"), required=False, max_length=128
    )
    signer_name = forms.CharField(label=_("Họ tên người ký"), required=False, max_length=128)
    place_name = forms.CharField(label=_("Địa danh"), max_length=128)
    legal_bases = forms.CharField(
        label=_("Căn cứ (mỗi dòng một căn cứ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Để trống: dùng căn cứ mặc định theo ngày ký."),
    )
    proposal = forms.CharField(
        label=_("Xét đề nghị"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    achievement = forms.CharField(
        label=_("Thành tích (Điều 1)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(FormConventions, forms.Form):
    reason = forms.CharField(
        label=_("Lý do đính chính, thay thế"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do đính chính, thay thế.")},
    )


class HistoryForm(FormConventions, forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên (gõ có hoặc không dấu)"), required=False, max_length=100
    )
    kind = forms.ChoiceField(
        label=_("Đối tượng"),
        required=False,
        choices=[("", _("Tất cả")), *SubjectKind.choices],
    )


class VerifyForm(FormConventions, forms.Form):
    ma = forms.CharField(
        label=_("Mã xác minh in trên bằng khen, giấy khen"),
        max_length=64,
        help_text=_("Gõ chữ hoa hay chữ thường đều được; có thể bỏ dấu gạch ngang."),
    )
