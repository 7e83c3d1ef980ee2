"""Every URL pattern of thidua, walked from the root URLconf (for the tests that must
cover every page and endpoint, and fail when a new one is not covered)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

#: What a path converter or regex group becomes in ``Route.path``.
PLACEHOLDER = "{}"


@dataclass(frozen=True)
class Route:
    """One pattern: its path with ``{}`` for each argument, and its URL name."""

    path: str
    name: str
    arguments: int

    def filled(self, value: str) -> str:
        return self.path.replace(PLACEHOLDER, value)


def _piece(pattern: object) -> tuple[str, int]:
    text = str(pattern)
    if text.startswith("^") or text.endswith("$"):
        text = text.removeprefix("^").removesuffix("$").removesuffix("\\Z")
        text, count = re.subn(r"\(\?P<\w+>[^)]*\)", PLACEHOLDER, text)
        return text.replace("\\.", "."), count
    text, count = re.subn(r"<(?:\w+:)?\w+>", PLACEHOLDER, text)
    return text, count


def routes(
    resolver: URLResolver | None = None, prefix: str = "/", args: int = 0
) -> Iterator[Route]:
    """Every URL pattern under ``resolver`` (the root URLconf by default)."""
    for entry in (resolver or get_resolver()).url_patterns:
        piece, count = _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + piece, args + count)
        elif isinstance(entry, URLPattern):
            yield Route(prefix + piece, entry.name or "", args + count)
