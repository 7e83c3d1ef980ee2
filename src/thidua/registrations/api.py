"""API of registrations: ``/api/v1/registrations/`` — the annual registrations the caller
sees (``registrations_visible_to``), with their titles; ``?year=`` and ``?state=``
filter. Read-only, plus ``POST …/{id}/submit/`` for the unit's head.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.registrations.models import Registration, RegistrationEntry, RegistrationState
from thidua.registrations.selectors import registration_list, registrations_visible_to
from thidua.registrations.workflow import registration_submit


class RegistrationEntrySerializer(serializers.ModelSerializer):
    """One registered title: who (name, kind, gender, birth year, position) and which."""

    nominee_id = serializers.IntegerField(source="nominee.pk", read_only=True)
    name = serializers.CharField(source="nominee.name", read_only=True)
    kind = serializers.CharField(source="nominee.kind", read_only=True)
    gender = serializers.CharField(source="nominee.gender", read_only=True)
    birth_year = serializers.IntegerField(
        source="nominee.birth_year", read_only=True, allow_null=True
    )
    position = serializers.CharField(source="nominee.position", read_only=True)
    form = serializers.CharField(source="form.code", read_only=True)
    form_name = serializers.CharField(source="form.name", read_only=True)

    class Meta:
        model = RegistrationEntry
        fields = [
            "id",
            "nominee_id",
            "name",
            "kind",
            "gender",
            "birth_year",
            "position",
            "form",
            "form_name",
            "note",
        ]


class RegistrationSerializer(serializers.ModelSerializer):
    """A unit's registration for a year, with its titles."""

    unit = serializers.CharField(source="unit.code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    entries = RegistrationEntrySerializer(many=True, read_only=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "state",
            "submitted_at",
            "note",
            "return_reason",
            "entries",
        ]


def _with_entries(rows: QuerySet[Registration]) -> QuerySet[Registration]:
    return rows.prefetch_related(
        Prefetch("entries", queryset=RegistrationEntry.objects.select_related("nominee", "form"))
    )


class RegistrationViewSet(SelectorViewSet):
    """Annual registrations the caller sees; ``?year=`` and ``?state=`` filter."""

    queryset = Registration.objects.none()  # for the schema only: the selectors are what run
    serializer_class = RegistrationSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=False),
            OpenApiParameter("state", str, required=False, enum=RegistrationState.values),
        ],
        responses={200: RegistrationSerializer(many=True), **error_responses(400, 401)},
        tags=["registrations"],
    )
    def list(self, request: Request) -> Response:
        raw_year = request.query_params.get("year", "")
        state = request.query_params.get("state", "")
        rows = registration_list(
            request.user,
            year=int(raw_year)
            if raw_year.isascii() and raw_year.isdigit() and len(raw_year) == 4
            else None,
            state=state if state in RegistrationState.values else "",
        )
        page = self.paginate_queryset(_with_entries(rows))
        return self.get_paginated_response(RegistrationSerializer(page, many=True).data)

    def _visible(self, request: Request, pk: str | None) -> Registration:
        found = (
            _with_entries(registrations_visible_to(request.user).select_related("unit"))
            .filter(pk=path_id(pk))
            .first()
        )
        if found is None:
            raise NotFound()
        return found

    @extend_schema(
        responses={200: RegistrationSerializer, **error_responses(401, 404)},
        tags=["registrations"],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        return Response(RegistrationSerializer(self._visible(request, pk)).data)

    @extend_schema(
        request=None,
        responses={200: RegistrationSerializer, **error_responses(400, 401, 403, 404)},
        tags=["registrations"],
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """The unit's head sends the registration to the Ban TĐKT."""
        registration = registration_submit(
            actor=request.user, registration=self._visible(request, pk)
        )
        return Response(RegistrationSerializer(self._visible(request, str(registration.pk))).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("registrations", RegistrationViewSet, basename="registration")
