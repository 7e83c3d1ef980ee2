"""API of awards: nominations (list, detail with checks, workflow actions) and nominee
search. Reads start from ``awards.selectors`` (a nomination out of reach answers 404 like
a missing one); every write goes through ``awards.services`` (refusals are 400 or 403
from ``api/kit/errors.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.viewsets import SelectorViewSet, checked, path_id
from thidua.awards import services
from thidua.awards.eligibility import check_nominations
from thidua.awards.models import Nomination, Nominee
from thidua.awards.selectors import (
    NominationFilters,
    nomination_detail,
    nomination_list,
)
from thidua.awards.serializers import (
    CheckedNominationSerializer,
    CheckSerializer,
    NominationDetailSerializer,
    NominationListQuerySerializer,
    NominationNoteSerializer,
    NominationReasonSerializer,
    NominationSerializer,
    NomineeSearchSerializer,
    NomineeSerializer,
)
from thidua.core.paging import IdsFirst


def _action_schema(summary: Any, body: type[serializers.Serializer] | None = None) -> Any:
    return extend_schema(
        summary=summary,
        request=body,
        responses={200: NominationSerializer, **error_responses(400, 401, 403, 404)},
        tags=["awards"],
    )


class NominationViewSet(SelectorViewSet):
    """Nominations the user may see; every step through ``awards.services``."""

    queryset = Nomination.objects.none()  # for the schema only: the selectors run
    serializer_class = NominationSerializer

    def _detail(self, pk: Any) -> Nomination:
        try:
            return nomination_detail(self.request.user, path_id(pk))
        except Http404 as exc:
            raise NotFound() from exc

    @extend_schema(
        summary=_("Danh sách đề nghị khen thưởng"),
        parameters=[NominationListQuerySerializer],
        responses={200: CheckedNominationSerializer(many=True), **error_responses(400, 401)},
        tags=["awards"],
    )
    def list(self, request: Request) -> Response:
        query = checked(NominationListQuerySerializer, request.query_params.dict())
        with_checks = query.pop("checks", False)
        nominations = nomination_list(request.user, NominationFilters(**query))
        # The page's ids are found on the nomination table alone, then its rows are read
        # with what they show: joined before the LIMIT, PostgreSQL walked the newest
        # nominations of the country to find a commune's fifty (issue #16).
        # DRF's stubs ask for a QuerySet; its paginator only counts and slices (IdsFirst does).
        page: list[Nomination] | None = self.paginate_queryset(IdsFirst(nominations))  # type: ignore[arg-type]
        items: list[Nomination] = list(page or [])
        data = NominationSerializer(items, many=True).data
        if with_checks:
            # The page's items checked together: a fixed number of queries (issue #16).
            results = check_nominations(items, today=self.today)
            for item, checks in zip(data, results, strict=True):
                item["checks"] = CheckSerializer(checks, many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary=_("Một đề nghị khen thưởng, với hồ sơ và kết quả kiểm tra điều kiện"),
        responses={200: NominationDetailSerializer, **error_responses(401, 404)},
        tags=["awards"],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        nomination = self._detail(pk)
        context = self.get_serializer_context()
        return Response(NominationDetailSerializer(nomination, context=context).data)

    def _act(
        self,
        pk: Any,
        call: Callable[..., Nomination],
        body: type[serializers.Serializer] | None = None,
    ) -> Response:
        nomination = self._detail(pk)
        values = checked(body, self.request.data) if body is not None else {}
        call(nomination, by=self.request.user, **values)
        return Response(NominationSerializer(self._detail(nomination.pk)).data)

    @_action_schema(_("Gửi đề nghị (thủ trưởng đơn vị)"))
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_submit)

    @_action_schema(_("Bắt đầu thẩm định"))
    @action(detail=True, methods=["post"], url_path="review-start", url_name="review-start")
    def review_start(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_review_start)

    @_action_schema(_("Trả lại để bổ sung"), NominationReasonSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_nomination(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_return, NominationReasonSerializer)

    @_action_schema(_("Trình Hội đồng"))
    @action(detail=True, methods=["post"], url_path="send-to-council", url_name="send-to-council")
    def send_to_council(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_send_to_council)

    @_action_schema(_("Ghi nhận đồng ý"), NominationNoteSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_approve, NominationNoteSerializer)

    @_action_schema(_("Ghi nhận không đồng ý"), NominationNoteSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_reject, NominationNoteSerializer)

    @_action_schema(_("Rút đề nghị"), NominationReasonSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.nomination_withdraw, NominationReasonSerializer)


class NomineeViewSet(SelectorViewSet):
    """Nominee search, with or without diacritics."""

    queryset = Nominee.objects.none()  # for the schema only
    serializer_class = NomineeSerializer

    @extend_schema(
        summary=_("Tìm đối tượng khen thưởng"),
        parameters=[NomineeSearchSerializer],
        responses={200: NomineeSerializer(many=True), **error_responses(400, 401)},
        tags=["awards"],
    )
    def list(self, request: Request) -> Response:
        query = checked(NomineeSearchSerializer, request.query_params.dict())["q"]
        page = self.paginate_queryset(services.nominee_search(request.user, query))
        return self.get_paginated_response(NomineeSerializer(page, many=True).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("nominations", NominationViewSet, basename="nomination")
    router.register("nominees", NomineeViewSet, basename="nominee")
