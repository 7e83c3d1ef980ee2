"""API of proposals to higher levels: ``/api/v1/proposals/`` — read-only, the proposals
``proposals_visible_to`` gives (the province's Ban TĐKT, leaders and council members;
nothing for a unit or a visitor). The workflow is on the pages."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.higher_awards.models import Objection, Proposal, ProposalEntry, ProposalState
from thidua.higher_awards.selectors import proposal_list, proposals_visible_to, with_entries


class ProposalEntrySerializer(serializers.ModelSerializer):
    nominee = serializers.CharField(source="nominee.name", read_only=True)
    unit = serializers.SerializerMethodField()
    form = serializers.CharField(source="form.code", read_only=True)
    form_name = serializers.CharField(source="form.name", read_only=True)
    has_report = serializers.SerializerMethodField()

    class Meta:
        model = ProposalEntry
        fields = [
            "id",
            "nominee",
            "unit",
            "form",
            "form_name",
            "achievement",
            "btv_managed",
            "vote_yes",
            "vote_members",
            "btv_opinion",
            "btv_reference",
            "btv_opinion_on",
            "has_report",
        ]

    def get_unit(self, obj: ProposalEntry) -> str | None:
        return obj.nominee.unit.name if obj.nominee.unit else None

    def get_has_report(self, obj: ProposalEntry) -> bool:
        return bool(obj.report)


class ProposalObjectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objection
        fields = [
            "id",
            "entry",
            "received_on",
            "channel",
            "author",
            "content",
            "answer",
            "answered_on",
        ]


class ProposalSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True)
    entries = ProposalEntrySerializer(many=True, read_only=True)
    objections = ProposalObjectionSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "province",
            "year",
            "title",
            "number",
            "state",
            "posted_on",
            "window_closes_on",
            "posting_channel",
            "council_meeting_on",
            "council_record",
            "sent_on",
            "sent_reference",
            "entries",
            "objections",
        ]


class ProposalViewSet(SelectorViewSet):
    """Proposals the caller sees; ``?year=`` and ``?state=`` filter."""

    queryset = Proposal.objects.none()  # for the schema only: the selectors are what run
    serializer_class = ProposalSerializer
    permission_classes = [IsAuthenticated]

    def list(self, request: Request) -> Response:
        state = request.query_params.get("state", "")
        year_text = request.query_params.get("year", "")
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        rows: Any = with_entries(
            proposal_list(
                request.user, year=year, state=state if state in ProposalState.values else ""
            )
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(ProposalSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        proposal = (
            with_entries(proposals_visible_to(request.user))
            .select_related("province")
            .filter(pk=path_id(pk))
            .first()
        )
        if proposal is None:
            raise NotFound()
        return Response(ProposalSerializer(proposal).data)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("proposals", ProposalViewSet, basename="proposal")
