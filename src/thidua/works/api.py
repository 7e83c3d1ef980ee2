"""API of works: the register, one work, registration, the workflow, progress, changes.

Reads start from ``works.selectors`` (``work_list``, ``work_detail``, ``approval_queue``,
``works_visible_to``), so the API and the pages agree on who sees what; a work out of
reach answers 404 like a missing one. Every write goes through ``works.services``: the
domain's refusals come back as 400 (403 for the wrong person) from ``api/kit/errors.py``,
and look-alike titles as 409 with the matches, so a client can show them and resend.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.api.kit.viewsets import AnyAccept, SelectorViewSet, path_id
from thidua.core.files import stored_file_response
from thidua.core.paging import IdsFirst
from thidua.works import api_schema, services
from thidua.works.models import ChangeRequest, Evidence, EvidenceKind, Work
from thidua.works.selectors import (
    WorkFilters,
    approval_queue,
    work_detail,
    work_list,
    works_visible_to,
)
from thidua.works.serializers import (
    CancelSerializer,
    ChangeRequestInputSerializer,
    ChangeRequestSerializer,
    CompleteSerializer,
    NoteSerializer,
    ProgressInputSerializer,
    ProgressUpdateSerializer,
    ReturnSerializer,
    WorkDetailSerializer,
    WorkFilterSerializer,
    WorkInputSerializer,
    WorkSerializer,
    WorkUpdateSerializer,
)

#: What a list item shows besides the work itself (one join each, no query per row).
ITEM_RELATED = (
    "unit",
    "registrant_unit",
    "approver_unit",
    "campaign",
    "content_area",
    "phase",
    "place",
)


def _filters(request: Request) -> WorkFilters:
    """The list's query parameters, checked: a bad value is a 400, never a 500."""
    serializer = WorkFilterSerializer(data=request.query_params.dict())
    serializer.is_valid(raise_exception=True)
    return WorkFilters(**serializer.validated_data)


def _current_data(work: Work) -> services.WorkData:
    """What the work states now, as the service's input (a PATCH changes some of it)."""
    many = ("targets", "cooperating_units")
    values = {
        f.name: getattr(work, f.name)
        for f in dataclasses.fields(services.WorkData)
        if f.name not in many
    }
    values.update({name: list(getattr(work, name).all()) for name in many})
    return services.WorkData(**values)


def _similar(exc: services.SimilarWorks) -> Response:
    matches = [
        {"title": title, "source": source, "score": score, "work_id": pk}
        for score, title, source, pk in exc.matches
    ]
    body = {"detail": exc.message, "code": exc.code, "errors": {}, "matches": matches}
    return Response(body, status=status.HTTP_409_CONFLICT)


@api_schema.WORK_VIEWSET
class WorkViewSet(SelectorViewSet):
    """Works visible to the user; every change through ``works.services``."""

    queryset = Work.objects.none()  # for the schema only: the selectors are what run
    serializer_class = WorkSerializer

    def _work(self, pk: Any) -> Work:
        try:
            return (
                works_visible_to(self.request.user)
                .select_related(*ITEM_RELATED)
                .get(pk=path_id(pk))
            )
        except Work.DoesNotExist as exc:
            raise NotFound() from exc

    def _item(self, pk: int) -> dict[str, Any]:
        return WorkSerializer(self._work(pk), context=self.get_serializer_context()).data

    def _page(self, works: QuerySet[Work] | IdsFirst[Work]) -> Response:
        # DRF's stubs ask for a QuerySet; its paginator only counts and slices (IdsFirst does).
        page = self.paginate_queryset(works)  # type: ignore[arg-type]
        rows = WorkSerializer(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(rows)

    def list(self, request: Request) -> Response:
        works = work_list(request.user, _filters(request), today=self.today)
        return self._page(IdsFirst(works.select_related("registrant_unit")))

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        try:
            work = work_detail(request.user, path_id(pk))
        except Work.DoesNotExist as exc:
            raise NotFound() from exc
        return Response(WorkDetailSerializer(work, context=self.get_serializer_context()).data)

    def create(self, request: Request) -> Response:
        serializer = WorkInputSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        campaign, unit = values.pop("campaign"), values.pop("unit")
        confirm = values.pop("confirm_similar", False)
        try:
            work = services.work_create(
                actor=request.user,
                campaign=campaign,
                unit=unit,
                data=services.WorkData(**values),
                confirm_similar=confirm,
            )
        except services.SimilarWorks as exc:
            return _similar(exc)
        return Response(self._item(work.pk), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        work = self._work(pk)
        context = {**self.get_serializer_context(), "work": work}
        serializer = WorkUpdateSerializer(data=request.data, partial=True, context=context)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        confirm = values.pop("confirm_similar", False)
        for name in ("campaign", "unit"):
            values.pop(name, None)
        data = dataclasses.replace(_current_data(work), **values)
        try:
            services.work_update(actor=request.user, work=work, data=data, confirm_similar=confirm)
        except services.SimilarWorks as exc:
            return _similar(exc)
        return Response(self._item(work.pk))

    # --- The workflow: each action is one service call, answered with the updated item.

    def _act(
        self,
        pk: Any,
        call: Callable[..., Work],
        body: type[serializers.Serializer] | None = None,
    ) -> Response:
        work = self._work(pk)
        values: dict[str, Any] = {}
        if body is not None:
            serializer = body(data=self.request.data)
            serializer.is_valid(raise_exception=True)
            values = dict(serializer.validated_data)
        call(actor=self.request.user, work=work, **values)
        return Response(self._item(work.pk))

    @api_schema.transition_schema(
        _("Gửi duyệt"), _("Đơn vị gửi công trình nháp (hoặc đã sửa) lên cấp duyệt.")
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_submit)

    @api_schema.transition_schema(
        _("Duyệt"), _("Cấp duyệt chấp thuận công trình đã gửi; đơn vị được báo."), NoteSerializer
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_approve, NoteSerializer)

    @api_schema.transition_schema(
        _("Trả lại"), _("Cấp duyệt trả lại, ghi lý do và nội dung cần sửa."), ReturnSerializer
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_work(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_return, ReturnSerializer)

    @api_schema.transition_schema(_("Bắt đầu thực hiện"), _("Đơn vị bắt đầu công trình đã duyệt."))
    @action(detail=True, methods=["post"])
    def start(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_start)

    @api_schema.transition_schema(
        _("Hoàn thành"),
        _("Đơn vị báo hoàn thành vào ngày thực tế (không sau hôm nay)."),
        CompleteSerializer,
    )
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_complete, CompleteSerializer)

    @api_schema.transition_schema(
        _("Hủy"),
        _("Hủy kèm lý do: đơn vị trước khi duyệt, cấp duyệt sau khi duyệt."),
        CancelSerializer,
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.work_cancel, CancelSerializer)

    @api_schema.PROGRESS
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, JSONParser])
    def progress(self, request: Request, pk: str | None = None) -> Response:
        work = self._work(pk)
        data: dict[str, Any] = {
            name: request.data[name]
            for name in ("on", "percent", "narrative")
            if name in request.data
        }
        data["files"] = request.FILES.getlist("files") + request.FILES.getlist("files[]")
        serializer = ProgressInputSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        update = services.progress_add(actor=request.user, work=work, **serializer.validated_data)
        context = self.get_serializer_context()
        return Response(ProgressUpdateSerializer(update, context=context).data, status=201)

    @api_schema.CHANGE_REQUEST
    @action(detail=True, methods=["post"], url_path="change-requests", url_name="change-requests")
    def change_requests(self, request: Request, pk: str | None = None) -> Response:
        work = self._work(pk)
        serializer = ChangeRequestInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.change_request_create(
            actor=request.user, work=work, **serializer.validated_data
        )
        return Response(ChangeRequestSerializer(created).data, status=status.HTTP_201_CREATED)

    @api_schema.APPROVAL_QUEUE
    @action(detail=False, methods=["get"], url_path="approval-queue", url_name="approval-queue")
    def queue(self, request: Request) -> Response:
        return self._page(IdsFirst(approval_queue(request.user).select_related(*ITEM_RELATED)))

    @api_schema.EVIDENCE
    @action(
        detail=True,
        methods=["get"],
        url_path=r"evidence/(?P<evidence_id>[0-9]+)",
        url_name="evidence",
        content_negotiation_class=AnyAccept,
    )
    def evidence(
        self, request: Request, pk: str | None = None, evidence_id: str | None = None
    ) -> FileResponse:
        work = self._work(pk)
        item = Evidence.objects.filter(update__work=work, pk=path_id(evidence_id)).first()
        if item is None:
            raise NotFound()
        return stored_file_response(
            item.file,
            content_type=item.content_type,
            as_attachment=item.kind != EvidenceKind.PHOTO,
            filename=item.original_name,
        )


class ChangeRequestViewSet(SelectorViewSet):
    """The approver's decision on a change request of a work they can see."""

    queryset = ChangeRequest.objects.none()  # for the schema only
    serializer_class = ChangeRequestSerializer

    def _decide(self, pk: Any, *, accept: bool) -> Response:
        visible = works_visible_to(self.request.user)
        try:
            pending = ChangeRequest.objects.select_related("work").get(
                pk=path_id(pk), work__in=visible
            )
        except ChangeRequest.DoesNotExist as exc:
            raise NotFound() from exc
        serializer = NoteSerializer(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        decided = services.change_request_decide(
            actor=self.request.user,
            request=pending,
            accept=accept,
            note=serializer.validated_data["note"],
        )
        return Response(ChangeRequestSerializer(decided).data)

    @api_schema.CHANGE_ACCEPT
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(pk, accept=True)

    @api_schema.CHANGE_REJECT
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        return self._decide(pk, accept=False)


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("works", WorkViewSet, basename="work")
    router.register("change-requests", ChangeRequestViewSet, basename="change-request")
