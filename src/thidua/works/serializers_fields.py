"""Fields of the works API's input, each with its own Vietnamese messages.

DRF's Vietnamese catalogue is incomplete, so every field here states its messages: ids,
ISO dates, text, booleans, choices, budgets, coordinates. ``InputSerializer`` is the base
of every body and query the API reads (the reports API uses these too).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# --- Messages: DRF's Vietnamese catalogue is incomplete, so every field states its own.
# DRF fills "{max_length}"-style placeholders with str.format when it raises the error.

_COMMON = {
    "required": _("Thiếu trường này."),
    "null": _("Trường này không được để null."),
    "blank": _("Trường này không được để trống."),
    "invalid": _("Giá trị không hợp lệ."),
    "not_a_list": _("Phải là một mảng, ví dụ [1, 2]."),
    "not_a_dict": _("Phải là một đối tượng JSON."),
    "empty": _("Không được để trống."),
    "surrogate_characters_not_allowed": _("Chuỗi có ký tự không hợp lệ."),
    "null_characters_not_allowed": _("Chuỗi có ký tự không hợp lệ."),
    "max_string_length": _("Giá trị quá dài."),
}
_ID = _("Phải là id nguyên dương, ví dụ 12.")
_DATE = _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2025-07-01.")


def field_errors(**specific: Any) -> dict[str, Any]:
    """The common messages, with ``specific`` ones for this field on top."""
    return {**_COMMON, **specific}


def id_field(**kwargs: Any) -> serializers.IntegerField:
    """A database id: a positive whole number that cannot overflow the database."""
    return serializers.IntegerField(
        min_value=1,
        max_value=2**63 - 1,
        error_messages=field_errors(invalid=_ID, min_value=_ID, max_value=_ID),
        **kwargs,
    )


def date_field(**kwargs: Any) -> serializers.DateField:
    """An ISO date (YYYY-MM-DD) and nothing else."""
    return serializers.DateField(
        input_formats=["%Y-%m-%d"],
        error_messages=field_errors(invalid=_DATE, datetime=_DATE),
        **kwargs,
    )


def text_field(max_length: int | None = None, **kwargs: Any) -> serializers.CharField:
    if max_length is not None:
        kwargs["max_length"] = max_length
    too_long = _("Dài quá {max_length} ký tự.")
    return serializers.CharField(
        error_messages=field_errors(invalid=_("Phải là một chuỗi ký tự."), max_length=too_long),
        **kwargs,
    )


def bool_field(**kwargs: Any) -> serializers.BooleanField:
    message = _("Phải là true hoặc false.")
    return serializers.BooleanField(error_messages=field_errors(invalid=message), **kwargs)


def choice_field(choices: type[Any], **kwargs: Any) -> serializers.ChoiceField:
    message = format_lazy(
        "{} {}.", _("Giá trị “{input}” không có; dùng một trong:"), ", ".join(choices.values)
    )
    return serializers.ChoiceField(
        choices=choices.choices, error_messages=field_errors(invalid_choice=message), **kwargs
    )


def budget_field(**kwargs: Any) -> serializers.DecimalField:
    """Millions of đồng with at most one decimal (the model's precision): refused, not rounded."""
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=1,
        allow_null=True,
        error_messages=field_errors(
            invalid=_("Kinh phí phải là một số (triệu đồng)."),
            max_digits=_("Kinh phí quá lớn."),
            max_whole_digits=_("Kinh phí quá lớn."),
            max_decimal_places=_("Kinh phí có tối đa 1 chữ số thập phân."),
        ),
        **kwargs,
    )


def id_list_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=id_field(),
        max_length=100,
        error_messages=field_errors(max_length=_("Tối đa 100 mục.")),
        **kwargs,
    )


class RoundedDecimalField(serializers.DecimalField):
    """A decimal rounded to the field's places instead of refused (GPS gives many digits)."""

    def validate_precision(self, value: Decimal) -> Decimal:
        places = Decimal(1).scaleb(-(self.decimal_places or 0))
        try:
            rounded = value.quantize(places, rounding=ROUND_HALF_UP)
        except InvalidOperation:  # too many digits to round (1e30): far out of range anyway
            self.fail("max_whole_digits", max_whole_digits=self.max_whole_digits)
        return super().validate_precision(rounded)


def coordinate_field(limit: int, message: Any) -> RoundedDecimalField:
    """A latitude or longitude within ±``limit``, rounded to six places; null allowed."""
    return RoundedDecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-limit),
        max_value=Decimal(limit),
        required=False,
        allow_null=True,
        error_messages=field_errors(
            invalid=message, min_value=message, max_value=message, max_whole_digits=message
        ),
    )


class InputSerializer(serializers.Serializer):
    """Base of every body and query the works API reads: a JSON object is expected."""

    default_error_messages = {"invalid": _("Nội dung gửi lên phải là một đối tượng JSON.")}
