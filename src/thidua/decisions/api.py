"""API of decisions: ``/api/v1/decisions/`` (list, detail with the attached list),
``/api/v1/certificates/`` (each with its public ``verification_url`` and its status:
valid, superseded or revoked) and ``/api/v1/revocations/`` (``revocations.api``),
read-only.

Rows come from ``decisions_visible_to``, ``entries_visible_to`` and
``certificates_visible_to``, so the API and the pages agree on who sees what; a row out
of reach answers 404 like a missing one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.decisions.certificate_pdf import verification_url
from thidua.decisions.integrity import decision_integrity
from thidua.decisions.models import (
    Certificate,
    Decision,
    DecisionEntry,
    DecisionState,
    Revocation,
)
from thidua.decisions.revocations.api import RevocationViewSet
from thidua.decisions.revocations.selectors import revoked_entry_ids
from thidua.decisions.selectors import (
    certificates_visible_to,
    decision_list,
    decisions_visible_to,
    entries_visible_to,
)


class DecisionSerializer(serializers.ModelSerializer):
    form = serializers.CharField(source="form.name")
    form_code = serializers.CharField(source="form.code")
    grantor_unit = serializers.IntegerField(source="grantor_unit_id")
    campaign = serializers.IntegerField(source="campaign_id")
    entry_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "number",
            "date",
            "state",
            "form",
            "form_code",
            "campaign",
            "grantor_unit",
            "grantor_title",
            "place_name",
            "signer_name",
            "signer_title",
            "authority_prefix",
            "signer_position",
            "content_sha256",
            "seal_sha256",
            "supersedes",
            "issued_at",
            "entry_count",
        ]


class EntrySerializer(serializers.ModelSerializer):
    certificate_code = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()

    class Meta:
        model = DecisionEntry
        fields = [
            "id",
            "order",
            "subject_kind",
            "name",
            "position",
            "unit_name",
            "multiplier",
            "amount",
            "nomination",
            "certificate_code",
            "verification_url",
        ]

    def _certificate(self, entry: DecisionEntry) -> Certificate | None:
        try:
            return entry.certificate
        except Certificate.DoesNotExist:
            return None

    def get_certificate_code(self, entry: DecisionEntry) -> str | None:
        found = self._certificate(entry)
        return found.code if found else None

    def get_verification_url(self, entry: DecisionEntry) -> str | None:
        found = self._certificate(entry)
        return verification_url(found.code) if found else None


class IntegritySerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    problems = serializers.ListField(child=serializers.CharField())


class DecisionDetailSerializer(DecisionSerializer):
    legal_bases = serializers.ListField(child=serializers.CharField())
    entries = EntrySerializer(many=True, source="visible_entries")
    integrity = serializers.SerializerMethodField()

    class Meta(DecisionSerializer.Meta):
        fields = [
            *DecisionSerializer.Meta.fields,
            "legal_bases",
            "achievement",
            "entries",
            "integrity",
        ]

    @extend_schema_field(IntegritySerializer)
    def get_integrity(self, decision: Decision) -> dict[str, Any]:
        """The seal re-computed now (``decisions.integrity``): ok, or the problems found."""
        result = decision_integrity(decision)
        return {"ok": result.ok, "problems": result.problems}


class RevocationRefSerializer(serializers.ModelSerializer):
    """The revocation that cancelled a row: its number and date."""

    class Meta:
        model = Revocation
        fields = ["id", "number", "date", "grantor_title"]


class CertificateSerializer(serializers.ModelSerializer):
    """A certificate; ``status`` is "valid", "superseded" or "revoked" (cancelled by a
    Quyết định hủy bỏ, Luật TĐKT 2022 Chương VII, named in ``revocation``)."""

    recipient_name = serializers.CharField(source="entry.name")
    unit_name = serializers.CharField(source="entry.unit_name")
    form = serializers.CharField(source="entry.decision.form.name")
    decision = serializers.IntegerField(source="entry.decision_id")
    decision_number = serializers.CharField(source="entry.decision.number")
    decision_date = serializers.DateField(source="entry.decision.date")
    verification_url = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    revocation = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = [
            "id",
            "code",
            "recipient_name",
            "unit_name",
            "form",
            "decision",
            "decision_number",
            "decision_date",
            "issued_at",
            "verification_url",
            "status",
            "revocation",
        ]

    def get_verification_url(self, certificate: Certificate) -> str:
        return verification_url(certificate.code)

    def _revoked(self, certificate: Certificate) -> Revocation | None:
        revoked: dict[int, Revocation] = self.context.get("revoked", {})
        return revoked.get(certificate.entry_id)

    @extend_schema_field(serializers.ChoiceField(choices=["valid", "superseded", "revoked"]))
    def get_status(self, certificate: Certificate) -> str:
        if self._revoked(certificate) is not None:
            return "revoked"
        if certificate.entry.decision.state == DecisionState.SUPERSEDED:
            return "superseded"
        return "valid"

    @extend_schema_field(RevocationRefSerializer(allow_null=True))
    def get_revocation(self, certificate: Certificate) -> dict[str, Any] | None:
        found = self._revoked(certificate)
        return RevocationRefSerializer(found).data if found is not None else None


class DecisionViewSet(SelectorViewSet):
    """Decisions the user may see, newest first; one with the rows the user may see."""

    serializer_class = DecisionSerializer

    def get_queryset(self) -> QuerySet[Decision]:
        return decision_list(self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(DecisionSerializer(page, many=True).data)

    @extend_schema(responses=DecisionDetailSerializer)
    def retrieve(self, request: Request, pk: Any = None) -> Response:
        rows = (
            entries_visible_to(request.user).select_related("certificate").order_by("order", "pk")
        )
        decision = (
            decision_list(request.user)
            .prefetch_related(Prefetch("entries", queryset=rows, to_attr="visible_entries"))
            .filter(pk=path_id(pk))
            .first()
        )
        if decision is None:
            raise NotFound()
        return Response(DecisionDetailSerializer(decision).data)


class CertificateViewSet(SelectorViewSet):
    """Certificates of the rows the user may see, with their verification address."""

    serializer_class = CertificateSerializer

    def get_queryset(self) -> QuerySet[Certificate]:
        return (
            certificates_visible_to(self.request.user)
            .select_related("entry__decision__form")
            .order_by("-entry__decision__date", "-entry__decision_id", "entry__order", "pk")
        )

    def _serialised(self, certificates: list[Certificate], *, many: bool) -> Any:
        revoked = revoked_entry_ids([c.entry_id for c in certificates])
        data = CertificateSerializer(certificates, many=True, context={"revoked": revoked}).data
        return data if many else data[0]

    def list(self, request: Request) -> Response:
        page = list(self.paginate_queryset(self.get_queryset()) or [])
        return self.get_paginated_response(self._serialised(page, many=True))

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        found = self.get_queryset().filter(pk=path_id(pk)).first()
        if found is None:
            raise NotFound()
        return Response(self._serialised([found], many=False))


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("decisions", DecisionViewSet, basename="decision")
    router.register("certificates", CertificateViewSet, basename="certificate")
    router.register("revocations", RevocationViewSet, basename="revocation")


__all__ = ["decisions_visible_to", "register"]
