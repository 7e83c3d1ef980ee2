"""Forms of the legal data page: a new base salary with its decree, a holiday with its
notice. They parse what was typed; ``awards.legal_data`` checks the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.works.forms import VnDateField


class BaseSalaryForm(forms.Form):
    """Lương cơ sở from a date, under a decree (e.g. Nghị định 73/2024/NĐ-CP)."""

    valid_from = VnDateField(label=_("Áp dụng từ ngày"))
    amount = forms.IntegerField(
        label=_("Mức lương cơ sở (đồng/tháng)"),
        min_value=1,
        max_value=100_000_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2340000"}),
    )
    legal_basis = forms.CharField(
        label=_("Nghị định quy định"),
        max_length=255,
        help_text=_("Ví dụ: Nghị định 73/2024/NĐ-CP."),
    )


class HolidayForm(forms.Form):
    """A public holiday, a day off in lieu, or a Saturday worked in exchange."""

    date = VnDateField(label=_("Ngày"))
    name = forms.CharField(label=_("Tên ngày nghỉ"), max_length=128)
    working = forms.BooleanField(
        label=_("Ngày làm bù (thứ Bảy đi làm thay cho ngày nghỉ hoán đổi)"), required=False
    )
    source = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        required=False,
        help_text=_("Thông báo nghỉ lễ của Bộ Nội vụ, hoặc Bộ luật Lao động 2019 Điều 112."),
    )
