"""API of exemplars: ``/api/v1/exemplars/`` — published stories to anyone, the others to
the staff who see them (``exemplars_visible_to``). Read-only; the workflow is on the pages.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.exemplars.models import Exemplar, ExemplarState
from thidua.exemplars.selectors import exemplar_list, exemplars_visible_to, with_photos


class ExemplarSerializer(serializers.ModelSerializer):
    """A story's public fields, plus its state for the staff (no return reason, no file
    names, no authors)."""

    unit = serializers.CharField(source="unit.name", read_only=True)
    place = serializers.SerializerMethodField()
    content_area = serializers.SerializerMethodField()
    campaign = serializers.CharField(source="campaign.doc_number", read_only=True)
    photos = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Exemplar
        fields = [
            "id",
            "title",
            "subject_kind",
            "subject_name",
            "achievements",
            "results",
            "unit",
            "place",
            "content_area",
            "campaign",
            "state",
            "published_at",
            "photos",
            "url",
        ]

    def get_place(self, obj: Exemplar) -> str | None:
        return obj.place.name if obj.place else None

    def get_content_area(self, obj: Exemplar) -> str | None:
        return obj.content_area.code if obj.content_area else None

    def get_photos(self, obj: Exemplar) -> list[dict[str, Any]]:
        name = "public:photo" if obj.state == ExemplarState.PUBLISHED else "exemplars:photo"
        return [{"url": reverse(name, args=[p.pk]), "caption": p.caption} for p in obj.photos.all()]

    def get_url(self, obj: Exemplar) -> str:
        if obj.state == ExemplarState.PUBLISHED:
            return reverse("public:story", args=[obj.pk])
        return reverse("exemplars:detail", args=[obj.pk])


class ExemplarViewSet(SelectorViewSet):
    """Exemplary models the caller sees; ``?state=`` and ``?q=`` (diacritics-free) filter."""

    queryset = Exemplar.objects.none()  # for the schema only: the selectors are what run
    serializer_class = ExemplarSerializer
    permission_classes = [AllowAny]

    def list(self, request: Request) -> Response:
        state = request.query_params.get("state", "")
        stories = exemplar_list(
            request.user,
            state=state if state in ExemplarState.values else "",
            search=request.query_params.get("q", "")[:100],
        )
        page = self.paginate_queryset(stories)
        return self.get_paginated_response(ExemplarSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        story = (
            with_photos(exemplars_visible_to(request.user))
            .select_related("unit", "place", "content_area", "campaign")
            .filter(pk=path_id(pk))
            .first()
        )
        if story is None:
            raise NotFound()
        return Response(ExemplarSerializer(story).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("exemplars", ExemplarViewSet, basename="exemplar")
