"""API of periodic reports (báo cáo định kỳ): periods, the reports, drafts and the workflow.

KH 128 section IV.2: units report to Sở Nội vụ (Ban Thi đua - Khen thưởng) every quarter.
Reads start from ``reports.selectors`` (``reports_visible_to``, ``report_list``,
``report_detail``), so the API and the pages agree on who sees what; a report out of
reach answers 404 like a missing one. Every write goes through ``reports.services``:
the domain's refusals come back as 400 (403 for the wrong person) from ``api/kit/errors.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role, reach_of
from thidua.api.kit.errors import ErrorSerializer, error_responses
from thidua.api.kit.viewsets import AnyAccept, SelectorViewSet, checked, path_id
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core.files import stored_file_response
from thidua.reports import services
from thidua.reports.models import ReportAttachment, ReportPeriod, ReportState, UnitReport
from thidua.reports.selectors import (
    period_stats_many,
    report_detail,
    report_list,
    reports_visible_to,
)
from thidua.reports.serializers import (
    AttachmentInputSerializer,
    PeriodFilterSerializer,
    ReportFilterSerializer,
    ReportPeriodSerializer,
    ReportReturnSerializer,
    ReportUpdateSerializer,
    UnitReportDetailSerializer,
    UnitReportSerializer,
)
from thidua.reports.transitions import EDITABLE_STATES

#: Roles that see a period's counts for the whole province (the recipients and readers of
#: the reports: KH 128 IV.2; NĐ 152/2025, Điều 86); others see their own units' reports.
STATS_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)
#: What a report item shows besides the report (one join each, no query per row).
ITEM_RELATED = ("unit", "period", "period__campaign", "confirmed_by")


def _id(description: Any, name: str = "id") -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


_REPORT_ID = _id(_("Id của báo cáo."))


# --- Periods


def _period_stats(user: Any, page: Sequence[ReportPeriod]) -> dict[int, Any] | None:
    """Counts by period for the secretariat and leaders (one query); else ``None``."""
    if not has_role(user, *STATS_ROLES):
        return None
    return period_stats_many(page, today=timezone.localdate())


def _own_reports(user: Any, page: Sequence[ReportPeriod]) -> dict[int, list[UnitReport]]:
    """The reports of the units where the user is an officer or the head (one query)."""
    reach = reach_of(user)
    units = reach.roles.get(Role.UNIT_OFFICER, frozenset()) | reach.roles.get(
        Role.UNIT_HEAD, frozenset()
    )
    if not units or not page:
        return {}
    own: dict[int, list[UnitReport]] = {}
    reports = UnitReport.objects.filter(period__in=page, unit_id__in=sorted(units))
    for report in reports.select_related("unit").order_by("unit__code"):
        own.setdefault(report.period_id, []).append(report)
    return own


@extend_schema_view(
    list=extend_schema(
        summary=_("Kỳ báo cáo định kỳ"),
        description=_(
            "Các kỳ báo cáo (quý) của những phong trào người dùng thấy, với hạn theo quy định "
            "và hạn áp dụng. Ban Thi đua - Khen thưởng và lãnh đạo thấy số đơn vị phải báo "
            "cáo, đã nộp đúng hạn, trễ hạn, chưa nộp và đã tiếp nhận; người khác thấy trạng "
            "thái báo cáo của đơn vị mình."
        ),
        parameters=[PeriodFilterSerializer],
        responses={200: ReportPeriodSerializer(many=True), **error_responses(400, 401)},
        tags=["reports"],
    ),
)
class ReportPeriodViewSet(SelectorViewSet):
    """Periods of the campaigns the user sees; counts only for the province's readers."""

    queryset = ReportPeriod.objects.none()  # for the schema only
    serializer_class = ReportPeriodSerializer

    def list(self, request: Request) -> Response:
        filters = checked(PeriodFilterSerializer, request.query_params.dict())
        campaigns = campaigns_visible_to(request.user).values("pk")
        periods = ReportPeriod.objects.filter(campaign__in=campaigns).select_related("campaign")
        if "campaign" in filters:
            periods = periods.filter(campaign_id=filters["campaign"])
        page = self.paginate_queryset(periods.order_by("campaign_id", "year", "number"))
        assert page is not None  # the view always paginates
        context = {
            **self.get_serializer_context(),
            "stats": _period_stats(request.user, page),
            "own": _own_reports(request.user, page),
        }
        rows = ReportPeriodSerializer(page, many=True, context=context).data
        return self.get_paginated_response(rows)


# --- Reports


def _transition_schema(summary: Any, description: Any, body: Any = None) -> Any:
    return extend_schema(
        summary=summary,
        description=description,
        parameters=[_REPORT_ID],
        request=body,
        responses={200: UnitReportSerializer, **error_responses(400, 401, 403, 404)},
        tags=["reports"],
    )


@extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách báo cáo định kỳ"),
        description=_(
            "Báo cáo của các đơn vị trong phạm vi người dùng, kỳ mới nhất trước rồi theo mã "
            "đơn vị; có phân trang và bộ lọc."
        ),
        parameters=[ReportFilterSerializer],
        responses={200: UnitReportSerializer(many=True), **error_responses(400, 401)},
        tags=["reports"],
    ),
    retrieve=extend_schema(
        summary=_("Chi tiết báo cáo định kỳ"),
        description=_(
            "Báo cáo với tóm tắt, số liệu, số liệu tự động (lần mở đầu tiên lưu ảnh chụp "
            "tiến độ công trình và chỉ tiêu của đơn vị), nội dung theo từng nội dung thi đua, "
            "tệp đính kèm và lịch sử. Ngoài phạm vi: 404."
        ),
        parameters=[_REPORT_ID],
        responses={200: UnitReportDetailSerializer, **error_responses(401, 404)},
        tags=["reports"],
    ),
    partial_update=extend_schema(
        summary=_("Lưu báo cáo (nháp)"),
        description=_(
            "Cán bộ, thủ trưởng đơn vị lưu tóm tắt, số liệu và nội dung theo mã nội dung thi "
            "đua; chỉ gửi phần cần sửa. Báo cáo đã nộp hoặc đã tiếp nhận: 400 “not_editable”."
        ),
        parameters=[_REPORT_ID],
        request=ReportUpdateSerializer,
        responses={200: UnitReportDetailSerializer, **error_responses(400, 401, 403, 404)},
        tags=["reports"],
    ),
)
class UnitReportViewSet(SelectorViewSet):
    """Reports visible to the user; every change through ``reports.services``."""

    queryset = UnitReport.objects.none()  # for the schema only: the selectors are what run
    serializer_class = UnitReportSerializer

    def _report(self, pk: Any) -> UnitReport:
        try:
            return (
                reports_visible_to(self.request.user)
                .select_related(*ITEM_RELATED)
                .get(pk=path_id(pk))
            )
        except UnitReport.DoesNotExist as exc:
            raise NotFound() from exc

    def _detail(self, pk: int) -> dict[str, Any]:
        try:
            report = report_detail(self.request.user, pk)
        except UnitReport.DoesNotExist as exc:
            raise NotFound() from exc
        context = self.get_serializer_context()
        return dict(UnitReportDetailSerializer(report, context=context).data)

    def _item(self, pk: int) -> dict[str, Any]:
        context = self.get_serializer_context()
        return dict(UnitReportSerializer(self._report(pk), context=context).data)

    def _filtered(self, request: Request) -> QuerySet[UnitReport]:
        """The list's query parameters, checked: a bad value is a 400, never a 500."""
        filters = checked(ReportFilterSerializer, request.query_params.dict())
        reports = report_list(request.user, campaign=filters.get("campaign"))
        for name in ("period", "unit"):
            if name in filters:
                reports = reports.filter(**{f"{name}_id": filters[name]})
        if "state" in filters:
            reports = reports.filter(state=filters["state"])
        if "late" in filters:
            reports = reports.filter(submitted_late=filters["late"])
        if "missing" in filters:
            overdue = Q(state=ReportState.OPEN, period__effective_due__lt=self.today)
            reports = reports.filter(overdue) if filters["missing"] else reports.exclude(overdue)
        return reports

    def list(self, request: Request) -> Response:
        reports = self._filtered(request).select_related("confirmed_by")
        page = self.paginate_queryset(reports)
        rows = UnitReportSerializer(page, many=True, context=self.get_serializer_context()).data
        return self.get_paginated_response(rows)

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        report = self._report(pk)
        if not report.prefill and report.state in EDITABLE_STATES:
            # The first opening stores the pre-filled snapshot (reports.services.report_open).
            services.report_open(actor=request.user, report=report)
        return Response(self._detail(report.pk))

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        report = self._report(pk)
        serializer = ReportUpdateSerializer(data=request.data, context={"report": report})
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        services.report_save(
            actor=request.user,
            report=report,
            summary=values.get("summary", report.summary),
            figures=values.get("figures"),
            sections=values.get("sections"),
        )
        return Response(self._detail(report.pk))

    # --- The workflow: each action is one service call, answered with the updated item.

    def _act(
        self,
        pk: Any,
        call: Callable[..., UnitReport],
        body: type[serializers.Serializer] | None = None,
    ) -> Response:
        report = self._report(pk)
        values = checked(body, self.request.data) if body is not None else {}
        call(actor=self.request.user, report=report, **values)
        return Response(self._item(report.pk))

    @_transition_schema(
        _("Nộp báo cáo"),
        _(
            "Thủ trưởng đơn vị xác nhận và nộp báo cáo; thời điểm nộp quyết định đúng hạn hay "
            "trễ hạn (giờ Việt Nam, so với hạn áp dụng). Cần có tóm tắt kết quả."
        ),
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.report_submit)

    @_transition_schema(
        _("Trả lại báo cáo"),
        _("Ban Thi đua - Khen thưởng trả lại báo cáo đã nộp, ghi lý do; đơn vị được báo."),
        ReportReturnSerializer,
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_report(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.report_return, ReportReturnSerializer)

    @_transition_schema(
        _("Tiếp nhận báo cáo"),
        _("Ban Thi đua - Khen thưởng tiếp nhận báo cáo đã nộp; đơn vị được báo."),
    )
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        return self._act(pk, services.report_accept)

    @extend_schema(
        summary=_("Đính kèm tệp vào báo cáo"),
        description=_(
            "Gửi multipart/form-data với các tệp “files” (lặp lại cho mỗi tệp). Tệp được kiểm "
            "tra theo nội dung; một tệp sai thì không lưu gì. Chỉ khi báo cáo chưa nộp hoặc "
            "bị trả lại."
        ),
        parameters=[_REPORT_ID],
        request={"multipart/form-data": AttachmentInputSerializer},
        responses={201: UnitReportDetailSerializer, **error_responses(400, 401, 403, 404)},
        tags=["reports"],
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def attachments(self, request: Request, pk: str | None = None) -> Response:
        report = self._report(pk)
        files = request.FILES.getlist("files") + request.FILES.getlist("files[]")
        values = checked(AttachmentInputSerializer, {"files": files})
        services.report_save(
            actor=request.user, report=report, summary=report.summary, files=values["files"]
        )
        return Response(self._detail(report.pk), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Tải tệp đính kèm của báo cáo"),
        description=_("Tệp như đã gửi lên; chỉ người thấy được báo cáo mới tải được."),
        parameters=[_REPORT_ID, _id(_("Id của tệp đính kèm."), "attachment_id")],
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            **{(code, "application/json"): OpenApiResponse(ErrorSerializer) for code in (401, 404)},
        },
        tags=["reports"],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"attachments/(?P<attachment_id>[0-9]+)",
        url_name="attachment",
        content_negotiation_class=AnyAccept,
    )
    def attachment(
        self, request: Request, pk: str | None = None, attachment_id: str | None = None
    ) -> FileResponse:
        report = self._report(pk)
        item = ReportAttachment.objects.filter(report=report, pk=path_id(attachment_id)).first()
        if item is None:
            raise NotFound()
        return stored_file_response(
            item.file,
            content_type=item.content_type,
            as_attachment=not item.content_type.startswith("image/"),
            filename=item.original_name,
        )


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("report-periods", ReportPeriodViewSet, basename="report-period")
    router.register("reports", UnitReportViewSet, basename="report")
