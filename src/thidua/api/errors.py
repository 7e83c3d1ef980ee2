"""The API's error format: ``{"detail": …, "code": …, "errors": {field: [messages]}}``."""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from thidua.core.errors import DomainError, PermissionDenied


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn domain errors into 400/403 answers; leave the rest to DRF."""
    if isinstance(exc, PermissionDenied):
        return Response({"detail": exc.message, "code": exc.code}, status=403)
    if isinstance(exc, DomainError):
        return Response({"detail": exc.message, "code": exc.code}, status=400)
    return drf_exception_handler(exc, context)
