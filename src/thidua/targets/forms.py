"""Forms of the targets pages: a unit's own target, an actual value, the summary filter.

Forms only parse what a person typed (numbers with the Vietnamese decimal comma, dates
as dd/mm/yyyy, years); whether a target is in line with the province's and who may
record what is decided by ``targets.services``, whose refusals the views show as form
errors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.core.dates import PartialDate
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import REQUIRED, VnDateField
from thidua.organisations.models import UnitKind
from thidua.targets.models import Comparator, Target, TargetKind

BAD_NUMBER = _("Hãy nhập một số, ví dụ 99,5 hoặc 23.000.")
#: "23.000" and "1.250,5": dots group thousands by three.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")


def parse_number(raw: str) -> Decimal:
    """Read a number written the Vietnamese way, whatever the page's language.

    A comma is the decimal mark ("99,5"); dots grouping by three are thousands
    ("23.000", "1.250,5"); any other single dot is a decimal point ("99.5"). Raises
    ``ValueError`` on anything else.
    """
    text = raw.strip().replace(" ", "").replace("\u00a0", "")
    if _GROUPED.match(text):
        text = text.replace(".", "")
    if "," in text:
        if "." in text:
            raise ValueError(raw)
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(raw) from exc
    if not number.is_finite():
        raise ValueError(raw)
    return number


class VnNumberField(forms.CharField):
    """A number typed on a phone: "99,5", "23.000", "1.250,5" (``parse_number``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except ValueError:
            raise ValidationError(BAD_NUMBER, code="invalid") from None


def _year_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Hãy nhập năm bằng 4 chữ số, ví dụ 2025."),
            "min_value": _("Năm phải từ 2000 đến 2100."),
            "max_value": _("Năm phải từ 2000 đến 2100."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2025"}),
    )


class UnitTargetForm(FormConventions, forms.Form):
    """What a unit states for its own target (KH 128 IV.1); blanks come from the
    campaign target it refines."""

    parent = forms.ChoiceField(label=_("Cụ thể hóa chỉ tiêu của phong trào"), required=False)
    indicator = forms.CharField(
        label=_("Tên chỉ tiêu"),
        max_length=1000,
        error_messages={"required": _("Hãy nhập tên chỉ tiêu.")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=TargetKind.choices)
    comparator = forms.ChoiceField(label=_("So sánh"), choices=Comparator.choices)
    value = VnNumberField(label=_("Giá trị"), help_text=_("Ví dụ 99,5 hoặc 23.000."))
    value_max = VnNumberField(label=_("Giá trị tối đa (khi so sánh trong khoảng)"))
    measure_unit = forms.CharField(label=_("Đơn vị tính"), max_length=64, required=False)
    period_from = _year_field(_("Từ năm"))
    period_to = _year_field(_("Đến năm"))
    deadline = VnDateField(label=_("Thời hạn (mốc hoàn thành)"), required=False)

    def __init__(self, *args: Any, campaign_targets: Sequence[Target] = (), **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "target")
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("— Không, chỉ tiêu riêng của đơn vị —"))]
        choices += [(t.code, f"{t.code}: {t.indicator}") for t in campaign_targets]
        field = self.fields["parent"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
        self.fields["measure_unit"].help_text = _("Để trống: lấy theo chỉ tiêu của phong trào.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", _("Năm kết thúc phải từ năm bắt đầu trở đi."))
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The keyword arguments of ``services.unit_target_create`` (actor, campaign and
        unit aside)."""
        data = self.cleaned_data
        start, end = data["period_from"], data["period_to"]
        return {
            "parent_target_code": data["parent"] or None,
            "indicator": data["indicator"],
            "kind": data["kind"],
            "comparator": data["comparator"],
            "value": data["value"],
            "value_max": data["value_max"],
            "measure_unit": data["measure_unit"],
            "period_from": PartialDate(start) if start else None,
            "period_to": PartialDate(end) if end else None,
            "deadline": data["deadline"],
        }


class TargetValueForm(FormConventions, forms.Form):
    """One actual value of a unit's own target, with its source ("Ghi số liệu")."""

    label = forms.CharField(
        label=_("Kỳ"),
        max_length=64,
        required=False,
        help_text=_("Để trống: đặt tên theo kỳ, ví dụ “Năm 2024”."),
    )
    period_start = VnDateField(label=_("Từ ngày"))
    period_end = VnDateField(label=_("Đến ngày"))
    value = VnNumberField(label=_("Giá trị"))
    achieved_on = VnDateField(label=_("Ngày đạt (mốc hoàn thành)"), required=False)
    is_estimate = forms.BooleanField(label=_("Số ước tính"), required=False)
    source = forms.CharField(
        label=_("Nguồn số liệu"),
        max_length=500,
        error_messages={
            "required": _("Hãy ghi nguồn số liệu: văn bản, trang thông tin hoặc cơ quan công bố.")
        },
    )

    def __init__(self, *args: Any, target: Target, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"value-{target.pk}")
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["source"].error_messages.setdefault("required", REQUIRED)

    def service_arguments(self) -> dict[str, Any]:
        """The keyword arguments of ``services.target_value_record`` (actor, target aside)."""
        data = self.cleaned_data
        return {
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "label": data["label"],
            "value": data["value"],
            "achieved_on": data["achieved_on"],
            "is_estimate": data["is_estimate"],
            "source": data["source"],
        }


class SummaryFilterForm(FormConventions, forms.Form):
    """The secretariat's summary: which campaign, which kind of unit."""

    kind = forms.ChoiceField(
        label=_("Loại đơn vị"),
        required=False,
        choices=[("", _("Tất cả")), *UnitKind.choices],
    )
