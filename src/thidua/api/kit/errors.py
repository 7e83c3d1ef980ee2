"""The API's error format: ``{"detail": …, "code": …, "errors": {field: [messages]}}``.

Every error answer of the API has this shape: ``detail`` is one sentence for a person
(Vietnamese), ``code`` is stable for programs, ``errors`` lists the messages of each
field or query parameter that was refused (empty when the error is not about a field).
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from thidua.core.errors import DomainError, NotPermitted

#: Messages for the errors DRF raises itself (its Vietnamese catalogue is incomplete).
_MESSAGES: list[tuple[type[exceptions.APIException], Any]] = [
    (
        exceptions.NotAuthenticated,
        _(
            "Bạn chưa xác thực: gửi kèm tiêu đề “Authorization: Token <khóa>” "
            "(lấy khóa tại /api/v1/auth/token/) hoặc đăng nhập."
        ),
    ),
    (
        exceptions.AuthenticationFailed,
        _("Khóa truy cập không hợp lệ hoặc tài khoản đã ngừng hoạt động: hãy lấy khóa mới."),
    ),
    (exceptions.MethodNotAllowed, _("Phương thức %(method)s không dùng được ở địa chỉ này.")),
    (exceptions.NotAcceptable, _("Không trả lời được ở định dạng yêu cầu: hãy nhận JSON.")),
    (
        exceptions.UnsupportedMediaType,
        _("Định dạng nội dung không được hỗ trợ: hãy gửi JSON (application/json)."),
    ),
    (exceptions.ParseError, _("Không đọc được nội dung yêu cầu: hãy gửi JSON hợp lệ.")),
]


_FORBIDDEN = _("Bạn không có quyền thực hiện thao tác này.")
_CSRF = _(
    "Thiếu mã CSRF: khi dùng phiên đăng nhập, gửi kèm tiêu đề X-CSRFToken; "
    "hoặc dùng khóa truy cập (Token)."
)


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Field errors as ``{"field": [...], "nested.field": [...]}``."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(_flatten(value, name))
        return flat
    if isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        flat = {}
        for index, item in enumerate(detail):
            flat.update(_flatten(item, f"{prefix}[{index}]"))
        return flat
    items = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(item) for item in items]}


def _validation_body(exc: exceptions.ValidationError) -> dict[str, Any]:
    errors = _flatten(exc.detail)
    general = errors.get("non_field_errors", [])
    detail = (
        " ".join(general) if general else gettext("Dữ liệu gửi lên không hợp lệ: xem “errors”.")
    )
    return {"detail": detail, "code": "invalid", "errors": errors}


def _api_body(exc: exceptions.APIException, request: Any) -> dict[str, Any]:
    if isinstance(exc, exceptions.ValidationError):
        return _validation_body(exc)
    code = getattr(exc.detail, "code", None) or exc.default_code
    detail = str(exc.detail)
    if isinstance(exc, exceptions.Throttled):
        seconds = getattr(exc, "wait", None)
        wait = math.ceil(seconds) if seconds is not None else 60
        detail = gettext("Quá nhiều yêu cầu: hãy thử lại sau %(wait)s giây.") % {"wait": wait}
    elif isinstance(exc, exceptions.PermissionDenied):
        if detail.startswith("CSRF Failed"):
            detail = str(_CSRF)
        elif detail == str(exceptions.PermissionDenied.default_detail):
            detail = str(_FORBIDDEN)
    elif code == "token_expired":
        pass  # kit.tokens says when it was issued and where to get a new one
    else:
        method = getattr(request, "method", "")
        for kind, message in _MESSAGES:
            if isinstance(exc, kind):
                detail = str(message) % {"method": method}
                break
    return {"detail": detail, "code": str(code), "errors": {}}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn domain and DRF errors into answers of the API's error format.

    Domain errors are 400 (403 for a permission); DRF's own errors keep their status
    and headers (``WWW-Authenticate``, ``Retry-After``). Anything else is a server
    error and is left to Django (logged, 500).
    """
    if isinstance(exc, NotPermitted):
        return Response({"detail": exc.message, "code": exc.code, "errors": {}}, status=403)
    if isinstance(exc, DomainError):
        return Response({"detail": exc.message, "code": exc.code, "errors": {}}, status=400)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    response.data = _api_body(exc, context.get("request"))
    return response


#: The error format, for the OpenAPI schema (component "Error").
ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "detail": serializers.CharField(help_text=_("Điều cần sửa, bằng lời (tiếng Việt).")),
        "code": serializers.CharField(help_text=_("Mã lỗi ổn định cho chương trình.")),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text=_("Thông báo theo từng trường hoặc tham số bị từ chối."),
        ),
    },
)


_RESPONSE_TEXT = {
    400: _("Dữ liệu hoặc tham số không hợp lệ."),
    401: _("Chưa xác thực hoặc khóa truy cập không hợp lệ."),
    403: _("Không có quyền."),
    404: _("Không tìm thấy, hoặc nằm ngoài phạm vi của người dùng."),
    429: _("Quá nhiều yêu cầu, hoặc tài khoản tạm khóa."),
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """Schema entries for the error answers an endpoint may give."""
    return {
        status: OpenApiResponse(ErrorSerializer, description=_RESPONSE_TEXT[status])
        for status in statuses
    }


#: The error answers any endpoint may give, whatever its view declares: a bad parameter
#: (400), no or a bad token (401), no right (403), nothing there or a page past the last
#: (404), too many requests (429). Added to every operation by ``document_error_answers``.
ANY_ENDPOINT = (400, 401, 403, 404, 429)


def document_error_answers(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: every operation lists the error answers of
    ``ANY_ENDPOINT`` in the error format (component ``Error``) beside its own, so that a
    program reading the schema knows every status it can receive (issue 15: the schema
    disagreed with the answers on 403 and 404)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    if "Error" not in schemas:
        return result
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status in ANY_ENDPOINT:
                responses.setdefault(
                    str(status), {"description": str(_RESPONSE_TEXT[status]), "content": error}
                )
    return result
