"""Pieces every API viewset shares: path ids, checked input, file negotiation, today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser, JSONParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from thidua.api.kit.pagination import Pagination


def path_id(raw: Any) -> int:
    """A path id, or 404: ``/works/abc/`` is as missing as ``/works/999999/``."""
    text = str(raw or "")
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise NotFound()
    return int(text)


def checked(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    """``data`` validated by ``serializer_class``; a bad value is a 400, never a 500."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class AnyAccept(BaseContentNegotiation):
    """Files are sent as they are whatever ``Accept`` says; errors stay JSON."""

    def select_parser(self, request: Request, parsers: Iterable[BaseParser]) -> BaseParser | None:
        return next(iter(parsers), None)

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type


class SelectorViewSet(viewsets.GenericViewSet):
    """A viewset whose rows come from selectors (not ``queryset``), paginated, JSON in,
    with ``today`` (Vietnam time) fixed once per request and given to the serializers."""

    pagination_class = Pagination
    filter_backends: list[Any] = []
    parser_classes = [JSONParser]
    today: dt.date

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.today = timezone.localdate()

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": self.today}
