"""Every URL pattern, asked by an anonymous visitor: refused (sign-in redirect, 401,
403, 405) unless it is listed here as public — a new page or endpoint without an entry
fails this test (issue 15, "make it a habit")."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.url_patterns import routes

#: The URL names anyone may open, each with why.
PUBLIC = {
    "login": "the sign-in page",
    "logout": "signing out",
    "set_language": "the language switch (a cookie)",
    "root": "the API's root listing names no data",
    "schema": "the OpenAPI schema names no data",
    "docs": "the API documentation page",
    "not-found": "the API's 404 in its error format",
    "inbox_unread": "the header's unread badge: empty for a visitor",
    "exemplar-list": "published exemplary models are public (AllowAny in exemplars/api.py)",
    "exemplar-detail": "one published exemplary model (public)",
    "health": "the load balancer's health check: ok or error for the database and storage",
}
#: Path prefixes of the public site (published data only: public reads, never writes).
PUBLIC_PREFIXES = ("/public/", "/static/", "/media/")
REFUSED = {302, 401, 403, 405}


@pytest.mark.django_db
def test_every_url_refuses_an_anonymous_visitor_unless_public() -> None:
    client = Client()
    leaks = []

    for route in routes():
        if route.name in PUBLIC or route.path.startswith(PUBLIC_PREFIXES) or "(" in route.path:
            continue
        path = route.filled("1")
        response = client.get(path)
        redirected_to_sign_in = (
            response.status_code == 302 and "login" in response.get("Location", "")
        ) or "dang-nhap" in response.get("Location", "")
        if response.status_code not in REFUSED or (
            response.status_code == 302 and not redirected_to_sign_in
        ):
            leaks.append(f"{route.name or '?'} {path} → {response.status_code}")

    assert leaks == [], "\n".join(leaks)
    assert set(PUBLIC) <= {r.name for r in routes()}, "a public entry names no route"
