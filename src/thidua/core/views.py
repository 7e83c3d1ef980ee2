"""Helpers shared by the page views of every app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request: HttpRequest) -> bool:
    """An HTMX request for part of a page; a history restore still needs the whole page."""
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def pick_by_id(options: Sequence[Any], raw: str | None) -> Any:
    """The option whose ``pk`` is ``raw`` (a query or form value), else the first one;
    None when there is no option. An id not offered falls back to the first, so a unit or
    campaign outside the list is never shown."""
    wanted = int(raw) if raw and raw.isdigit() else None
    return next((o for o in options if o.pk == wanted), options[0] if options else None)


def render_page_or_part(
    request: HttpRequest,
    template: str,
    part: str,
    context: dict[str, Any],
    *,
    no_store: bool = False,
    status: int = 200,
) -> HttpResponse:
    """The whole page, or only its partial ``part`` for an HTMX request (``wants_fragment``).

    The answer varies on ``HX-Request`` so that a cache never serves the part as the page;
    ``no_store`` for a progress bar that polls and must never come from a cache; ``status``
    for a part that shows a refusal in place (403)."""
    name = f"{template}#{part}" if wants_fragment(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    if no_store:
        response["Cache-Control"] = "no-store"
    return response
