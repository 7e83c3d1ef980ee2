"""API representations of targets, their actual values and their evaluation.

Output: numbers are JSON numbers (``10.04``, never ``"10.0400"``), dates ISO. Input: a
value as a program sends it, and the list's query parameters; every refused value gets a
Vietnamese message, and an id or code the user cannot see is "không tìm thấy" exactly
like one that does not exist. The rules of the domain stay in ``targets.services``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.campaigns.models import ContentArea
from thidua.campaigns.serializers import (
    FirstDayField,
    LastDayField,
    NumberField,
    PrecisionField,
    StatedField,
)
from thidua.organisations.api import UnitRefSerializer
from thidua.organisations.models import Unit
from thidua.organisations.selectors import units_visible_to
from thidua.targets.models import Target, TargetValue
from thidua.targets.selectors import targets_visible_to

_COMMON: dict[str, Any] = {
    "required": _("Thiếu trường này."),
    "null": _("Trường này không được để null."),
    "blank": _("Trường này không được để trống."),
    "invalid": _("Giá trị không hợp lệ."),
}
_ID = _("Phải là id nguyên dương, ví dụ 12.")
_DATE = _("Ngày không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2024-12-31.")
_NUMBER = _("Phải là một số, ví dụ 10.04 (dấu chấm thập phân).")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")


def _id_field(**kwargs: Any) -> serializers.IntegerField:
    errors: dict[str, Any] = {**_COMMON, "invalid": _ID, "min_value": _ID, "max_value": _ID}
    return serializers.IntegerField(
        min_value=1, max_value=2**63 - 1, error_messages=errors, **kwargs
    )


def _date_field(**kwargs: Any) -> serializers.DateField:
    errors: dict[str, Any] = {**_COMMON, "invalid": _DATE, "datetime": _DATE}
    return serializers.DateField(input_formats=["%Y-%m-%d"], error_messages=errors, **kwargs)


def _text_field(max_length: int, **kwargs: Any) -> serializers.CharField:
    errors: dict[str, Any] = {
        **_COMMON,
        "invalid": _("Phải là một chuỗi ký tự."),
        "max_length": _("Dài quá {max_length} ký tự."),
    }
    return serializers.CharField(max_length=max_length, error_messages=errors, **kwargs)


def _number(value: Decimal | None) -> int | float | None:
    """A decimal as a JSON number, rounded to the 4 places the database keeps."""
    if value is None:
        return None
    rounded = Decimal(value).quantize(Decimal("0.0001"))
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


@extend_schema_field(OpenApiTypes.NUMBER)
class NumberOutField(serializers.Field):
    """A stored decimal as a JSON number (or null)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> int | float | None:
        return _number(value)


# --- Output


class TargetRefSerializer(serializers.ModelSerializer):
    """Which target: its id, campaign, unit (null for the campaign's own), code and name."""

    class Meta:
        model = Target
        fields = ["id", "campaign", "unit", "code", "indicator", "measure_unit"]


class TargetSerializer(serializers.ModelSerializer):
    """A campaign-wide target; ``value`` and ``value_max`` are JSON numbers."""

    value = NumberField(
        label=_("Giá trị"),
        help_text=_("Số (không phải chuỗi); cận dưới khi so sánh “between”."),
    )
    value_max = NumberField(
        label=_("Giá trị tối đa"),
        help_text=_("Cận trên khi so sánh “between”, nếu không thì null."),
    )
    period_from = FirstDayField("period_from", allow_null=True)
    period_from_precision = PrecisionField("period_from", allow_null=True)
    period_from_stated = StatedField("period_from", allow_null=True)
    period_to = LastDayField("period_to", allow_null=True)
    period_to_precision = PrecisionField("period_to", allow_null=True)
    period_to_stated = StatedField("period_to", allow_null=True)
    content_area: serializers.SlugRelatedField[ContentArea] = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text=_("Mã nội dung thi đua (content_areas[].code), nếu có."),
    )

    class Meta:
        model = Target
        fields = [
            "code", "indicator", "kind", "comparator", "value", "value_max", "measure_unit",
            "period_from", "period_from_precision", "period_from_stated",
            "period_to", "period_to_precision", "period_to_stated",
            "deadline", "content_area", "section", "source_text", "note",
        ]  # fmt: skip


class TargetItemSerializer(TargetSerializer):
    """A target of the list: the campaign's own (``unit`` null) or a unit's own."""

    class Meta(TargetSerializer.Meta):
        fields = ["id", "campaign", "unit", *TargetSerializer.Meta.fields]


class TargetValueSerializer(serializers.ModelSerializer):
    """An actual value: the period it covers, the figure (or the day a milestone was
    reached), whether it is an estimate, where it comes from and who reported it."""

    target = TargetRefSerializer(read_only=True)
    value = NumberOutField(
        help_text=_("Số theo đơn vị tính của chỉ tiêu; null với chỉ tiêu mốc hoàn thành.")
    )
    unit = UnitRefSerializer(read_only=True, help_text=_("Đơn vị báo cáo."))
    reported_by = serializers.SerializerMethodField()

    class Meta:
        model = TargetValue
        fields = [
            "id", "target", "label", "period_start", "period_end", "value", "achieved_on",
            "is_estimate", "source", "note", "unit", "reported_by", "created_at",
        ]  # fmt: skip

    @extend_schema_field({"type": "string", "nullable": True})
    def get_reported_by(self, value: TargetValue) -> str | None:
        return str(value.reported_by) if value.reported_by else None


class EvaluationSerializer(serializers.Serializer):
    """A target's status as of a day, its forecast to the end of its period, and whether
    it is likely to be missed while there is still time."""

    target = TargetRefSerializer()
    as_of = serializers.DateField()
    status = serializers.CharField(help_text=_("exceeded, met, not_met hoặc no_data."))
    status_label = serializers.CharField(help_text=_("Vượt, Đạt, Chưa đạt, Chưa đủ dữ liệu."))
    measured = NumberOutField(help_text=_("Số đem so sánh với chỉ tiêu."))
    values_used = serializers.IntegerField(help_text=_("Số lượng số liệu đã dùng."))
    forecast = NumberOutField(help_text=_("Dự báo đến cuối kỳ của chỉ tiêu."))
    forecast_status = serializers.CharField()
    forecast_status_label = serializers.CharField()
    warning = serializers.BooleanField(
        help_text=_("true: theo xu hướng, chỉ tiêu có nguy cơ không đạt khi còn thời gian.")
    )


# --- Input


class _Input(serializers.Serializer):
    default_error_messages = {"invalid": _("Nội dung gửi lên phải là một đối tượng JSON.")}


def _visible_target(user: Any, raw: str, campaign: int | None) -> Target | None:
    """A target the user sees, by id (digits) or by code (a campaign target)."""
    targets = targets_visible_to(user).select_related("campaign__issuer_unit", "unit")
    if raw.isascii() and raw.isdigit():
        return targets.filter(pk=int(raw)).first() if len(raw) <= 18 else None
    if campaign is None:
        return None
    return targets.filter(campaign_id=campaign, unit__isnull=True, code=raw).first()


class TargetValueInputSerializer(_Input):
    """One actual value as a program (a statistics office) sends it."""

    target = _text_field(
        32, help_text=_("Id của chỉ tiêu, hoặc mã chỉ tiêu của phong trào (T01) kèm campaign.")
    )
    campaign = _id_field(
        required=False,
        allow_null=True,
        help_text=_("Id phong trào; bắt buộc khi target là mã chỉ tiêu."),
    )
    period_start = _date_field(help_text=_("Ngày đầu kỳ số liệu (YYYY-MM-DD)."))
    period_end = _date_field(help_text=_("Ngày cuối kỳ số liệu (YYYY-MM-DD)."))
    label = _text_field(  # type: ignore[assignment]  # a field named like Field.label
        64,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Tên kỳ, ví dụ “Năm 2024”; để trống thì đặt theo kỳ."),
    )
    value = serializers.DecimalField(
        max_digits=20,
        decimal_places=4,
        required=False,
        allow_null=True,
        default=None,
        error_messages={
            **_COMMON,
            "invalid": _NUMBER,
            "max_digits": _("Giá trị quá lớn."),
            "max_whole_digits": _("Giá trị quá lớn."),
            "max_decimal_places": _("Giá trị có tối đa 4 chữ số thập phân."),
            "max_string_length": _("Giá trị quá dài."),
        },
        help_text=_("Số theo đơn vị tính của chỉ tiêu; bỏ trống với chỉ tiêu mốc hoàn thành."),
    )
    achieved_on = _date_field(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Ngày đạt, chỉ cho chỉ tiêu mốc hoàn thành."),
    )
    is_estimate = serializers.BooleanField(
        required=False,
        default=False,
        error_messages={**_COMMON, "invalid": _("Phải là true hoặc false.")},
        help_text=_("true: số ước tính."),
    )
    source = _text_field(  # type: ignore[assignment]  # a field named like Field.source
        4000, help_text=_("Nguồn số liệu: văn bản, địa chỉ trang, cơ quan.")
    )
    note = _text_field(4000, required=False, allow_blank=True, default="")
    unit = _id_field(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Id đơn vị báo cáo; mặc định: đơn vị ban hành phong trào, hoặc chính đơn vị."),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Replace ids and codes by objects; one out of the user's reach is "không tìm thấy"."""
        user = self.context["request"].user
        raw = attrs["target"].strip()
        errors: dict[str, list[str]] = {}
        target = None
        if not (raw.isdigit() or _CODE.match(raw)):
            errors["target"] = [gettext("Phải là id hoặc mã chỉ tiêu, ví dụ 12 hoặc T01.")]
        elif not raw.isdigit() and attrs.get("campaign") is None:
            errors["campaign"] = [gettext("Ghi id phong trào khi chỉ tiêu được nêu bằng mã.")]
        else:
            target = _visible_target(user, raw, attrs.get("campaign"))
            if target is None:
                errors["target"] = [gettext("Không tìm thấy chỉ tiêu %(ref)s.") % {"ref": raw}]
        unit: Unit | None = None
        if attrs.get("unit") is not None:
            unit = units_visible_to(user).filter(pk=attrs["unit"]).first()
            if unit is None:
                message = gettext("Không tìm thấy đơn vị %(id)s.") % {"id": attrs["unit"]}
                errors["unit"] = [message]
        if errors:
            raise serializers.ValidationError(errors)
        attrs.update(target=target, unit=unit)
        attrs.pop("campaign", None)
        return attrs


class TargetValueFilterSerializer(_Input):
    """The list's query parameters (all optional)."""

    campaign = _id_field(required=False, help_text=_("Id phong trào."))
    target = _text_field(32, required=False, help_text=_("Id hoặc mã chỉ tiêu (T01)."))
    unit = _id_field(required=False, help_text=_("Id đơn vị báo cáo."))

    def validate_target(self, raw: str) -> str:
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 18) and not _CODE.match(raw):
            raise serializers.ValidationError(
                gettext("Phải là id hoặc mã chỉ tiêu, ví dụ 12 hoặc T01.")
            )
        return raw


class TargetFilterSerializer(_Input):
    campaign = _id_field(required=False, help_text=_("Id phong trào."))
    unit = _id_field(required=False, help_text=_("Id đơn vị: chỉ tiêu riêng của đơn vị đó."))


class AsOfSerializer(_Input):
    as_of = _date_field(required=False, help_text=_("Đánh giá tại ngày này; mặc định hôm nay."))
