"""API of campaigns: read-only; every queryset comes from ``campaigns.selectors``."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.routers import SimpleRouter

from thidua.api.kit.errors import error_responses
from thidua.api.kit.pagination import Pagination
from thidua.api.kit.viewsets import path_id
from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import campaign_detail, campaign_list
from thidua.campaigns.serializers import CampaignDetailSerializer, CampaignListSerializer

#: Longest ``?search=`` accepted: a title is long, a query need not be.
SEARCH_MAX_LENGTH = 200

_SEARCH = OpenApiParameter(
    "search",
    OpenApiTypes.STR,
    description=_("Tìm theo số văn bản, tên hoặc mã; không phân biệt dấu (“tra vinh”)."),
)


@extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách phong trào thi đua"),
        description=_(
            "Các phong trào áp dụng cho người dùng hoặc thuộc phạm vi của họ, mới nhất trước; "
            "dự thảo chỉ Ban Thi đua - Khen thưởng thấy. Có phân trang."
        ),
        parameters=[_SEARCH],
        responses={200: CampaignListSerializer(many=True), **error_responses(400, 401)},
        tags=["campaigns"],
    ),
    retrieve=extend_schema(
        summary=_("Chi tiết phong trào thi đua"),
        description=_(
            "Toàn bộ kế hoạch: văn bản, căn cứ, mục đích, yêu cầu, nội dung, các đợt, chỉ tiêu, "
            "quy định đăng ký, công trình, quy định và lịch báo cáo, khen thưởng, nhiệm vụ. "
            "Phong trào không tồn tại hoặc ngoài phạm vi đều trả lời 404."
        ),
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("Id của phong trào.")
            )
        ],
        responses={200: CampaignDetailSerializer, **error_responses(401, 404)},
        tags=["campaigns"],
    ),
)
class CampaignViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Campaigns visible to the user; a hidden campaign answers like a missing one (404)."""

    queryset = Campaign.objects.none()  # for the schema only: get_queryset() is what runs
    pagination_class = Pagination

    def get_queryset(self) -> QuerySet[Campaign]:
        search = self.request.query_params.get("search", "")
        if len(search) > SEARCH_MAX_LENGTH:
            raise ValidationError(
                {"search": [_("Chuỗi tìm kiếm dài quá 200 ký tự.")]}, code="invalid"
            )
        return campaign_list(self.request.user, search=search)

    def get_object(self) -> Campaign:
        try:
            return campaign_detail(self.request.user, path_id(self.kwargs.get("pk")))
        except Campaign.DoesNotExist as exc:
            raise NotFound() from exc

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action == "retrieve":
            return CampaignDetailSerializer
        return CampaignListSerializer


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
    router.register("campaigns", CampaignViewSet, basename="campaign")
