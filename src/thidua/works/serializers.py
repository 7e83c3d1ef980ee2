"""API representations of works: the list item and the full record.

A work as a list item (``WorkSerializer``) and with its history
(``WorkDetailSerializer``); numbers are JSON numbers, dates ISO. What a client sends is
read by ``works.serializers_input`` (its fields: ``works.serializers_fields``); both are
re-exported here, where the API and the reports API import them from.
"""

from __future__ import annotations

import datetime as dt

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from thidua.campaigns.models import Campaign, ContentArea, Phase
from thidua.campaigns.serializers import NumberField
from thidua.organisations.api import UnitRefSerializer
from thidua.organisations.models import Unit
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
from thidua.works.serializers_fields import (
    InputSerializer,
    RoundedDecimalField,
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
from thidua.works.serializers_input import (
    CancelSerializer,
    ChangeRequestInputSerializer,
    CompleteSerializer,
    NoteSerializer,
    ProgressInputSerializer,
    ReturnSerializer,
    WorkFilterSerializer,
    WorkInputSerializer,
    WorkUpdateSerializer,
)
from thidua.works.timing import TimingFlag, work_timing_warnings
from thidua.works.transitions import TRANSITIONS, Action

__all__ = [
    "CampaignWorkRefSerializer",
    "CancelSerializer",
    "ChangeRequestInputSerializer",
    "ChangeRequestSerializer",
    "CompleteSerializer",
    "EvidenceSerializer",
    "InputSerializer",
    "MilestoneSerializer",
    "NoteSerializer",
    "ProgressInputSerializer",
    "ProgressUpdateSerializer",
    "ReturnSerializer",
    "RoundedDecimalField",
    "TimingWarningSerializer",
    "WorkCampaignRefSerializer",
    "WorkContentAreaSerializer",
    "WorkDetailSerializer",
    "WorkEventSerializer",
    "WorkFilterSerializer",
    "WorkInputSerializer",
    "WorkPhaseSerializer",
    "WorkPlaceSerializer",
    "WorkSerializer",
    "WorkUpdateSerializer",
    "bool_field",
    "budget_field",
    "choice_field",
    "coordinate_field",
    "date_field",
    "field_errors",
    "id_field",
    "id_list_field",
    "text_field",
]


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


class TimingWarningSerializer(serializers.Serializer):
    """One way a work's dates do not fit its campaign (``works.timing``)."""

    flag = serializers.ChoiceField(
        choices=[(f.value, f.value) for f in TimingFlag],
        help_text=format_lazy("{} {}.", _("Mã cảnh báo:"), ", ".join(TimingFlag)),
    )
    message = serializers.CharField()


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
    timing_warnings = serializers.SerializerMethodField(
        help_text=_(
            "Thời gian chưa khớp với phong trào: hoàn thành sau khi phong trào hoặc đợt kết "
            "thúc, đăng ký sau hạn… (rỗng khi khớp)."
        )
    )

    class Meta:
        model = Work
        fields = [
            "id", "url", "campaign", "unit", "registrant_unit", "approver_unit", "kind",
            "kind_label", "title", "state", "state_label", "percent_complete",
            "planned_start", "planned_finish", "actual_finish", "deadline", "late", "ahead",
            "at_risk", "place", "latitude", "longitude", "budget", "content_area", "phase",
            "allowed_actions", "timing_warnings",
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

    @extend_schema_field(TimingWarningSerializer(many=True))
    def get_timing_warnings(self, work: Work) -> list[dict[str, str]]:
        """From the work's fields and its (joined) campaign and phase: no query."""
        return [{"flag": w.flag.value, "message": w.message} for w in work_timing_warnings(work)]

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
