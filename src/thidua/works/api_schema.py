"""OpenAPI descriptions of the works API: summaries, parameters, bodies and answers.

Kept apart from ``works.api`` so the viewsets read as code; each constant decorates the
endpoint it names. Every text is Vietnamese, shown on the API docs page.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

from thidua.api.kit.errors import ErrorSerializer, error_responses
from thidua.works.serializers import (
    ChangeRequestInputSerializer,
    ChangeRequestSerializer,
    NoteSerializer,
    ProgressInputSerializer,
    ProgressUpdateSerializer,
    WorkDetailSerializer,
    WorkFilterSerializer,
    WorkInputSerializer,
    WorkSerializer,
    WorkUpdateSerializer,
)


def id_parameter(description: Any, name: str = "id") -> OpenApiParameter:
    """An integer id in the path."""
    return OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.PATH, description=description)


#: The work's id in the path.
WORK_ID = id_parameter(_("Id của công trình."))
#: The 409 answer to a look-alike title, with its matches.
SIMILAR = OpenApiResponse(
    inline_serializer(
        name="SimilarWorksError",
        fields={
            "detail": serializers.CharField(),
            "code": serializers.CharField(help_text=_("Luôn là “similar_works”.")),
            "errors": serializers.DictField(child=serializers.ListField()),
            "matches": inline_serializer(
                name="SimilarMatch",
                fields={
                    "title": serializers.CharField(),
                    "source": serializers.CharField(
                        help_text=_("“province” hoặc tên đơn vị đăng ký.")
                    ),
                    "score": serializers.FloatField(help_text=_("Độ giống, 0–1.")),
                    "work_id": serializers.IntegerField(allow_null=True),
                },
                many=True,
            ),
        },
    ),
    description=_("Có công trình gần giống: xem “matches”, rồi gửi lại với confirm_similar=true."),
)
#: The answers of a workflow action: the updated work, or an error.
ACTED = {200: WorkSerializer, **error_responses(400, 401, 403, 404)}


def transition_schema(summary: Any, description: Any, body: Any = None) -> Any:
    """The description of a workflow action on one work, with its optional ``body``."""
    return extend_schema(
        summary=summary,
        description=description,
        parameters=[WORK_ID],
        request=body,
        responses=ACTED,
        tags=["works"],
    )


#: The register, one work, registering and editing (``WorkViewSet``'s own methods).
WORK_VIEWSET = extend_schema_view(
    list=extend_schema(
        summary=_("Danh sách công trình, phần việc"),
        description=_(
            "Công trình của các đơn vị trong phạm vi người dùng và công trình đơn vị của họ "
            "duyệt, cập nhật gần nhất trước; có phân trang và bộ lọc."
        ),
        parameters=[WorkFilterSerializer],
        responses={200: WorkSerializer(many=True), **error_responses(400, 401)},
        tags=["works"],
    ),
    retrieve=extend_schema(
        summary=_("Chi tiết công trình"),
        description=_(
            "Công trình với mô tả, đơn vị phối hợp, chỉ tiêu, mốc, các lần cập nhật tiến độ "
            "(kèm minh chứng), lịch sử và đề nghị điều chỉnh. Ngoài phạm vi: 404."
        ),
        parameters=[WORK_ID],
        responses={200: WorkDetailSerializer, **error_responses(401, 404)},
        tags=["works"],
    ),
    create=extend_schema(
        summary=_("Đăng ký công trình (nháp)"),
        description=_(
            "Đơn vị đăng ký một công trình, dự án hoặc phần việc; lưu ở trạng thái nháp. "
            "Id ngoài phạm vi của người dùng trả lời 400 “không tìm thấy”."
        ),
        request=WorkInputSerializer,
        responses={201: WorkSerializer, 409: SIMILAR, **error_responses(400, 401, 403)},
        tags=["works"],
    ),
    partial_update=extend_schema(
        summary=_("Sửa công trình nháp hoặc bị trả lại"),
        description=_(
            "Chỉ gửi các trường cần sửa. Công trình đã gửi hoặc đã duyệt trả lời 400 "
            "“not_editable”: hãy gửi đề nghị điều chỉnh."
        ),
        parameters=[WORK_ID],
        request=WorkUpdateSerializer,
        responses={200: WorkSerializer, 409: SIMILAR, **error_responses(400, 401, 403, 404)},
        tags=["works"],
    ),
)


#: Posting progress with its files.
PROGRESS = extend_schema(
    summary=_("Cập nhật tiến độ"),
    description=_(
        "Gửi multipart/form-data: on, percent, narrative và các tệp “files” (lặp lại "
        "cho mỗi tệp). Tệp được kiểm tra theo nội dung; một tệp sai thì không lưu gì. "
        "Lần cập nhật đầu của công trình đã duyệt chuyển nó sang đang thực hiện."
    ),
    parameters=[WORK_ID],
    request={"multipart/form-data": ProgressInputSerializer},
    responses={201: ProgressUpdateSerializer, **error_responses(400, 401, 403, 404)},
    tags=["works"],
)


#: Asking for a change to an approved work.
CHANGE_REQUEST = extend_schema(
    summary=_("Đề nghị điều chỉnh công trình đã duyệt"),
    description=_(
        "Đơn vị đề nghị đổi tên, mô tả, ngày dự kiến hoặc kinh phí; chỉ áp dụng khi "
        "cấp duyệt chấp thuận. Mỗi lúc chỉ một đề nghị chờ duyệt."
    ),
    parameters=[WORK_ID],
    request=ChangeRequestInputSerializer,
    responses={201: ChangeRequestSerializer, **error_responses(400, 401, 403, 404)},
    tags=["works"],
)


#: The works waiting for the user's decision.
APPROVAL_QUEUE = extend_schema(
    summary=_("Công trình chờ duyệt"),
    description=_(
        "Công trình đã gửi mà người dùng được duyệt hoặc trả lại, gửi sớm nhất trước; "
        "có phân trang."
    ),
    parameters=[],
    responses={200: WorkSerializer(many=True), **error_responses(401)},
    tags=["works"],
)


#: Downloading one evidence file.
EVIDENCE = extend_schema(
    summary=_("Tải minh chứng"),
    description=_("Tệp ảnh hoặc tài liệu của một lần cập nhật tiến độ, như đã gửi lên."),
    parameters=[WORK_ID, id_parameter(_("Id của minh chứng."), "evidence_id")],
    responses={
        (200, "application/octet-stream"): OpenApiTypes.BINARY,
        **{(code, "application/json"): OpenApiResponse(ErrorSerializer) for code in (401, 404)},
    },
    tags=["works"],
)


#: The approver accepts a change request.
CHANGE_ACCEPT = extend_schema(
    summary=_("Chấp thuận đề nghị điều chỉnh"),
    description=_("Cấp duyệt chấp thuận: các thay đổi được áp dụng vào công trình."),
    parameters=[id_parameter(_("Id của đề nghị điều chỉnh."))],
    request=NoteSerializer,
    responses={200: ChangeRequestSerializer, **error_responses(400, 401, 403, 404)},
    tags=["works"],
)


#: The approver rejects a change request.
CHANGE_REJECT = extend_schema(
    summary=_("Không chấp thuận đề nghị điều chỉnh"),
    description=_("Cấp duyệt không chấp thuận; công trình giữ nguyên."),
    parameters=[id_parameter(_("Id của đề nghị điều chỉnh."))],
    request=NoteSerializer,
    responses={200: ChangeRequestSerializer, **error_responses(400, 401, 403, 404)},
    tags=["works"],
)
