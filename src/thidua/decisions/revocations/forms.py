"""Forms of the revocation pages. They parse what a person typed; every rule is checked
again by ``revocations.services``."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core import lengths
from thidua.core.form_conventions import FormConventions
from thidua.core.forms import VnDateField
from thidua.decisions.models import AuthorityPrefix, RevocationReason
from thidua.decisions.models.revocations import DEFAULT_BASIS
from thidua.documents.official import vn_number


class MoneyField(forms.Field):
    """An amount in đồng typed "1.234.567", "1234567" or "1 234 567 đ"."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def prepare_value(self, value: Any) -> Any:
        return vn_number(value) if isinstance(value, int) else value

    def to_python(self, value: Any) -> int | None:
        text = re.sub(r"[\s.đ]|,00$", "", str(value or "").strip().lower())
        if not text:
            return None
        if not text.isdigit():
            raise forms.ValidationError(
                _("Số tiền chỉ gồm chữ số, ví dụ 1.234.567 (không âm, không có phần lẻ).")
            )
        return int(text)


class _ReasonFields(FormConventions, forms.Form):
    reason_kind = forms.ChoiceField(label=_("Lý do hủy bỏ"), choices=RevocationReason.choices)
    reason = forms.CharField(
        label=_("Lý do cụ thể"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: Kết luận thanh tra số 12/KL-TTr ngày … xác định khai man thành tích."),
        error_messages={"required": _("Hãy ghi lý do cụ thể.")},
    )
    legal_basis = forms.CharField(
        label=_("Căn cứ pháp lý (mỗi dòng một căn cứ)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=DEFAULT_BASIS,
        required=False,
        help_text=_(
            "Mặc định: Luật Thi đua, khen thưởng 2022, Chương VII. Số điều cụ thể: chưa xác "
            "minh, Ban TĐKT xác nhận và ghi vào đây."
        ),
    )


class RevocationDraftForm(_ReasonFields):
    """Which rows of an issued decision are revoked, and why."""

    entries = forms.MultipleChoiceField(
        label=_("Tập thể, cá nhân bị hủy bỏ khen thưởng"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một tập thể, cá nhân.")},
    )

    def __init__(self, *args: Any, rows: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = rows  # type: ignore[attr-defined]


class RevocationEditForm(_ReasonFields):
    """The draft's number, date and signer, reason and basis, and per row the amount to
    recover and whether the object is returned (fields ``amount_<row>``, ``object_<row>``)."""

    number = forms.CharField(
        label=_("Số, ký hiệu"),
        required=False,
        max_length=64,
        help_text=_("Ví dụ: 56/QĐ-UBND. Văn thư cấp số khi ban hành."),
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

    def __init__(self, *args: Any, rows: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"amount_{row.pk}"] = MoneyField(
                label=_("Tiền thu hồi: %(name)s") % {"name": row.entry.name},
                required=False,
                initial=row.amount_to_recover,
            )
            self.fields[f"object_{row.pk}"] = forms.BooleanField(
                label=_("Thu hồi hiện vật: %(name)s") % {"name": row.entry.name},
                required=False,
                initial=row.return_object,
            )

    def main_fields(self) -> list[Any]:
        return [self[n] for n in self.fields if not n.startswith(("amount_", "object_"))]

    def row_fields(self) -> list[tuple[Any, Any, Any]]:
        return [(row, self[f"amount_{row.pk}"], self[f"object_{row.pk}"]) for row in self.rows]

    def amounts(self) -> dict[int, int | None]:
        return {row.pk: self.cleaned_data.get(f"amount_{row.pk}") for row in self.rows}

    def kept_objects(self) -> set[int]:
        return {row.pk for row in self.rows if self.cleaned_data.get(f"object_{row.pk}")}


class RecoveryForm(FormConventions, forms.Form):
    """The day a revoked row's reward and object were recovered."""

    on = VnDateField(
        label=_("Ngày thu hồi"), error_messages={"required": _("Hãy nhập ngày thu hồi.")}
    )
    note = forms.CharField(
        label=_("Ghi chú (số phiếu thu…)"), required=False, max_length=lengths.LINE
    )
