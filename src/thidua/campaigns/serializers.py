"""API representations of a campaign: the list row and everything its page shows.

Dates a plan states as a month or a year ("từ tháng 11/2024") come as three fields:
``<name>`` the ISO date of the first day covered (the last day for an end or a deadline),
``<name>_precision`` (day, month or year) and ``<name>_stated`` as the plan wrote it
("2024-11"), so no client has to guess what "tháng 11/2024" means.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from thidua.campaigns.models import (
    Campaign,
    CampaignAward,
    CampaignWork,
    ContentArea,
    Duty,
    LegalBasis,
    Phase,
    RegistrationRule,
    ReportingRule,
)
from thidua.campaigns.parts import plan_parts
from thidua.campaigns.selectors import DueDate, reporting_calendar
from thidua.core.dates import PartialDate
from thidua.organisations.api import UnitRefSerializer


def _partial(obj: Any, attr: str) -> PartialDate | None:
    value = getattr(obj, attr)
    if value is None:
        return None
    return PartialDate.from_parts(value, getattr(obj, f"{attr}_precision"))


class _PartialField(serializers.Field):
    """A read-only view of the partial date stored in ``<attr>`` and ``<attr>_precision``."""

    help: Any = ""

    def __init__(self, attr: str, **kwargs: Any) -> None:
        self.attr = attr
        kwargs.update(source="*", read_only=True)
        kwargs.setdefault("help_text", self.help)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str | None:
        partial = _partial(value, self.attr)
        return self.show(partial) if partial else None

    def show(self, partial: PartialDate) -> str:
        """The value the field gives for a stated date."""
        raise NotImplementedError


@extend_schema_field(OpenApiTypes.DATE)
class FirstDayField(_PartialField):
    """The first day the stated date covers (``2024-11`` → ``2024-11-01``)."""

    help = _("Ngày đầu tiên của mốc văn bản nêu (YYYY-MM-DD).")

    def show(self, partial: PartialDate) -> str:
        return partial.first_day().isoformat()


@extend_schema_field(OpenApiTypes.DATE)
class LastDayField(_PartialField):
    """The last day the stated date covers (``2025-09`` → ``2025-09-30``)."""

    help = _("Ngày cuối cùng của mốc văn bản nêu (YYYY-MM-DD): “2025-09” là 30/9/2025.")

    def show(self, partial: PartialDate) -> str:
        return partial.last_day().isoformat()


@extend_schema_field(OpenApiTypes.STR)
class StatedField(_PartialField):
    """The date as the plan states it: ``2025``, ``2024-11`` or ``2025-04-30``."""

    help = _("Mốc đúng như văn bản nêu: YYYY, YYYY-MM hoặc YYYY-MM-DD.")

    def show(self, partial: PartialDate) -> str:
        return partial.iso()


@extend_schema_field(OpenApiTypes.STR)
class PrecisionField(_PartialField):
    """How much of the date the plan states: ``day``, ``month`` or ``year`` (null: no date)."""

    help = _("Độ chính xác văn bản nêu: day, month hoặc year.")

    def show(self, partial: PartialDate) -> str:
        return partial.precision.value


class NumberField(serializers.DecimalField):
    """A stored decimal as a JSON number: ``10`` for 10.0000, ``99.5`` for 99.5000."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(
            max_digits=20, decimal_places=4, coerce_to_string=False, read_only=True, allow_null=True
        )
        super().__init__(**kwargs)

    # The stubs type DecimalField's output as str; with coerce_to_string=False it is a number.
    def to_representation(self, value: Any) -> int | float | None:  # type: ignore[override]
        if value is None:
            return None
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)


class CampaignListSerializer(serializers.ModelSerializer):
    """One row of the campaign list."""

    url = serializers.HyperlinkedIdentityField(view_name="api:campaign-detail")
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    issuer_unit = UnitRefSerializer(read_only=True)
    start = FirstDayField("start")
    start_precision = PrecisionField("start")
    start_stated = StatedField("start")
    end = LastDayField("end")
    end_precision = PrecisionField("end")
    end_stated = StatedField("end")

    class Meta:
        model = Campaign
        fields = [
            "id", "url", "code", "title", "kind", "status", "status_label",
            "doc_kind", "doc_number", "doc_date", "issuer_name", "issuer_unit",
            "start", "start_precision", "start_stated", "end", "end_precision", "end_stated",
        ]  # fmt: skip


class SignerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="signer_name")
    position = serializers.CharField(source="signer_position")
    authority = serializers.CharField(source="signer_authority")

    class Meta:
        model = Campaign
        fields = ["name", "position", "authority"]


class LegalBasisSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalBasis
        fields = ["relation", "doc_kind", "number", "date", "issuer", "title"]


class ContentAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContentArea
        fields = ["code", "title", "description"]


class PhaseSerializer(serializers.ModelSerializer):
    """A phase: ``start`` is its first day, ``end`` its last (an end "2025-09" is 30/9)."""

    start = FirstDayField("start")
    start_precision = PrecisionField("start")
    start_stated = StatedField("start")
    end = LastDayField("end")
    end_precision = PrecisionField("end")
    end_stated = StatedField("end")

    class Meta:
        model = Phase
        fields = [
            "code", "name", "start", "start_precision", "start_stated",
            "end", "end_precision", "end_stated", "review",
        ]  # fmt: skip


class RegistrationRuleSerializer(serializers.ModelSerializer):
    unit_kinds = serializers.ListField(child=serializers.CharField(), read_only=True)
    work_kinds = serializers.ListField(child=serializers.CharField(), read_only=True)
    alternative_work_kinds = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = RegistrationRule
        fields = [
            "unit_kinds", "minimum", "work_kinds", "alternative_work_kinds", "via_parent",
            "approver", "no_duplicate_of_campaign_works", "text",
        ]  # fmt: skip


class CampaignWorkSerializer(serializers.ModelSerializer):
    """A work the issuing level selects; ``deadline`` is the last day of what is stated."""

    deadline = LastDayField("deadline", allow_null=True)
    deadline_precision = PrecisionField("deadline", allow_null=True)
    deadline_stated = StatedField("deadline", allow_null=True)
    content_area = serializers.SerializerMethodField()

    class Meta:
        model = CampaignWork
        fields = [
            "code", "title", "kind", "stage", "deadline", "deadline_precision",
            "deadline_stated", "deadline_event", "content_area",
        ]  # fmt: skip

    @extend_schema_field(
        {
            "type": "string",
            "nullable": True,
            "description": _("Mã nội dung thi đua (content_areas[].code), nếu có."),
        }
    )
    def get_content_area(self, work: CampaignWork) -> str | None:
        """The area's code, from the campaign's prefetched areas (no query per work)."""
        return self.context.get("area_codes", {}).get(work.content_area_id)


class ReportingRuleSerializer(serializers.ModelSerializer):
    recipient_unit = UnitRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ReportingRule
        fields = [
            "frequency", "due_day", "due_month_of_period", "weekend_policy",
            "recipient_name", "recipient_unit", "text",
        ]  # fmt: skip


class DueDateSerializer(serializers.Serializer):
    """One report due date of the reporting calendar."""

    quarter = serializers.CharField(source="quarter.label", help_text=_("Quý, ví dụ IV/2024."))
    year = serializers.IntegerField(source="quarter.year")
    number = serializers.IntegerField(source="quarter.number", help_text=_("Quý 1–4."))
    nominal_due = serializers.DateField(source="nominal")
    effective_due = serializers.DateField(
        source="effective", help_text=_("Hạn thực tế sau khi dời khỏi ngày nghỉ.")
    )
    moved = serializers.BooleanField()


class AwardFormSerializer(serializers.ModelSerializer):
    grantors = serializers.JSONField(read_only=True)
    subjects = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = CampaignAward
        fields = ["code", "name", "grantors", "subjects", "criteria", "quota"]


class AwardsSerializer(serializers.ModelSerializer):
    """Who may be commended, by which forms, to which standard and procedure."""

    subjects = serializers.ListField(
        source="award_subjects", child=serializers.CharField(), read_only=True
    )
    criteria = serializers.CharField(source="award_criteria")
    procedure = serializers.CharField(source="award_procedure")
    forms = AwardFormSerializer(source="awards", many=True, read_only=True)

    class Meta:
        model = Campaign
        fields = ["subjects", "criteria", "procedure", "forms"]


class DutySerializer(serializers.ModelSerializer):
    agencies = serializers.ListField(child=serializers.CharField(), read_only=True)
    agency_units = UnitRefSerializer(many=True, read_only=True)

    class Meta:
        model = Duty
        fields = ["section", "agencies", "agency_units", "text"]


class CampaignDetailSerializer(CampaignListSerializer):
    """The whole plan as loaded: header, calendar, targets, rules, awards and duties."""

    signer = SignerSerializer(source="*", read_only=True)
    purposes = serializers.ListField(child=serializers.CharField(), read_only=True)
    requirements = serializers.ListField(child=serializers.CharField(), read_only=True)
    legal_bases = LegalBasisSerializer(many=True, read_only=True)
    content_areas = ContentAreaSerializer(many=True, read_only=True)
    phases = PhaseSerializer(many=True, read_only=True)
    registration_rules = RegistrationRuleSerializer(many=True, read_only=True)
    campaign_works = serializers.SerializerMethodField()
    reporting_rule = serializers.SerializerMethodField()
    reporting_calendar = serializers.SerializerMethodField()
    awards = AwardsSerializer(source="*", read_only=True)
    duties = DutySerializer(many=True, read_only=True)

    class Meta(CampaignListSerializer.Meta):
        fields = [
            *CampaignListSerializer.Meta.fields,
            "doc_place", "parent_issuer_name", "signer", "preamble", "legal_bases",
            "purposes", "requirements", "content_areas", "phases", "targets",
            "registration_rules", "campaign_works", "reporting_rule", "reporting_calendar",
            "awards", "duties", "source_name", "source_sha256", "loaded_at",
        ]  # fmt: skip

    def get_fields(self) -> dict[str, serializers.Field]:
        """The fields, each plan part's (``campaigns.parts``: the targets) in its place."""
        fields = super().get_fields()
        for part in plan_parts():
            fields[part.name] = part.serializer()
        return fields

    @extend_schema_field(CampaignWorkSerializer(many=True))
    def get_campaign_works(self, campaign: Campaign) -> list[dict[str, Any]]:
        codes = {area.pk: area.code for area in campaign.content_areas.all()}
        context = {**self.context, "area_codes": codes}
        works = campaign.campaign_works.all()
        return CampaignWorkSerializer(works, many=True, context=context).data  # type: ignore[return-value]

    @extend_schema_field(ReportingRuleSerializer(allow_null=True))
    def get_reporting_rule(self, campaign: Campaign) -> dict[str, Any] | None:
        try:
            rule = campaign.reporting_rule
        except ReportingRule.DoesNotExist:
            return None
        return ReportingRuleSerializer(rule, context=self.context).data

    @extend_schema_field(DueDateSerializer(many=True))
    def get_reporting_calendar(self, campaign: Campaign) -> list[dict[str, Any]]:
        due_dates: list[DueDate] = reporting_calendar(campaign)
        return DueDateSerializer(due_dates, many=True).data  # type: ignore[return-value]
