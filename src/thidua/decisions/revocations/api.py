"""API of revocations: ``/api/v1/revocations/`` (list; detail with the rows the user may
see), read-only. Rows come from ``revocations_visible_to`` and
``revocation_rows_visible_to``, so the API and the pages agree on who sees what; a
revocation out of reach answers 404 like a missing one. Registered by
``decisions.api.register``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.decisions.models import Revocation, RevocationEntry
from thidua.decisions.revocations.selectors import revocation_list, rows_prefetch


class RevocationSerializer(serializers.ModelSerializer):
    decision = serializers.IntegerField(source="decision_id")
    decision_number = serializers.CharField(source="decision.number")
    decision_date = serializers.DateField(source="decision.date")
    form = serializers.CharField(source="decision.form.name")
    grantor_unit = serializers.IntegerField(source="grantor_unit_id")
    row_count = serializers.IntegerField(read_only=True)
    total_to_recover = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Revocation
        fields = [
            "id",
            "number",
            "date",
            "state",
            "decision",
            "decision_number",
            "decision_date",
            "form",
            "grantor_unit",
            "grantor_title",
            "reason_kind",
            "reason",
            "legal_basis",
            "signer_name",
            "signer_title",
            "content_sha256",
            "issued_at",
            "row_count",
            "total_to_recover",
        ]


class RevocationRowSerializer(serializers.ModelSerializer):
    decision_entry = serializers.IntegerField(source="entry_id")
    name = serializers.CharField(source="entry.name")
    unit_name = serializers.CharField(source="entry.unit_name")
    subject_kind = serializers.CharField(source="entry.subject_kind")
    amount_received = serializers.IntegerField(source="entry.amount", allow_null=True)
    recovery = serializers.CharField(source="state")

    class Meta:
        model = RevocationEntry
        fields = [
            "id",
            "decision_entry",
            "name",
            "unit_name",
            "subject_kind",
            "amount_received",
            "amount_to_recover",
            "return_object",
            "recovery",
            "recovered_on",
        ]


class RevocationDetailSerializer(RevocationSerializer):
    rows = RevocationRowSerializer(many=True, source="visible_rows")

    class Meta(RevocationSerializer.Meta):
        fields = [*RevocationSerializer.Meta.fields, "rows"]


class RevocationViewSet(SelectorViewSet):
    """Revocations the user may see, newest first; one with the rows the user may see."""

    serializer_class = RevocationSerializer

    def get_queryset(self) -> QuerySet[Revocation]:
        return revocation_list(self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(RevocationSerializer(page, many=True).data)

    @extend_schema(responses=RevocationDetailSerializer)
    def retrieve(self, request: Request, pk: Any = None) -> Response:
        found = (
            self.get_queryset()
            .prefetch_related(rows_prefetch(request.user))
            .filter(pk=path_id(pk))
            .first()
        )
        if found is None:
            raise NotFound()
        return Response(RevocationDetailSerializer(found).data)
