"""API of plan import: ``/api/v1/plan-imports/``.

``POST`` a plan file (multipart, field ``file``) → the draft with its data, the source line
and confidence of each field, and the fields the text does not state (201). ``GET`` lists
the visible drafts (without their text) and one draft in full. Reads start from
``drafts_visible_to`` (a hidden draft is a 404, as a missing one); the write goes through
``services.draft_create``, so a broken file is a 400 with a Vietnamese ``detail`` and
leaves no draft, and a user who may not import gets a 403.
"""

from __future__ import annotations

import builtins
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import SelectorViewSet, path_id
from thidua.core.errors import DomainError, NotPermitted
from thidua.plan_import import fields as f
from thidua.plan_import import services
from thidua.plan_import.models import ImportDraft
from thidua.plan_import.reading import max_bytes
from thidua.plan_import.rules import can_import_plan
from thidua.plan_import.selectors import draft_detail, draft_list


class DraftSerializer(serializers.ModelSerializer):
    """A draft in a list: what it is, who made it, where it stands."""

    created_by = serializers.CharField(source="created_by.username", read_only=True)
    campaign = serializers.SerializerMethodField()
    document_number = serializers.CharField(read_only=True)

    class Meta:
        model = ImportDraft
        fields = [
            "id",
            "file_name",
            "file_size",
            "sha256",
            "document_number",
            "status",
            "campaign",
            "created_by",
            "created_at",
            "extract_ms",
        ]

    def get_campaign(self, draft: ImportDraft) -> dict[str, Any] | None:
        if draft.campaign is None:
            return None
        return {"id": draft.campaign.pk, "code": draft.campaign.code}


class DraftDetailSerializer(DraftSerializer):
    """A draft in full: the extraction and the decisions on its fields."""

    fields_to_review = serializers.SerializerMethodField()

    class Meta(DraftSerializer.Meta):
        fields = [
            *DraftSerializer.Meta.fields,
            "data",
            "sources",
            "missing",
            "unrecognised",
            "warnings",
            "suggestions",
            "review",
            "lines",
            "fields_to_review",
        ]

    def get_fields_to_review(self, draft: ImportDraft) -> list[dict[str, Any]]:
        rows = f.draft_fields(draft)
        return [
            {
                "path": row.path,
                "value": row.value,
                "state": row.state,
                "missing": row.missing,
                "unrecognised": row.unrecognised,
                "where": row.where,
                "required": row.required,
                "line": row.line,
                "confidence": row.confidence,
            }
            for row in rows
        ]


class PlanImportViewSet(SelectorViewSet):
    """Plan drafts: upload one, list the visible ones, read one."""

    serializer_class = DraftSerializer
    queryset = ImportDraft.objects.none()  # for the schema only: the selectors run

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(draft_list(request.user))
        return self.get_paginated_response(DraftSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        try:
            draft = draft_detail(request.user, path_id(pk))
        except ImportDraft.DoesNotExist:
            raise NotFound() from None
        return Response(DraftDetailSerializer(draft).data)

    @extend_schema(
        request=inline_serializer(
            "PlanUpload", fields={"file": serializers.FileField(help_text="DOCX, PDF, TXT")}
        ),
        responses={201: DraftDetailSerializer},
    )
    def create(self, request: Request) -> Response:
        if not can_import_plan(request.user):
            raise NotPermitted(_("Chỉ Ban Thi đua - Khen thưởng được nhập kế hoạch."))
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise DomainError(_("Hãy gửi tệp kế hoạch trong trường “file”."), code="file_missing")
        if uploaded.size and uploaded.size > max_bytes():
            raise DomainError(
                _("Tệp quá lớn: chỉ nhận kế hoạch đến %(limit)s MB.")
                % {"limit": max_bytes() // (1024 * 1024)},
                code="file_too_large",
            )
        draft = services.draft_create(
            actor=request.user, content=uploaded.read(), file_name=uploaded.name or "ke-hoach"
        )
        return Response(DraftDetailSerializer(draft).data, status=status.HTTP_201_CREATED)

    def get_parsers(self) -> builtins.list[Any]:
        # The schema generator asks before any request is attached to the view.
        request = getattr(self, "request", None)
        posting = request is not None and request.method == "POST"
        if getattr(self, "action", None) == "create" or posting:
            return [MultiPartParser()]
        return super().get_parsers()


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("plan-imports", PlanImportViewSet, basename="plan-import")
