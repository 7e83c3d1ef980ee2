"""API of scoring: criteria sets, score sheets (by visibility), published rankings.

Read-only; rows come from the selectors, so the API and the pages agree on who sees
what. A sheet out of reach answers 404 like a missing one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.organisations.models import EmulationGroup, Unit
from thidua.scoring.models import CriteriaSet, Criterion, Ranking, RankingRow, Score, ScoreSheet
from thidua.scoring.selectors import (
    criteria_sets_visible_to,
    published_rankings,
    score_sheets_visible_to,
    with_totals,
)


class _UnitRef(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class _GroupRef(serializers.ModelSerializer):
    class Meta:
        model = EmulationGroup
        fields = ["id", "code", "name", "kind", "year"]


class CriterionSerializer(serializers.ModelSerializer):
    group = serializers.CharField(source="group.code", read_only=True)

    class Meta:
        model = Criterion
        fields = [
            "id", "group", "code", "text", "max_points", "kind", "source", "effect",
            "evidence_required", "added_by_campaign",
        ]  # fmt: skip


class CriteriaSetSerializer(serializers.ModelSerializer):
    group = _GroupRef(read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = CriteriaSet
        fields = [
            "id", "group", "year", "campaign", "title", "state", "tie_break_rules",
            "tie_break_keys", "gap_threshold_percent", "flag_count", "merit_count", "criteria",
        ]  # fmt: skip


class ScoreSerializer(serializers.ModelSerializer):
    criterion = serializers.CharField(source="criterion.code", read_only=True)
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Score
        fields = [
            "criterion", "self_points", "self_note", "computed_value", "computed_detail",
            "reviewed_points", "review_note", "has_evidence",
        ]  # fmt: skip

    def get_has_evidence(self, score: Score) -> bool:
        return bool(score.evidence)


class ScoreSheetSerializer(serializers.ModelSerializer):
    unit = _UnitRef(read_only=True)
    criteria_set: serializers.PrimaryKeyRelatedField[CriteriaSet] = (
        serializers.PrimaryKeyRelatedField(read_only=True)
    )
    group = _GroupRef(source="criteria_set.group", read_only=True)
    self_total = serializers.DecimalField(max_digits=9, decimal_places=2, read_only=True)
    reviewed_total = serializers.DecimalField(max_digits=9, decimal_places=2, read_only=True)
    scores = ScoreSerializer(many=True, read_only=True)

    class Meta:
        model = ScoreSheet
        fields = [
            "id", "criteria_set", "group", "unit", "state", "return_reason", "submitted_at",
            "reviewed_at", "confirmed_at", "self_total", "reviewed_total", "scores",
        ]  # fmt: skip


class RankingRowSerializer(serializers.ModelSerializer):
    unit = _UnitRef(read_only=True)

    class Meta:
        model = RankingRow
        fields = ["unit", "rank", "total", "proposal"]


class RankingSerializer(serializers.ModelSerializer):
    group = _GroupRef(source="criteria_set.group", read_only=True)
    year = serializers.IntegerField(source="criteria_set.year", read_only=True)
    rows = RankingRowSerializer(many=True, read_only=True)

    class Meta:
        model = Ranking
        fields = ["id", "group", "year", "published_at", "rows"]


@extend_schema_view(list=extend_schema(summary="Bảng tiêu chí chấm điểm cụm, khối"))
class CriteriaSetViewSet(SelectorViewSet):
    """Criteria sets of the groups the user sees, with their criteria."""

    queryset = CriteriaSet.objects.none()
    serializer_class = CriteriaSetSerializer

    def _sets(self) -> QuerySet[CriteriaSet]:
        criteria = Criterion.objects.select_related("group").order_by("group__position", "position")
        return (
            criteria_sets_visible_to(self.request.user)
            .select_related("group")
            .prefetch_related(Prefetch("criteria", queryset=criteria))
            .order_by("-year", "group__kind", "group__code", "pk")
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self._sets())
        return self.get_paginated_response(CriteriaSetSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        found = self._sets().filter(pk=path_id(pk)).first()
        if found is None:
            raise NotFound()
        return Response(CriteriaSetSerializer(found).data)


@extend_schema_view(list=extend_schema(summary="Phiếu chấm điểm (theo quyền xem)"))
class ScoreSheetViewSet(SelectorViewSet):
    """Score sheets the user may see: their unit's, their group's as cluster leader, the
    province's for the Ban TĐKT. ``?set=<id>`` narrows to one criteria set."""

    queryset = ScoreSheet.objects.none()
    serializer_class = ScoreSheetSerializer

    def _sheets(self) -> QuerySet[ScoreSheet]:
        scores = Score.objects.select_related("criterion").order_by(
            "criterion__group__position", "criterion__position", "pk"
        )
        sheets = with_totals(score_sheets_visible_to(self.request.user))
        raw = self.request.query_params.get("set", "")
        if raw:
            sheets = sheets.filter(criteria_set_id=path_id(raw))
        return (
            sheets.select_related("unit", "criteria_set__group")
            .prefetch_related(Prefetch("scores", queryset=scores))
            .order_by("-criteria_set__year", "criteria_set__group__code", "unit__code", "pk")
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self._sheets())
        return self.get_paginated_response(ScoreSheetSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        found = self._sheets().filter(pk=path_id(pk)).first()
        if found is None:
            raise NotFound()
        return Response(ScoreSheetSerializer(found).data)


@extend_schema_view(list=extend_schema(summary="Kết quả xếp hạng đã công bố"))
class RankingViewSet(SelectorViewSet):
    """Published rankings (public fields): group, year, rows with unit, total, rank,
    proposal. ``?year=2025`` narrows to one year."""

    queryset = Ranking.objects.none()
    serializer_class = RankingSerializer

    def _rankings(self) -> QuerySet[Ranking]:
        raw = self.request.query_params.get("year", "")
        year = int(raw) if raw.isascii() and raw.isdigit() and len(raw) == 4 else None
        return published_rankings(year=year)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self._rankings())
        return self.get_paginated_response(RankingSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        found = self._rankings().filter(pk=path_id(pk)).first()
        if found is None:
            raise NotFound()
        return Response(RankingSerializer(found).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("criteria-sets", CriteriaSetViewSet, basename="criteria-set")
    router.register("score-sheets", ScoreSheetViewSet, basename="score-sheet")
    router.register("rankings", RankingViewSet, basename="ranking")
