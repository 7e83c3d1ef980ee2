"""Numbers beyond 64 bits in a filter or a path: 400 or 404 with a Vietnamese message,
never a 500 (issue 15, item 7: SQLite raised OverflowError in an ``IN`` filter)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.url_patterns import routes
from thidua.accounts.models import User

HUGE = "99999999999999999999"
#: Every filter name a page or an endpoint reads from the query string.
FILTERS = (
    "campaign", "unit", "page", "state", "year", "set", "q", "phase", "district", "work",
    "nam", "date", "search", "all", "title", "form", "group", "period", "nomination",
    "decision", "kind", "session", "criteria_set", "page_size", "id",
)  # fmt: skip


@pytest.fixture
def admin_client(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("quantri", "qt@example.org", "x"))
    return client


def _lists() -> list[str]:
    return sorted(
        {r.path for r in routes() if r.arguments == 0 and "{" not in r.path and "(" not in r.path}
    )


def test_every_list_filter_with_a_huge_integer_answers_400(admin_client: Client) -> None:
    failures = []

    for path in _lists():
        for name in FILTERS:
            response = admin_client.get(path, {name: HUGE})
            if path.startswith("/api/"):
                # The API checks its own filters (each with its message) and ignores
                # a parameter it does not know.
                # (The token endpoint may also answer 429: its throttle counts GETs too.)
                refused = response.status_code == 400 and response.json()["detail"]
                if not (refused or response.status_code in (200, 404, 405, 429)):
                    failures.append(f"{path}?{name}= → {response.status_code}")
                continue
            body = response.content.decode(errors="replace")
            if response.status_code != 400 or "quá lớn" not in body:
                failures.append(f"{path}?{name}= → {response.status_code}")

    assert failures == []


def test_page_filter_refusal_names_the_parameter(admin_client: Client) -> None:
    response = admin_client.get("/quyet-dinh/", {"campaign": HUGE})

    assert response.status_code == 400
    assert "Giá trị “99999999999999999999” của “campaign” quá lớn" in response.content.decode()


def test_every_path_id_beyond_64_bits_answers_404(admin_client: Client) -> None:
    failures = []

    for route in routes():
        if route.arguments == 0 or "(" in route.path:
            continue
        response = admin_client.get(route.filled(HUGE))
        if response.status_code >= 500:
            failures.append(f"{route.filled(HUGE)} → {response.status_code}")

    assert failures == []


def test_integers_in_range_still_reach_the_view(admin_client: Client) -> None:
    response = admin_client.get("/quyet-dinh/", {"campaign": "9223372036854775807"})

    assert response.status_code == 200
