"""API of targets: the targets a user sees, their actual values, their evaluation.

Reads start from ``targets.selectors`` (``targets_visible_to``,
``target_values_visible_to``), so the API and the pages agree on who sees what; a target
out of reach answers 404 like a missing one. Values are written only through
``services.target_value_record``: the domain's refusals come back as 400 (403 for the
wrong person) from ``api/kit/errors.py``. This is how a statistics office pushes figures.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.viewsets import SelectorViewSet, checked, path_id
from thidua.targets import services
from thidua.targets.evaluation import evaluate
from thidua.targets.models import Target, TargetValue
from thidua.targets.selectors import target_values_visible_to, targets_visible_to, with_values
from thidua.targets.serializers import (
    AsOfSerializer,
    EvaluationSerializer,
    TargetFilterSerializer,
    TargetItemSerializer,
    TargetValueFilterSerializer,
    TargetValueInputSerializer,
    TargetValueSerializer,
)


def _checked(serializer_class: type[Any], request: Request) -> dict[str, Any]:
    """Query parameters, checked: a bad value is a 400 naming the parameter, never a 500."""
    return checked(serializer_class, request.query_params.dict())


class TargetValueViewSet(SelectorViewSet):
    """Actual values of the targets the user sees; new ones through the service."""

    queryset = TargetValue.objects.none()  # for the schema only: the selectors are what run
    serializer_class = TargetValueSerializer

    def _rows(self) -> QuerySet[TargetValue]:
        return target_values_visible_to(self.request.user).select_related(
            "target", "unit", "reported_by"
        )

    @extend_schema(
        summary=_("Danh sách số liệu thực hiện chỉ tiêu"),
        description=_(
            "Số liệu của các chỉ tiêu người dùng được xem, theo phong trào, chỉ tiêu và kỳ; "
            "có phân trang và bộ lọc."
        ),
        parameters=[TargetValueFilterSerializer],
        responses={200: TargetValueSerializer(many=True), **error_responses(400, 401)},
        tags=["targets"],
    )
    def list(self, request: Request) -> Response:
        filters = _checked(TargetValueFilterSerializer, request)
        rows = self._rows()
        if "campaign" in filters:
            rows = rows.filter(target__campaign_id=filters["campaign"])
        if "unit" in filters:
            rows = rows.filter(unit_id=filters["unit"])
        raw = filters.get("target", "")
        if raw.isdigit():
            rows = rows.filter(target_id=int(raw))
        elif raw:
            rows = rows.filter(target__code=raw)
        rows = rows.order_by(
            "target__campaign_id", "target__position", "target__code", "period_end", "pk"
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(TargetValueSerializer(page, many=True).data)

    @extend_schema(
        summary=_("Ghi số liệu thực hiện chỉ tiêu"),
        description=_(
            "Ghi (hoặc sửa) số liệu của một chỉ tiêu cho một kỳ, kèm nguồn. Cùng chỉ tiêu và "
            "cùng kỳ thì ghi đè: trả lời 201 khi ghi mới, 200 khi sửa. Ban Thi đua - Khen "
            "thưởng phụ trách phong trào (hoặc chính đơn vị, với chỉ tiêu riêng) mới được ghi."
        ),
        request=TargetValueInputSerializer,
        responses={
            201: TargetValueSerializer,
            200: TargetValueSerializer,
            **error_responses(400, 401, 403),
        },
        tags=["targets"],
    )
    def create(self, request: Request) -> Response:
        serializer = TargetValueInputSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        existed = TargetValue.objects.filter(
            target=values["target"],
            period_start=values["period_start"],
            period_end=values["period_end"],
        ).exists()
        saved = services.target_value_record(actor=request.user, **values)
        row = self._rows().get(pk=saved.pk)
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(TargetValueSerializer(row).data, status=code)


_TARGET_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("Id của chỉ tiêu.")
)


class TargetViewSet(SelectorViewSet):
    """Targets the user sees (the campaigns' and the units' own) and their evaluation."""

    queryset = Target.objects.none()  # for the schema only
    serializer_class = TargetItemSerializer

    @extend_schema(
        summary=_("Danh sách chỉ tiêu"),
        description=_(
            "Chỉ tiêu của các phong trào người dùng được xem: chỉ tiêu chung (unit null) và "
            "chỉ tiêu riêng của các đơn vị trong phạm vi; có phân trang."
        ),
        parameters=[TargetFilterSerializer],
        responses={200: TargetItemSerializer(many=True), **error_responses(400, 401)},
        tags=["targets"],
    )
    def list(self, request: Request) -> Response:
        filters = _checked(TargetFilterSerializer, request)
        targets = targets_visible_to(request.user).select_related("content_area")
        if "campaign" in filters:
            targets = targets.filter(campaign_id=filters["campaign"])
        if "unit" in filters:
            targets = targets.filter(unit_id=filters["unit"])
        # The campaign's own targets first (NULL sorts last on PostgreSQL, first on SQLite).
        unit_first = F("unit_id").asc(nulls_first=True)
        targets = targets.order_by("campaign_id", unit_first, "position", "code", "pk")
        page = self.paginate_queryset(targets)
        return self.get_paginated_response(TargetItemSerializer(page, many=True).data)

    @extend_schema(
        summary=_("Đánh giá chỉ tiêu"),
        description=_(
            "Tình trạng của chỉ tiêu tại một ngày (vượt, đạt, chưa đạt, chưa đủ dữ liệu) theo "
            "loại và phép so sánh của nó, dự báo đến cuối kỳ theo xu hướng, và cảnh báo sớm "
            "khi có nguy cơ không đạt. Chỉ tiêu ngoài phạm vi: 404."
        ),
        parameters=[_TARGET_ID, AsOfSerializer],
        responses={200: EvaluationSerializer, **error_responses(400, 401, 404)},
        tags=["targets"],
    )
    @action(detail=True, methods=["get"])
    def evaluation(self, request: Request, pk: str | None = None) -> Response:
        as_of = _checked(AsOfSerializer, request).get("as_of") or timezone.localdate()
        try:
            target = with_values(targets_visible_to(request.user)).get(pk=path_id(pk))
        except Target.DoesNotExist as exc:
            raise NotFound() from exc
        result = evaluate(target, list(target.values.all()), as_of)
        body = {
            "target": target,
            "as_of": as_of,
            "status": result.status.value,
            "status_label": result.status.label,
            "measured": result.measured,
            "values_used": result.values_used,
            "forecast": result.forecast,
            "forecast_status": result.forecast_status.value,
            "forecast_status_label": result.forecast_status.label,
            "warning": result.warning,
        }
        return Response(EvaluationSerializer(body).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("targets", TargetViewSet, basename="target")
    router.register("target-values", TargetValueViewSet, basename="target-value")
