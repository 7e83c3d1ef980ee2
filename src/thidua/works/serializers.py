"""API representations of works: the list item, the full record, and what a client sends.

Output: a work as a list item (``WorkSerializer``) and with its history
(``WorkDetailSerializer``); numbers are JSON numbers, dates ISO. Input: the list's query
parameters, the registration form, and the bodies of the workflow actions. Every refused
value gets a Vietnamese message; ids the user cannot see are answered "không tìm thấy"
exactly like ids that do not exist. Rules of the domain stay in ``works.services``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from thidua.campaigns.models import Campaign, ContentArea, Phase, WorkKind
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.campaigns.serializers import NumberField
from thidua.organisations.api import UnitRefSerializer
from thidua.organisations.models import Unit
from thidua.organisations.selectors import units_visible_to
from thidua.targets.models import Target
from thidua.works.models import (
    ChangeRequest,
    Evidence,
    Milestone,
    ProgressUpdate,
    Work,
    WorkEvent,
    WorkState,
)
from thidua.works.rules import may_act
from thidua.works.transitions import TRANSITIONS, Action

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


def _errors(**specific: Any) -> dict[str, Any]:
    return {**_COMMON, **specific}


def id_field(**kwargs: Any) -> serializers.IntegerField:
    """A database id: a positive whole number that cannot overflow the database."""
    return serializers.IntegerField(
        min_value=1,
        max_value=2**63 - 1,
        error_messages=_errors(invalid=_ID, min_value=_ID, max_value=_ID),
        **kwargs,
    )


def date_field(**kwargs: Any) -> serializers.DateField:
    """An ISO date (YYYY-MM-DD) and nothing else."""
    return serializers.DateField(
        input_formats=["%Y-%m-%d"], error_messages=_errors(invalid=_DATE, datetime=_DATE), **kwargs
    )


def text_field(max_length: int | None = None, **kwargs: Any) -> serializers.CharField:
    if max_length is not None:
        kwargs["max_length"] = max_length
    too_long = _("Dài quá {max_length} ký tự.")
    return serializers.CharField(
        error_messages=_errors(invalid=_("Phải là một chuỗi ký tự."), max_length=too_long),
        **kwargs,
    )


def bool_field(**kwargs: Any) -> serializers.BooleanField:
    message = _("Phải là true hoặc false.")
    return serializers.BooleanField(error_messages=_errors(invalid=message), **kwargs)


def choice_field(choices: type[Any], **kwargs: Any) -> serializers.ChoiceField:
    message = format_lazy(
        "{} {}.", _("Giá trị “{input}” không có; dùng một trong:"), ", ".join(choices.values)
    )
    return serializers.ChoiceField(
        choices=choices.choices, error_messages=_errors(invalid_choice=message), **kwargs
    )


def budget_field(**kwargs: Any) -> serializers.DecimalField:
    """Millions of đồng with at most one decimal (the model's precision): refused, not rounded."""
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=1,
        allow_null=True,
        error_messages=_errors(
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
        error_messages=_errors(max_length=_("Tối đa 100 mục.")),
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


def _coordinate(limit: int, message: Any) -> RoundedDecimalField:
    return RoundedDecimalField(
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-limit),
        max_value=Decimal(limit),
        required=False,
        allow_null=True,
        error_messages=_errors(
            invalid=message, min_value=message, max_value=message, max_whole_digits=message
        ),
    )


class InputSerializer(serializers.Serializer):
    """Base of every body and query the works API reads: a JSON object is expected."""

    default_error_messages = {"invalid": _("Nội dung gửi lên phải là một đối tượng JSON.")}


# --- Output


class WorkCampaignRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ["id", "code"]


class WorkPlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name"]


class WorkContentAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContentArea
        fields = ["id", "code", "title"]


class WorkPhaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Phase
        fields = ["id", "code", "name"]


_ACTIONS = serializers.ListField(
    child=serializers.ChoiceField(choices=[(a.value, a.value) for a in Action]),
    help_text=_("Các thao tác người dùng này được làm với công trình lúc này."),
)


class WorkSerializer(serializers.ModelSerializer):
    """A work as a list item; ``late``, ``ahead`` and ``at_risk`` are as of today."""

    url = serializers.HyperlinkedIdentityField(view_name="api:work-detail")
    campaign = WorkCampaignRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    registrant_unit = UnitRefSerializer(read_only=True)
    approver_unit = UnitRefSerializer(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    state = serializers.CharField(
        read_only=True,
        help_text=format_lazy("{} {}.", _("Mã trạng thái:"), ", ".join(WorkState.values)),
    )
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    late = serializers.SerializerMethodField(help_text=_("Quá hạn hoàn thành dự kiến."))
    ahead = serializers.SerializerMethodField(help_text=_("Hoàn thành trước thời hạn."))
    at_risk = serializers.SerializerMethodField(
        help_text=_("Đang thực hiện nhưng chậm hơn thời gian đã trôi qua.")
    )
    place = WorkPlaceSerializer(read_only=True, allow_null=True)
    latitude = NumberField(help_text=_("Vĩ độ (số), hoặc null."))
    longitude = NumberField(help_text=_("Kinh độ (số), hoặc null."))
    budget = NumberField(help_text=_("Kinh phí, triệu đồng (số), hoặc null."))
    content_area = WorkContentAreaSerializer(read_only=True, allow_null=True)
    phase = WorkPhaseSerializer(read_only=True, allow_null=True)
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Work
        fields = [
            "id", "url", "campaign", "unit", "registrant_unit", "approver_unit", "kind",
            "kind_label", "title", "state", "state_label", "percent_complete",
            "planned_start", "planned_finish", "actual_finish", "deadline", "late", "ahead",
            "at_risk", "place", "latitude", "longitude", "budget", "content_area", "phase",
            "allowed_actions",
        ]  # fmt: skip

    def _today(self) -> dt.date:
        today: dt.date = self.context["today"]
        return today

    def get_late(self, work: Work) -> bool:
        return work.is_late(self._today())

    def get_ahead(self, work: Work) -> bool:
        return work.is_ahead()

    def get_at_risk(self, work: Work) -> bool:
        return work.is_at_risk(self._today())

    @extend_schema_field(_ACTIONS)
    def get_allowed_actions(self, work: Work) -> list[str]:
        """Transitions open from the work's state whose actor the user is (no query)."""
        user = self.context["request"].user
        return [
            action.value
            for (source, action), (_target, actor) in TRANSITIONS.items()
            if source == work.state and may_act(user, work, actor)
        ]


class EvidenceSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True, help_text=_("photo hoặc document."))
    url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "kind", "original_name", "content_type", "size", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, evidence: Evidence) -> str:
        """Where to download the file (checked against who may see the work)."""
        return reverse(
            "api:work-evidence",
            kwargs={"pk": evidence.update.work_id, "evidence_id": evidence.pk},
            request=self.context.get("request"),
        )


class ProgressUpdateSerializer(serializers.ModelSerializer):
    created_by = serializers.SerializerMethodField()
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = ProgressUpdate
        fields = ["id", "on", "percent", "narrative", "created_by", "created_at", "evidence"]

    def get_created_by(self, update: ProgressUpdate) -> str:
        return str(update.created_by)


class WorkEventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)
    actor = serializers.SerializerMethodField(help_text=_("Tên người thực hiện."))
    payload = serializers.JSONField(read_only=True)

    class Meta:
        model = WorkEvent
        fields = ["kind", "at", "actor", "from_state", "to_state", "payload"]

    def get_actor(self, event: WorkEvent) -> str | None:
        return str(event.actor) if event.actor is not None else None


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["title", "due", "done_on"]


class ChangeRequestSerializer(serializers.ModelSerializer):
    """A change asked for an approved work and the approver's decision."""

    state = serializers.CharField(read_only=True, help_text=_("pending, accepted hoặc rejected."))
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    changes = serializers.JSONField(read_only=True)

    class Meta:
        model = ChangeRequest
        fields = [
            "id", "work", "state", "state_label", "changes", "reason", "requested_at",
            "decided_at", "decision_note",
        ]  # fmt: skip


class CampaignWorkRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()


class WorkDetailSerializer(WorkSerializer):
    """A work with its description, links, milestones, progress, history and changes."""

    campaign_work = CampaignWorkRefSerializer(read_only=True, allow_null=True)
    cooperating_units = UnitRefSerializer(many=True, read_only=True)
    targets: serializers.SlugRelatedField[Target] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, help_text=_("Mã các chỉ tiêu phục vụ.")
    )
    milestones = MilestoneSerializer(many=True, read_only=True)
    progress_updates = ProgressUpdateSerializer(many=True, read_only=True)
    events = WorkEventSerializer(many=True, read_only=True)
    change_requests = ChangeRequestSerializer(many=True, read_only=True)

    class Meta(WorkSerializer.Meta):
        fields = [
            *WorkSerializer.Meta.fields,
            "description", "budget_source", "campaign_work", "cooperating_units", "targets",
            "milestones", "progress_updates", "events", "change_requests", "created_at",
            "updated_at",
        ]  # fmt: skip


# --- Input


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
    latitude = _coordinate(90, _("Vĩ độ phải là số từ -90 đến 90."))
    longitude = _coordinate(180, _("Kinh độ phải là số từ -180 đến 180."))
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
        error_messages=_errors(invalid=_PERCENT, min_value=_PERCENT, max_value=_PERCENT),
    )
    narrative = text_field(10000, help_text=_("Nội dung đã làm được."))
    files = serializers.ListField(
        child=serializers.FileField(
            error_messages=_errors(
                invalid=_("Phải là một tệp."),
                no_name=_("Tệp không có tên."),
                empty=_("Tệp rỗng."),
                max_length=_("Tên tệp dài quá {max_length} ký tự."),
            )
        ),
        required=False,
        max_length=20,
        error_messages=_errors(max_length=_("Tối đa 20 tệp mỗi lần.")),
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
        error_messages=_errors(),
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
