"""What a client sends to the works API: the list's filters, a work, the actions' bodies.

Every refused value gets a Vietnamese message; ids the user cannot see are answered
"không tìm thấy" exactly like ids that do not exist. Rules of the domain stay in
``works.services``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.campaigns.models import Campaign, WorkKind
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.organisations.models import Unit
from thidua.organisations.selectors import units_visible_to
from thidua.works.models import Work, WorkState
from thidua.works.serializers_fields import (
    InputSerializer,
    bool_field,
    budget_field,
    choice_field,
    coordinate_field,
    date_field,
    field_errors,
    id_field,
    id_list_field,
    text_field,
)


class WorkFilterSerializer(InputSerializer):
    """Query parameters of the works list (all optional)."""

    campaign = id_field(required=False, help_text=_("Id phong trào."))
    state = choice_field(WorkState, required=False)
    kind = choice_field(WorkKind, required=False)
    unit = id_field(required=False, help_text=_("Id đơn vị thực hiện."))
    district = id_field(required=False, help_text=_("Id huyện: công trình của huyện và các xã."))
    content_area = id_field(required=False, help_text=_("Id nội dung thi đua."))
    phase = id_field(required=False, help_text=_("Id đợt thi đua."))
    late = bool_field(required=False, help_text=_("true: chỉ công trình chậm tiến độ."))
    ahead = bool_field(required=False, help_text=_("true: chỉ công trình vượt tiến độ."))
    search = text_field(
        200, required=False, help_text=_("Tìm theo tên; không phân biệt dấu (“duong giao thong”).")
    )


def _missing(message: Any, ids: list[int]) -> str:
    """``message`` (with ``%(ids)s``) naming the ids that were not found."""
    return str(message) % {"ids": ", ".join(str(pk) for pk in ids)}


class WorkInputSerializer(InputSerializer):
    """What a unit sends to register a work; ids are resolved among what the user may see."""

    campaign = id_field(help_text=_("Id phong trào."))
    unit = id_field(help_text=_("Id đơn vị đăng ký (đơn vị của bạn)."))
    kind = choice_field(WorkKind)
    title = text_field(500)
    description = text_field(required=False, allow_blank=True)
    content_area = id_field(required=False, allow_null=True)
    place = id_field(required=False, allow_null=True, help_text=_("Id xã, phường nơi làm."))
    latitude = coordinate_field(90, _("Vĩ độ phải là số từ -90 đến 90."))
    longitude = coordinate_field(180, _("Kinh độ phải là số từ -180 đến 180."))
    budget = budget_field(required=False, help_text=_("Kinh phí, triệu đồng."))
    budget_source = text_field(255, required=False, allow_blank=True)
    planned_start = date_field()
    planned_finish = date_field()
    phase = id_field(required=False, allow_null=True)
    targets = id_list_field(required=False, help_text=_("Id các chỉ tiêu phục vụ."))
    cooperating_units = id_list_field(required=False, help_text=_("Id các đơn vị phối hợp."))
    confirm_similar = bool_field(
        required=False,
        default=False,
        help_text=_("true: vẫn lưu dù có công trình gần giống (sau khi đã xem 409)."),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Replace ids by objects; an id outside the user's reach is "không tìm thấy"."""
        user = self.context["request"].user
        work: Work | None = self.context.get("work")
        errors: dict[str, list[str]] = {}
        campaign: Campaign | None
        unit: Unit | None
        if work is not None:
            campaign, unit = work.campaign, work.unit
            for name in ("campaign", "unit"):
                if name in self.initial_data:
                    errors[name] = [gettext("Không đổi được phong trào hay đơn vị của công trình.")]
        else:
            campaign = campaigns_visible_to(user).filter(pk=attrs["campaign"]).first()
            unit = units_visible_to(user).filter(pk=attrs["unit"]).first()
            if campaign is None:
                errors["campaign"] = [
                    _missing(_("Không tìm thấy phong trào %(ids)s."), [attrs["campaign"]])
                ]
            if unit is None:
                errors["unit"] = [_missing(_("Không tìm thấy đơn vị %(ids)s."), [attrs["unit"]])]
        if campaign is not None and unit is not None:
            errors.update(self._resolve(attrs, campaign, unit))
        if errors:
            raise serializers.ValidationError(errors)
        attrs.update(campaign=campaign, unit=unit)
        return attrs

    def _resolve(
        self, attrs: dict[str, Any], campaign: Campaign, unit: Unit
    ) -> dict[str, list[str]]:
        """Look the referenced parts up inside the campaign (units: inside its territory)."""
        territory = Unit.objects.filter(path__startswith=campaign.issuer_unit.path)
        lookups: dict[str, tuple[Any, Any, bool]] = {
            "content_area": (
                campaign.content_areas.all(),
                _("Không tìm thấy nội dung thi đua %(ids)s trong phong trào này."),
                False,
            ),
            "phase": (
                campaign.phases.all(),
                _("Không tìm thấy đợt %(ids)s trong phong trào này."),
                False,
            ),
            "place": (
                territory,
                _("Không tìm thấy địa điểm %(ids)s trong địa bàn của phong trào."),
                False,
            ),
            "cooperating_units": (
                territory,
                _("Không tìm thấy đơn vị %(ids)s trong địa bàn của phong trào."),
                True,
            ),
            "targets": (
                campaign.targets.filter(Q(unit__isnull=True) | Q(unit=unit)),
                _("Không tìm thấy chỉ tiêu %(ids)s trong phong trào này."),
                True,
            ),
        }
        errors: dict[str, list[str]] = {}
        for name, (queryset, message, many) in lookups.items():
            if name not in attrs or attrs[name] is None:
                continue
            wanted = list(dict.fromkeys(attrs[name] if many else [attrs[name]]))
            found = {obj.pk: obj for obj in queryset.filter(pk__in=wanted)}
            missing = [pk for pk in wanted if pk not in found]
            if missing:
                errors[name] = [_missing(message, missing)]
            else:
                attrs[name] = [found[pk] for pk in wanted] if many else found[wanted[0]]
        return errors


class WorkUpdateSerializer(WorkInputSerializer):
    """The fields of a draft or returned work to change; the others keep their values."""

    campaign = None  # type: ignore[assignment]
    unit = None  # type: ignore[assignment]


class NoteSerializer(InputSerializer):
    """An optional note: approving a work, deciding a change request."""

    note = text_field(2000, required=False, allow_blank=True, default="")


class ReturnSerializer(InputSerializer):
    reason = text_field(2000, help_text=_("Lý do trả lại."))
    what_to_fix = text_field(2000, help_text=_("Nội dung cần sửa."))


class CompleteSerializer(InputSerializer):
    actual_finish = date_field(help_text=_("Ngày hoàn thành thực tế (YYYY-MM-DD)."))


class CancelSerializer(InputSerializer):
    reason = text_field(2000, help_text=_("Lý do hủy."))


_PERCENT = _("Tiến độ phải là số nguyên từ 0 đến 100.")


class ProgressInputSerializer(InputSerializer):
    """A progress report, sent as multipart/form-data with its files."""

    on = date_field(help_text=_("Ngày cập nhật (YYYY-MM-DD)."))
    percent = serializers.IntegerField(
        min_value=0,
        max_value=100,
        error_messages=field_errors(invalid=_PERCENT, min_value=_PERCENT, max_value=_PERCENT),
    )
    narrative = text_field(10000, help_text=_("Nội dung đã làm được."))
    files = serializers.ListField(
        child=serializers.FileField(
            error_messages=field_errors(
                invalid=_("Phải là một tệp."),
                no_name=_("Tệp không có tên."),
                empty=_("Tệp rỗng."),
                max_length=_("Tên tệp dài quá {max_length} ký tự."),
            )
        ),
        required=False,
        max_length=20,
        error_messages=field_errors(max_length=_("Tối đa 20 tệp mỗi lần.")),
        help_text=_("Ảnh (JPEG, PNG, WebP ≤ 10 MB) hoặc tài liệu (PDF, DOCX, XLSX ≤ 20 MB)."),
    )


def _change_fields() -> dict[str, serializers.Field]:
    """How each changeable field (``services.CHANGEABLE_FIELDS``) is read from JSON."""
    return {
        "title": text_field(500),
        "description": text_field(allow_blank=True),
        "planned_start": date_field(),
        "planned_finish": date_field(),
        "budget": budget_field(),
        "budget_source": text_field(255, allow_blank=True),
    }


class ChangeRequestInputSerializer(InputSerializer):
    """A change to an approved work: the new values of some fields, and why."""

    changes = serializers.DictField(
        allow_empty=False,
        error_messages=field_errors(),
        help_text=_(
            "Giá trị mới của các trường: title, description, planned_start, planned_finish, "
            "budget, budget_source."
        ),
    )
    reason = text_field(2000)

    def validate_changes(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Each value checked as its field would be, then stored as JSON (dates ISO)."""
        fields = _change_fields()
        unknown = sorted(set(changes) - set(fields))
        if unknown:
            raise serializers.ValidationError(
                gettext("Không điều chỉnh được: %(names)s.") % {"names": ", ".join(unknown)}
            )
        clean: dict[str, Any] = {}
        errors: dict[str, Any] = {}
        for name, value in changes.items():
            try:
                parsed = fields[name].run_validation(value)
            except serializers.ValidationError as exc:
                errors[name] = exc.detail
                continue
            if isinstance(parsed, dt.date):
                parsed = parsed.isoformat()
            elif isinstance(parsed, Decimal):
                parsed = str(parsed)
            clean[name] = parsed
        if errors:
            raise serializers.ValidationError(errors)
        return clean
