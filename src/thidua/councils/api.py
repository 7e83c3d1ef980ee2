"""API of councils: sessions with their agenda and results, read-only.

Reads start from ``sessions_visible_to`` (a session out of reach answers 404 like a
missing one). Results are counts, filled when the session closes; while it is planned or
open the agenda shows no counts, and a secret ballot is never more than its counts.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.councils.models import (
    AgendaItem,
    Council,
    CouncilMember,
    CouncilSeat,
    CouncilSession,
    SessionState,
)
from thidua.councils.roster import council_detail, council_list
from thidua.councils.selectors import session_detail, session_list


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = CouncilMember
        fields = ["id", "name", "position", "role", "attendance"]


class AgendaItemSerializer(serializers.ModelSerializer):
    nominee = serializers.CharField(source="nomination.nominee.name")
    form = serializers.CharField(source="nomination.form.name")
    proposer_unit = serializers.CharField(source="nomination.proposer_unit.name")
    result = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "order",
            "nomination",
            "nominee",
            "form",
            "proposer_unit",
            "secret_ballot",
            "threshold",
            "over_all_members",
            "result",
        ]

    def get_result(self, item: AgendaItem) -> dict[str, Any] | None:
        """Counts only, and only once the session is closed."""
        if item.session.state != SessionState.CLOSED:
            return None
        return {
            "yes": item.yes_count,
            "no": item.no_count,
            "abstain": item.abstain_count,
            "base": item.base_count,
            "passed": item.passed,
            "outcome": item.outcome,
            "note": item.outcome_note,
        }


class SeatSerializer(serializers.ModelSerializer):
    class Meta:
        model = CouncilSeat
        fields = ["id", "name", "position", "role", "valid_from", "valid_to"]


class CouncilSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code")
    unit_name = serializers.CharField(source="unit.name")
    seats = SeatSerializer(many=True)

    class Meta:
        model = Council
        fields = [
            "id",
            "name",
            "unit",
            "unit_name",
            "term_from",
            "term_to",
            "decision_number",
            "decision_date",
            "decision_signer",
            "quorum_share",
            "quorum_basis",
            "seats",
        ]


class CouncilViewSet(SelectorViewSet):
    """Standing councils the user may see, each with the seats of its roster."""

    queryset = Council.objects.none()  # for the schema only: the selectors run
    serializer_class = CouncilSerializer

    @extend_schema(
        summary=_("Danh sách Hội đồng thường trực"),
        description=_(
            "Các Hội đồng Thi đua - Khen thưởng thường trực người dùng được xem, mỗi Hội "
            "đồng kèm mọi ghế trong nhiệm kỳ (từ ngày, đến ngày)."
        ),
        responses={200: CouncilSerializer(many=True), **error_responses(401)},
        tags=["councils"],
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(council_list(request.user))
        return self.get_paginated_response(CouncilSerializer(page, many=True).data)

    @extend_schema(
        summary=_("Một Hội đồng thường trực"),
        responses={200: CouncilSerializer, **error_responses(401, 404)},
        tags=["councils"],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        try:
            council = council_detail(request.user, path_id(pk))
        except Council.DoesNotExist as exc:
            raise NotFound() from exc
        return Response(CouncilSerializer(council).data)


class SessionSerializer(serializers.ModelSerializer):
    campaign = serializers.CharField(source="campaign.code")
    council = serializers.IntegerField(source="council_id", allow_null=True, read_only=True)
    phase = serializers.CharField(source="phase.code", default=None)
    member_count = serializers.IntegerField()
    item_count = serializers.IntegerField()

    class Meta:
        model = CouncilSession
        fields = [
            "id",
            "title",
            "council",
            "council_name",
            "campaign",
            "phase",
            "date",
            "place",
            "state",
            "quorum_share",
            "member_count",
            "item_count",
        ]


class SessionDetailSerializer(SessionSerializer):
    members = MemberSerializer(many=True)
    agenda = AgendaItemSerializer(many=True, source="items")
    member_count = serializers.SerializerMethodField()  # type: ignore[assignment]
    item_count = serializers.SerializerMethodField()  # type: ignore[assignment]

    class Meta(SessionSerializer.Meta):
        fields = [*SessionSerializer.Meta.fields, "members", "agenda"]

    def get_member_count(self, session: CouncilSession) -> int:
        return len(session.members.all())

    def get_item_count(self, session: CouncilSession) -> int:
        return len(session.items.all())


class CouncilSessionViewSet(SelectorViewSet):
    """Council sessions the user may see, with their agenda results."""

    queryset = CouncilSession.objects.none()  # for the schema only: the selectors run
    serializer_class = SessionSerializer

    @extend_schema(
        summary=_("Danh sách phiên họp Hội đồng"),
        description=_("Các phiên họp Hội đồng Thi đua - Khen thưởng người dùng được xem."),
        responses={200: SessionSerializer(many=True), **error_responses(401)},
        tags=["councils"],
    )
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(session_list(request.user))
        return self.get_paginated_response(SessionSerializer(page, many=True).data)

    @extend_schema(
        summary=_("Một phiên họp Hội đồng"),
        description=_(
            "Thành viên, điểm danh và nội dung xét; kết quả (số phiếu, đạt hay không) có "
            "sau khi phiên họp kết thúc. Không bao giờ cho biết ai bỏ phiếu kín thế nào."
        ),
        responses={200: SessionDetailSerializer, **error_responses(401, 404)},
        tags=["councils"],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        try:
            session = session_detail(request.user, path_id(pk))
        except CouncilSession.DoesNotExist as exc:
            raise NotFound() from exc
        for item in session.items.all():
            item.session = session  # the prefetched rows share the session (no query each)
        return Response(SessionDetailSerializer(session).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("council-sessions", CouncilSessionViewSet, basename="council-session")
    router.register("councils", CouncilViewSet, basename="council")
