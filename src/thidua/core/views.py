"""Helpers shared by the page views of every app."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest


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
