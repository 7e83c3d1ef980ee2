"""/api/v1/phase-reviews/: the visible reviews, their report, nothing for others."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.public import drain
from tests.factories.reviews import open_review
from thidua.reviews import workflow


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_list_and_report(kh, people):
    review = workflow.review_issue(actor=people.secretariat, review=open_review(kh, people))

    body = _client(people.leader).get("/api/v1/phase-reviews/").json()

    assert body["count"] == 1
    row = body["results"][0]
    assert (row["id"], row["kind"], row["state"], row["phase"]) == (
        review.pk,
        "interim",
        "issued",
        "Đợt 1",
    )
    assert row["report_sha256"] == review.report_sha256
    response = _client(people.secretariat).get(f"/api/v1/phase-reviews/{review.pk}/report/")
    assert response.status_code == 200
    assert drain(response)[:2] == b"PK"


def test_others_see_nothing(kh, people):
    review = open_review(kh, people)

    assert _client(people.a1_officer).get("/api/v1/phase-reviews/").json()["count"] == 0
    assert (
        _client(people.other_secretariat).get(f"/api/v1/phase-reviews/{review.pk}/").status_code
        == 404
    )
    assert APIClient().get("/api/v1/phase-reviews/").status_code in (401, 403)
    assert _client(people.secretariat).get("/api/v1/phase-reviews/abc/").status_code == 404
    assert reverse("api:phase-review-list") == "/api/v1/phase-reviews/"
