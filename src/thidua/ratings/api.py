"""API of ratings: ``/api/v1/ratings/`` (the yearly rating of each person the caller's
roles cover) and ``/api/v1/initiatives/`` (the register of recognised initiatives and
accepted research). Read-only, visibility-scoped, paginated; entering is on the pages."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.awards.models import Nominee
from thidua.ratings.models import AnnualRating, Initiative
from thidua.ratings.selectors import initiatives_visible_to, ratings_visible_to


def _year(request: Request) -> int | None:
    raw = request.query_params.get("year", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) == 4 else None


class RatingSerializer(serializers.ModelSerializer):
    nominee_name = serializers.CharField(source="nominee.name", read_only=True)
    unit = serializers.IntegerField(source="nominee.unit_id", read_only=True, allow_null=True)
    unit_name = serializers.CharField(source="nominee.unit.name", read_only=True, allow_null=True)
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)

    class Meta:
        model = AnnualRating
        fields = [
            "id",
            "nominee",
            "nominee_name",
            "unit",
            "unit_name",
            "year",
            "rating",
            "rating_label",
            "discipline",
            "discipline_source",
        ]


class RatingViewSet(SelectorViewSet):
    """Ratings the caller sees; ``?year=`` and ``?unit=`` filter."""

    queryset = AnnualRating.objects.none()  # for the schema only: the selectors are what run
    serializer_class = RatingSerializer
    permission_classes = [IsAuthenticated]

    def list(self, request: Request) -> Response:
        rows = ratings_visible_to(request.user).select_related("nominee", "nominee__unit")
        year = _year(request)
        if year:
            rows = rows.filter(year=year)
        unit = request.query_params.get("unit", "")
        if unit.isascii() and unit.isdigit() and len(unit) < 12:
            rows = rows.filter(nominee__unit_id=int(unit))
        page = self.paginate_queryset(rows.order_by("-year", "nominee__search_key", "pk"))
        return self.get_paginated_response(RatingSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        row = (
            ratings_visible_to(request.user)
            .select_related("nominee", "nominee__unit")
            .filter(pk=path_id(pk))
            .first()
        )
        if row is None:
            raise NotFound()
        return Response(RatingSerializer(row).data)


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Nominee
        fields = ["id", "name"]


class InitiativeSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    authors = AuthorSerializer(source="nominees", many=True, read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "kind",
            "title",
            "year",
            "level",
            "recognised_by",
            "decision_number",
            "decision_date",
            "unit",
            "unit_name",
            "authors",
        ]


class InitiativeViewSet(SelectorViewSet):
    """Initiatives and research the caller sees; ``?year=`` and ``?level=`` filter."""

    queryset = Initiative.objects.none()
    serializer_class = InitiativeSerializer
    permission_classes = [IsAuthenticated]

    def _rows(self, request: Request) -> QuerySet[Initiative]:
        return (
            initiatives_visible_to(request.user).select_related("unit").prefetch_related("nominees")
        )

    def list(self, request: Request) -> Response:
        rows = self._rows(request)
        year = _year(request)
        if year:
            rows = rows.filter(year=year)
        level = request.query_params.get("level", "")
        if level:
            rows = rows.filter(level=level[:16])
        page = self.paginate_queryset(rows.order_by("-year", "title", "pk"))
        return self.get_paginated_response(InitiativeSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        item = self._rows(request).filter(pk=path_id(pk)).first()
        if item is None:
            raise NotFound()
        return Response(InitiativeSerializer(item).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("ratings", RatingViewSet, basename="rating")
    router.register("initiatives", InitiativeViewSet, basename="initiative")
