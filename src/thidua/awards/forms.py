"""Forms of the awards pages: the nomination (with its achievement report), a nominee,
a dossier file, and the reasons asked for by return and withdraw."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardBasis, AwardForm, DossierKind, Gender, Nominee, SubjectKind
from thidua.awards.nominations import ACHIEVEMENT_SECTIONS
from thidua.campaigns.models import Campaign, Phase
from thidua.core import lengths
from thidua.core.form_conventions import FormConventions
from thidua.core.tree import path_ids
from thidua.organisations.models import Unit
from thidua.targets.models import Target
from thidua.works.models import Work

_SECTION_LABELS = {
    "situation": _("I. Sơ lược đặc điểm, tình hình"),
    "results": _("II. Thành tích đạt được"),
    "measures": _("III. Biện pháp, giải pháp, sáng kiến"),
    "lessons": _("IV. Bài học kinh nghiệm"),
    "awards": _("V. Các hình thức khen thưởng đã được ghi nhận"),
}


class NominationForm(FormConventions, forms.Form):
    """A nomination of the unit in one campaign; the choices are limited to what the unit
    may use (its phases, its nominees, its works, the campaign's targets)."""

    phase = forms.ModelChoiceField(label=_("Đợt thi đua"), queryset=Phase.objects.none())
    nominee = forms.ModelChoiceField(label=_("Đối tượng đề nghị"), queryset=Nominee.objects.none())
    form = forms.ModelChoiceField(
        label=_("Hình thức khen thưởng"), queryset=AwardForm.objects.all()
    )
    basis = forms.ChoiceField(label=_("Loại thành tích"), choices=AwardBasis.choices)
    simplified = forms.BooleanField(
        label=_("Thủ tục đơn giản (chỉ cho thành tích đột xuất)"), required=False
    )
    grantor_unit = forms.ModelChoiceField(
        label=_("Cấp khen thưởng"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Để trống: tỉnh với Bằng khen; cấp gần nhất có thẩm quyền với Giấy khen."),
    )
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    works = forms.ModelMultipleChoiceField(
        label=_("Công trình, phần việc của đơn vị"),
        queryset=Work.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Chỉ tiêu liên quan"),
        queryset=Target.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, campaign: Campaign, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["phase"].queryset = campaign.phases.order_by("position", "start")
        fields["nominee"].queryset = Nominee.objects.filter(
            unit=unit, merged_into__isnull=True
        ).order_by("search_key")
        ids = path_ids(unit.path)
        fields["grantor_unit"].queryset = Unit.objects.filter(pk__in=ids).order_by("path")
        fields["works"].queryset = Work.objects.filter(campaign=campaign, unit=unit).order_by(
            "title"
        )
        fields["targets"].queryset = Target.objects.filter(campaign=campaign).order_by("code")
        for key, _label in ACHIEVEMENT_SECTIONS:
            self.fields[f"section_{key}"] = forms.CharField(
                label=_SECTION_LABELS[key],
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=lengths.NARRATIVE,
            )

    def achievement(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(f"section_{key}", "") for key, _label in ACHIEVEMENT_SECTIONS
        }


class NomineeForm(FormConventions, forms.Form):
    """A new nominee of the unit."""

    kind = forms.ChoiceField(label=_("Loại đối tượng"), choices=SubjectKind.choices)
    name = forms.CharField(label=_("Họ tên / tên"), max_length=255)
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Gender.choices], required=False
    )
    birth_year = forms.IntegerField(label=_("Năm sinh"), required=False, min_value=1900)
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    unit_part = forms.CharField(label=_("Bộ phận"), max_length=255, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    women_share = forms.DecimalField(
        label=_("Tỷ lệ nữ (tập thể, 0–1)"),
        required=False,
        min_value=0,
        max_value=1,
        decimal_places=3,
    )
    direct_worker = forms.BooleanField(label=_("Trực tiếp lao động, sản xuất"), required=False)
    confirm_new = forms.BooleanField(
        label=_("Tôi đã xem các đối tượng có sẵn: đây là đối tượng khác"), required=False
    )

    def clean_birth_year(self) -> int | None:
        """No birth year after this year (read on each submission, not when the server starts)."""
        year: int | None = self.cleaned_data.get("birth_year")
        this_year = timezone.localdate().year
        if year is not None and year > this_year:
            raise forms.ValidationError(
                _("Năm sinh không được sau năm %(year)s.") % {"year": this_year}
            )
        return year


class DossierFileForm(FormConventions, forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DossierKind.choices)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, ảnh)"))


class ReasonForm(FormConventions, forms.Form):
    reason = forms.CharField(
        label=_("Lý do, nội dung cần bổ sung"),
        max_length=lengths.NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(FormConventions, forms.Form):
    note = forms.CharField(
        label=_("Ghi chú (kết quả Hội đồng)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=lengths.NOTE,
    )


class DistinctForm(FormConventions, forms.Form):
    """The reviewer's confirmation that the achievement is not the one rewarded (or
    proposed) with the same form in another phase (Luật TĐKT 2022 Điều 5)."""

    note = forms.CharField(
        label=_("Vì sao đây là thành tích khác"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("Hãy ghi vì sao đây là thành tích khác.")},
    )
