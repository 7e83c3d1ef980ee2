"""The API: /api/v1/revocations/ with visibility and leak tests, the certificate's status
in /api/v1/certificates/, and N+1 tests for the revocation list (page and API)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.decisions import (
    NominationFactory,
    World,
    draft,
    fill,
    issued,
    nominee,
    revocation_drafted,
    revocation_issued,
)
from tests.pages import signed_in
from thidua.decisions.services import decision_issue

pytestmark = pytest.mark.django_db


def _api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_revocations_api_list_and_detail(world: World) -> None:
    revocation = revocation_issued(world)

    listing = _api(world.secretariat).get("/api/v1/revocations/").json()
    detail = _api(world.secretariat).get(f"/api/v1/revocations/{revocation.pk}/").json()

    assert [r["number"] for r in listing["results"]] == ["56/QĐ-UBND"]
    assert listing["results"][0]["total_to_recover"] == 3_510_000
    assert listing["results"][0]["decision_number"] == "1234/QĐ-UBND"
    assert detail["reason_kind"] == "fraud" and "Chương VII" in detail["legal_basis"]
    assert [(r["name"], r["amount_to_recover"], r["recovery"]) for r in detail["rows"]] == [
        ("Trần Thị Hoa", 3_510_000, "pending")
    ]


def test_revocations_api_hides_another_units_revocation(world: World) -> None:
    revocation = revocation_issued(world)

    own = _api(world.officer_a1).get("/api/v1/revocations/").json()
    sibling = _api(world.officer_b1).get("/api/v1/revocations/").json()
    sibling_detail = _api(world.officer_b1).get(f"/api/v1/revocations/{revocation.pk}/")
    other = _api(world.other_secretariat).get(f"/api/v1/revocations/{revocation.pk}/")

    assert [r["number"] for r in own["results"]] == ["56/QĐ-UBND"]
    assert sibling["results"] == []
    assert sibling_detail.status_code == 404 and other.status_code == 404


def test_revocations_api_hides_drafts_from_units_and_leaders(world: World) -> None:
    revocation_drafted(world, issued(world))

    officer = _api(world.officer_a1).get("/api/v1/revocations/").json()
    leader = _api(world.leader).get("/api/v1/revocations/").json()
    secretariat = _api(world.secretariat).get("/api/v1/revocations/").json()

    assert officer["results"] == [] and leader["results"] == []
    assert [r["state"] for r in secretariat["results"]] == ["draft"]


def test_certificates_api_says_revoked(world: World) -> None:
    revocation_issued(world)

    rows = _api(world.secretariat).get("/api/v1/certificates/").json()["results"]

    status = {r["recipient_name"]: (r["status"], r["revocation"]) for r in rows}
    assert status["Trần Thị Hoa"][0] == "revoked"
    assert status["Trần Thị Hoa"][1]["number"] == "56/QĐ-UBND"
    assert status["Trần Thị Hoa"][1]["date"] == "2025-07-08"
    assert status["Lê Văn Nam"] == ("valid", None)


def _revocations(world: World, count: int) -> None:
    for index in range(count):
        person = NominationFactory(
            campaign=world.campaign,
            phase=world.phase,
            form=world.bk,
            nominee=nominee(world.province.commune_a1, f"Người số {index}"),
        )
        decision = fill(world, draft(world, nominations=[person]), number=f"{100 + index}/QĐ-UBND")
        decision = decision_issue(actor=world.secretariat, decision=decision)
        revocation_drafted(world, decision, names=(f"Người số {index}",))


@pytest.mark.parametrize("count", [1, 3])
def test_revocation_list_page_queries(
    world: World, count: int, django_assert_num_queries: Any
) -> None:
    _revocations(world, count)
    client = signed_in(world.secretariat)

    with django_assert_num_queries(6):
        page = client.get(reverse("decisions:revocations"))

    assert page.content.decode().count("(chưa có số)") == count


@pytest.mark.parametrize("count", [1, 3])
def test_revocations_api_queries(world: World, count: int, django_assert_num_queries: Any) -> None:
    _revocations(world, count)
    client = _api(world.secretariat)

    with django_assert_num_queries(2):
        listing = client.get("/api/v1/revocations/").json()

    assert len(listing["results"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_certificates_api_queries_with_revocations(
    world: World, count: int, django_assert_num_queries: Any
) -> None:
    _revocations(world, count)
    client = _api(world.secretariat)

    with django_assert_num_queries(3):
        listing = client.get("/api/v1/certificates/").json()

    assert len(listing["results"]) == count
