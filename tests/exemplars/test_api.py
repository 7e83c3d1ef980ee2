"""/api/v1/exemplars/: published stories to anyone, the others to the staff who see them."""

from __future__ import annotations

from rest_framework.test import APIClient

from tests.factories.exemplars import story_in
from thidua.exemplars.models import ExemplarState


def _client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anyone_lists_published_stories_with_public_fields(kh, people, province):
    published = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=0)
    story_in(ExemplarState.RETURNED, kh, people, province.commune_a1, n=1)

    body = _client().get("/api/v1/exemplars/").json()

    assert body["count"] == 1
    row = body["results"][0]
    assert (row["id"], row["title"], row["state"]) == (published.pk, published.title, "published")
    assert row["url"] == f"/public/dien-hinh/{published.pk}/"
    assert row["photos"][0]["url"].startswith("/public/anh/")
    assert "return_reason" not in row and "created_by" not in row


def test_staff_see_their_units_stories(kh, people, province):
    story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=0)
    returned = story_in(ExemplarState.RETURNED, kh, people, province.commune_a1, n=1)

    own = _client(people.a1_officer).get("/api/v1/exemplars/", {"state": "returned"}).json()
    sibling = _client(people.a2_officer).get(f"/api/v1/exemplars/{returned.pk}/")

    assert [r["id"] for r in own["results"]] == [returned.pk]
    assert own["results"][0]["url"] == f"/dien-hinh/{returned.pk}/"
    assert sibling.status_code == 404
    assert _client().get(f"/api/v1/exemplars/{returned.pk}/").status_code == 404
    assert _client().get("/api/v1/exemplars/x/").status_code == 404
