"""API representations of report periods and unit reports, and what a client sends.

Output: a period with its due dates and either the province's counts (for the Ban Thi đua
- Khen thưởng and the leaders) or the states of the user's own units' reports; a report
as a list item and with its contents and history. Dates are ISO, counts JSON numbers.
Input: the lists' query parameters, the draft (summary, figures, a narrative per content
area *code*), the reason of a return and the files to attach. Every refused value gets
a Vietnamese message; the rules of the domain stay in ``reports.services``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from thidua.campaigns.models import Campaign, ContentArea
from thidua.organisations.api import UnitRefSerializer
from thidua.reports.models import (
    ReportAttachment,
    ReportEvent,
    ReportPeriod,
    ReportSection,
    ReportState,
    UnitReport,
)
from thidua.reports.rules import may_act
from thidua.reports.transitions import TRANSITIONS, Action
from thidua.works.serializers_fields import (
    InputSerializer,
    bool_field,
    choice_field,
    id_field,
    text_field,
)

# --- Periods


class ReportCampaignRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ["id", "code", "doc_number"]


class PeriodStatsSerializer(serializers.Serializer):
    """Counts of a period's reports (``reports.selectors.PeriodStats``)."""

    # The metaclass takes declared fields off the class, so this shadows nothing at run time.
    required = serializers.IntegerField(  # type: ignore[assignment]
        source="total", help_text=_("Số đơn vị phải báo cáo trong kỳ.")
    )
    open = serializers.IntegerField(help_text=_("Chưa nộp."))
    submitted = serializers.IntegerField(help_text=_("Đã nộp, chờ tiếp nhận."))
    returned = serializers.IntegerField(help_text=_("Bị trả lại, chưa nộp lại."))
    accepted = serializers.IntegerField(help_text=_("Đã tiếp nhận."))
    on_time = serializers.IntegerField(help_text=_("Đã nộp (hoặc đã tiếp nhận) đúng hạn."))
    late = serializers.IntegerField(help_text=_("Đã nộp (hoặc đã tiếp nhận) sau hạn."))
    missing = serializers.IntegerField(help_text=_("Quá hạn mà vẫn chưa nộp."))


class OwnReportSerializer(serializers.ModelSerializer):
    """The state of one of the user's own units' reports for the period."""

    unit = UnitRefSerializer(read_only=True)
    state = serializers.CharField(
        read_only=True, help_text=_("open, submitted, returned, accepted.")
    )
    state_label = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        model = UnitReport
        fields = ["id", "unit", "state", "state_label", "submitted_at", "submitted_late"]


class ReportPeriodSerializer(serializers.ModelSerializer):
    """A reporting period (a quarter) of a campaign and when its reports are due.

    The view puts ``stats`` (by period id, or ``None`` when the user may not see the
    counts) and ``own`` (the user's own units' reports by period id) in the context.
    """

    campaign = ReportCampaignRefSerializer(read_only=True)
    number = serializers.IntegerField(read_only=True, help_text=_("Số thứ tự của quý (1–4)."))
    nominal_due = serializers.DateField(
        read_only=True, help_text=_("Hạn theo quy định (ví dụ ngày 15 tháng cuối quý).")
    )
    effective_due = serializers.DateField(
        read_only=True, help_text=_("Hạn áp dụng, sau khi dời khỏi ngày nghỉ nếu có.")
    )
    moved = serializers.SerializerMethodField(help_text=_("Hạn áp dụng khác hạn theo quy định."))
    stats = serializers.SerializerMethodField(
        help_text=_("Số liệu nộp báo cáo của kỳ: chỉ Ban Thi đua - Khen thưởng và lãnh đạo thấy.")
    )
    own_reports = serializers.SerializerMethodField(
        help_text=_("Báo cáo của (các) đơn vị người dùng là cán bộ hoặc thủ trưởng.")
    )

    class Meta:
        model = ReportPeriod
        fields = [
            "id", "campaign", "year", "number", "label", "start", "end", "nominal_due",
            "effective_due", "moved", "stats", "own_reports",
        ]  # fmt: skip

    def get_moved(self, period: ReportPeriod) -> bool:
        return period.nominal_due != period.effective_due

    @extend_schema_field(PeriodStatsSerializer(allow_null=True))
    def get_stats(self, period: ReportPeriod) -> dict[str, Any] | None:
        stats = self.context["stats"]
        if stats is None:
            return None
        return dict(PeriodStatsSerializer(stats[period.pk]).data)

    @extend_schema_field(OwnReportSerializer(many=True))
    def get_own_reports(self, period: ReportPeriod) -> list[dict[str, Any]]:
        reports = self.context["own"].get(period.pk, [])
        return list(OwnReportSerializer(reports, many=True).data)


# --- Reports


class ReportPeriodRefSerializer(serializers.ModelSerializer):
    campaign = serializers.IntegerField(source="campaign_id", read_only=True)

    class Meta:
        model = ReportPeriod
        fields = ["id", "campaign", "label", "effective_due"]


# Plain strings, not an enum: "allowed_actions" of works already names an enum component.
_ACTIONS = serializers.ListField(
    child=serializers.CharField(),
    help_text=format_lazy(
        "{} {}.",
        _("Các thao tác người dùng này được làm với báo cáo lúc này, trong số:"),
        ", ".join(a.value for a in Action),
    ),
)


class UnitReportSerializer(serializers.ModelSerializer):
    """A unit's report as a list item; ``missing`` is as of today."""

    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail")
    period = ReportPeriodRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    state = serializers.CharField(
        read_only=True, help_text=_("open, submitted, returned, accepted.")
    )
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    submitted_late = serializers.BooleanField(
        read_only=True, help_text=_("Nộp sau hạn áp dụng (giờ Việt Nam).")
    )
    missing = serializers.SerializerMethodField(help_text=_("Quá hạn áp dụng mà chưa nộp."))
    confirmed_by = serializers.SerializerMethodField(
        help_text=_("Họ tên thủ trưởng đã xác nhận và nộp, hoặc null.")
    )
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = UnitReport
        fields = [
            "id", "url", "period", "unit", "state", "state_label", "submitted_at",
            "submitted_late", "missing", "confirmed_by", "confirmed_at", "accepted_at",
            "allowed_actions",
        ]  # fmt: skip

    def get_missing(self, report: UnitReport) -> bool:
        today: dt.date = self.context["today"]
        return report.state == ReportState.OPEN and report.period.effective_due < today

    def get_confirmed_by(self, report: UnitReport) -> str | None:
        return str(report.confirmed_by) if report.confirmed_by is not None else None

    @extend_schema_field(_ACTIONS)
    def get_allowed_actions(self, report: UnitReport) -> list[str]:
        """Transitions open from the report's state whose actor the user is (no query)."""
        user = self.context["request"].user
        return [
            action.value
            for (source, action), (_target, actor) in TRANSITIONS.items()
            if source == report.state and may_act(user, report, actor)
        ]


class SectionContentAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContentArea
        fields = ["code", "title"]


class ReportSectionSerializer(serializers.ModelSerializer):
    content_area = SectionContentAreaSerializer(read_only=True)

    class Meta:
        model = ReportSection
        fields = ["content_area", "narrative"]


class ReportAttachmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name", read_only=True)
    type = serializers.CharField(source="content_type", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = ReportAttachment
        fields = ["id", "name", "type", "size", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, attachment: ReportAttachment) -> str:
        """Where to download the file (checked against who may see the report)."""
        return reverse(
            "api:report-attachment",
            kwargs={"pk": attachment.report_id, "attachment_id": attachment.pk},
            request=self.context.get("request"),
        )


class ReportEventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)
    actor = serializers.SerializerMethodField(help_text=_("Tên người thực hiện."))
    payload = serializers.JSONField(read_only=True)

    class Meta:
        model = ReportEvent
        fields = ["kind", "at", "actor", "from_state", "to_state", "payload"]

    def get_actor(self, event: ReportEvent) -> str | None:
        return str(event.actor) if event.actor is not None else None


class UnitReportDetailSerializer(UnitReportSerializer):
    """A report with its contents, pre-filled snapshot, files and history."""

    figures = serializers.JSONField(
        read_only=True, help_text=_("Số liệu: tên → số hoặc dòng chữ ngắn.")
    )
    prefill = serializers.JSONField(
        read_only=True,
        help_text=_("Ảnh chụp tiến độ công trình và chỉ tiêu của đơn vị khi mở báo cáo."),
    )
    sections = ReportSectionSerializer(many=True, read_only=True)
    attachments = ReportAttachmentSerializer(many=True, read_only=True)
    events = ReportEventSerializer(many=True, read_only=True)

    class Meta(UnitReportSerializer.Meta):
        fields = [
            *UnitReportSerializer.Meta.fields,
            "summary", "figures", "prefill", "sections", "attachments", "return_reason",
            "events", "updated_at",
        ]  # fmt: skip


# --- Input


class PeriodFilterSerializer(InputSerializer):
    campaign = id_field(required=False, help_text=_("Id phong trào."))


class ReportFilterSerializer(InputSerializer):
    """Query parameters of the reports list (all optional)."""

    campaign = id_field(required=False, help_text=_("Id phong trào."))
    period = id_field(required=False, help_text=_("Id kỳ báo cáo."))
    unit = id_field(required=False, help_text=_("Id đơn vị báo cáo."))
    state = choice_field(ReportState, required=False)
    late = bool_field(required=False, help_text=_("true: chỉ báo cáo nộp trễ hạn."))
    missing = bool_field(
        required=False, help_text=_("true: chỉ báo cáo quá hạn mà chưa nộp (hôm nay).")
    )


#: At most this many figures in one report, and this long a figure's name.
MAX_FIGURES = 100
MAX_FIGURE_NAME = 200


class ReportUpdateSerializer(InputSerializer):
    """The parts of the draft to change; the others keep their values.

    ``sections`` is keyed by the content area's code ("ND1"); the codes are resolved
    among the content areas of the report's campaign (context ``report``).
    """

    summary = text_field(20000, required=False, allow_blank=True, help_text=_("Tóm tắt kết quả."))
    figures = serializers.DictField(
        required=False,
        error_messages={"not_a_dict": _("Phải là một đối tượng JSON: tên số liệu → giá trị.")},
        help_text=_("Số liệu: tên → số hoặc dòng chữ ngắn; thay toàn bộ số liệu cũ."),
    )
    sections = serializers.DictField(
        child=text_field(20000, allow_blank=True),
        required=False,
        # No braces in messages: DRF fills them in with str.format.
        error_messages={
            "not_a_dict": _("Phải là một đối tượng JSON: mã nội dung thi đua → nội dung.")
        },
        help_text=_('Nội dung theo mã nội dung thi đua, ví dụ {"ND1": "…"}.'),
    )

    def validate_figures(self, figures: dict[str, Any]) -> dict[str, Any]:
        if len(figures) > MAX_FIGURES:
            raise serializers.ValidationError(
                gettext("Tối đa %(count)s số liệu.") % {"count": MAX_FIGURES}
            )
        if any(len(str(name)) > MAX_FIGURE_NAME for name in figures):
            raise serializers.ValidationError(
                gettext("Tên số liệu dài quá %(count)s ký tự.") % {"count": MAX_FIGURE_NAME}
            )
        return figures

    def validate_sections(self, sections: dict[str, str]) -> dict[int, str]:
        """Codes → content area ids of the report's campaign; unknown codes are named."""
        report: UnitReport = self.context["report"]
        areas = dict(
            ContentArea.objects.filter(
                campaign_id=report.period.campaign_id, code__in=list(sections)
            ).values_list("code", "pk")
        )
        unknown = sorted(code for code in sections if code not in areas)
        if unknown:
            raise serializers.ValidationError(
                gettext("Phong trào không có nội dung thi đua: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            )
        return {areas[code]: text for code, text in sections.items()}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError(
                gettext("Không có gì để lưu: gửi summary, figures hoặc sections.")
            )
        return attrs


class ReportReturnSerializer(InputSerializer):
    reason = text_field(2000, help_text=_("Lý do trả lại."))


class AttachmentInputSerializer(InputSerializer):
    """Files to attach, sent as multipart/form-data."""

    files = serializers.ListField(
        child=serializers.FileField(
            error_messages={
                "invalid": _("Phải là một tệp."),
                "no_name": _("Tệp không có tên."),
                "empty": _("Tệp rỗng."),
                "max_length": _("Tên tệp dài quá {max_length} ký tự."),
                "required": _("Thiếu tệp."),
                "null": _("Thiếu tệp."),
            }
        ),
        allow_empty=False,
        max_length=20,
        error_messages={
            "required": _("Gửi ít nhất một tệp trong trường “files”."),
            "empty": _("Gửi ít nhất một tệp trong trường “files”."),
            "not_a_list": _("Gửi các tệp trong trường “files”."),
            "max_length": _("Tối đa 20 tệp mỗi lần."),
        },
        help_text=_("Ảnh (JPEG, PNG, WebP ≤ 10 MB) hoặc tài liệu (PDF, DOCX, XLSX ≤ 20 MB)."),
    )
