"""Serializers of the awards API: nomination items and detail, nominees, action bodies."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from thidua.awards.eligibility import check_nomination, expected_decision_date
from thidua.awards.models import Nomination, NominationState, Nominee


class NominationSerializer(serializers.ModelSerializer):
    nominee_name = serializers.CharField(source="nominee.name")
    nominee_kind = serializers.CharField(source="nominee.kind")
    form = serializers.CharField(source="form.code")
    form_name = serializers.CharField(source="form.name")
    proposer_unit = serializers.CharField(source="proposer_unit.code")
    proposer_name = serializers.CharField(source="proposer_unit.name")
    grantor_unit = serializers.CharField(source="grantor_unit.code")
    campaign = serializers.CharField(source="campaign.code")
    phase = serializers.CharField(source="phase.code")
    state = serializers.ChoiceField(choices=NominationState.choices)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "state",
            "nominee",
            "nominee_name",
            "nominee_kind",
            "form",
            "form_name",
            "proposer_unit",
            "proposer_name",
            "grantor_unit",
            "campaign",
            "phase",
            "basis",
            "simplified",
            "submitted_on",
            "summary",
        ]


class CheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    ok = serializers.BooleanField()
    severity = serializers.CharField()
    message = serializers.CharField()
    article = serializers.CharField()


class CheckedNominationSerializer(NominationSerializer):
    """A list item with, when asked (``checks=true``), its eligibility checks: the page's
    items are checked together (``check_nominations``, a fixed number of queries). Only a
    response, never read: ``checks`` is not read-only so that the schema does not call it
    required (drf-spectacular requires every read-only field of a response), since it is
    present only with ``checks=true``."""

    checks = CheckSerializer(many=True, required=False)

    class Meta(NominationSerializer.Meta):
        fields = [*NominationSerializer.Meta.fields, "checks"]


class DossierFileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField(source="original_name")
    size = serializers.IntegerField()


class NominationDetailSerializer(NominationSerializer):
    achievement = serializers.DictField(child=serializers.CharField())
    files = DossierFileSerializer(many=True)
    checks = serializers.SerializerMethodField()
    return_reason = serializers.CharField()

    class Meta(NominationSerializer.Meta):
        fields = [
            *NominationSerializer.Meta.fields,
            "achievement",
            "return_reason",
            "files",
            "checks",
        ]

    def get_checks(self, nomination: Nomination) -> list[dict[str, Any]]:
        today = self.context["today"]
        as_of = expected_decision_date(nomination, today)
        results = check_nomination(nomination, as_of=as_of, today=today)
        return CheckSerializer(results, many=True).data  # type: ignore[return-value]


class NomineeSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.name", default=None)

    class Meta:
        model = Nominee
        fields = ["id", "kind", "name", "gender", "birth_year", "position", "unit"]


class NominationFilterSerializer(serializers.Serializer):
    campaign = serializers.IntegerField(required=False, min_value=1)
    phase = serializers.IntegerField(required=False, min_value=1)
    state = serializers.ChoiceField(choices=NominationState.choices, required=False)
    form = serializers.IntegerField(required=False, min_value=1)
    proposer_unit = serializers.IntegerField(required=False, min_value=1)
    search = serializers.CharField(required=False, max_length=200)


class NominationListQuerySerializer(NominationFilterSerializer):
    checks = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("Kèm kết quả kiểm tra điều kiện của từng đề nghị trong trang."),
    )


class NominationReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class NominationNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class NomineeSearchSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
