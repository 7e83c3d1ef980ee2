"""API of reviews: ``/api/v1/phase-reviews/`` — the reviews the caller sees (Ban TĐKT,
leaders), with their report's SHA-256 and ``/report/`` to download the DOCX."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import FileResponse
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import AnyAccept, SelectorViewSet, path_id
from thidua.core.files import stored_file_response
from thidua.reviews.models import PhaseReview
from thidua.reviews.selectors import review_list, reviews_visible_to

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class PhaseReviewSerializer(serializers.ModelSerializer):
    campaign = serializers.CharField(source="campaign.doc_number", read_only=True)
    phase = serializers.SerializerMethodField()
    works_to_commend: serializers.Field = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )
    works_to_publicise: serializers.Field = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )

    class Meta:
        model = PhaseReview
        fields = [
            "id",
            "campaign",
            "phase",
            "kind",
            "held_on",
            "state",
            "works_to_commend",
            "works_to_publicise",
            "report_sha256",
            "report_generated_at",
            "issued_at",
        ]

    def get_phase(self, obj: PhaseReview) -> str | None:
        return obj.phase.name if obj.phase else None


class PhaseReviewViewSet(SelectorViewSet):
    """Phase reviews visible to the caller (read-only)."""

    queryset = PhaseReview.objects.none()  # for the schema only
    serializer_class = PhaseReviewSerializer

    def _rows(self) -> QuerySet[PhaseReview]:
        return review_list(self.request.user).prefetch_related(
            "works_to_commend", "works_to_publicise"
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self._rows())
        return self.get_paginated_response(PhaseReviewSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        review = self._rows().filter(pk=path_id(pk)).first()
        if review is None:
            raise NotFound()
        return Response(PhaseReviewSerializer(review).data)

    @action(detail=True, methods=["get"], content_negotiation_class=AnyAccept)
    def report(self, request: Request, pk: str | None = None) -> FileResponse:
        review = reviews_visible_to(request.user).filter(pk=path_id(pk)).first()
        if review is None or not review.report:
            raise NotFound()
        return stored_file_response(
            review.report,
            content_type=DOCX,
            filename=review.report.name.rsplit("/", 1)[-1],
            as_attachment=True,
        )


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("phase-reviews", PhaseReviewViewSet, basename="phase-review")
