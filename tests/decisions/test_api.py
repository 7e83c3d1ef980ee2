"""The API: /api/v1/decisions/ and /api/v1/certificates/ with visibility and leak tests."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories.decisions import World, issued
from thidua.decisions.models import Certificate


@pytest.fixture
def issued_world(world: World) -> World:
    issued(world)
    return world


def _api(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_decisions_list_and_detail_with_entries(issued_world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.THIDUA_PUBLIC_BASE_URL = "https://tdkt.example.vn"
    client = _api(issued_world.leader)

    listing = client.get("/api/v1/decisions/").json()
    detail = client.get(f"/api/v1/decisions/{listing['results'][0]['id']}/").json()

    assert [d["number"] for d in listing["results"]] == ["1234/QĐ-UBND"]
    assert listing["results"][0]["entry_count"] == 4
    assert detail["date"] == "2025-06-05" and detail["state"] == "issued"
    assert [e["name"] for e in detail["entries"]][:2] == ["Trần Thị Hoa", "Lê Văn Nam"]
    hoa = detail["entries"][0]
    assert hoa["amount"] == 3510000
    assert hoa["verification_url"].startswith("https://tdkt.example.vn/public/xac-minh/")


def test_api_decision_detail_shows_a_unit_its_own_rows(issued_world: World) -> None:
    client = _api(issued_world.officer_b1)
    pk = client.get("/api/v1/decisions/").json()["results"][0]["id"]

    names = [e["name"] for e in client.get(f"/api/v1/decisions/{pk}/").json()["entries"]]

    assert names == ["Lê Văn Nam"]


def test_api_certificates_have_recipient_and_verification_url(issued_world: World) -> None:
    rows = _api(issued_world.officer_a1).get("/api/v1/certificates/").json()["results"]

    assert sorted(r["recipient_name"] for r in rows) == [
        "Hộ ông Thạch Sang",
        "Trạm Y tế xã Phong Phú",
        "Trần Thị Hoa",
    ]
    hoa = next(r for r in rows if r["recipient_name"] == "Trần Thị Hoa")
    code = Certificate.objects.get(entry__name="Trần Thị Hoa").code
    assert hoa["code"] == code
    assert hoa["verification_url"] == f"http://127.0.0.1:8000/public/xac-minh/{code}/"
    assert hoa["decision_number"] == "1234/QĐ-UBND" and hoa["decision_date"] == "2025-06-05"
    assert hoa["form"] == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_api_leaks_nothing_to_another_province(issued_world: World) -> None:
    client = _api(issued_world.other_secretariat)
    pk = Certificate.objects.first().entry.decision_id  # type: ignore[union-attr]

    assert client.get("/api/v1/decisions/").json()["results"] == []
    assert client.get("/api/v1/certificates/").json()["results"] == []
    assert client.get(f"/api/v1/decisions/{pk}/").status_code == 404
    assert client.get("/api/v1/decisions/abc/").status_code == 404


def test_api_needs_sign_in(issued_world: World) -> None:
    response = APIClient().get("/api/v1/certificates/")

    assert response.status_code in (401, 403)
    assert "results" not in response.json()
    assert "1234/QĐ-UBND" not in response.content.decode()
