"""Pages of plan_import (placeholder until the capability lands)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def index_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
