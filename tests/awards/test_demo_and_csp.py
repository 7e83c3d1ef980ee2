"""The awards pages under a strict CSP, and the API schema of awards (the awards demo is
tested in test_demo.py)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.routers import SimpleRouter

from tests.factories.awards import Kh, NominationFactory, People
from tests.pages import csp_problems
from thidua.awards import api as awards_api
from thidua.awards.models import NominationState


@pytest.mark.parametrize(
    "name",
    ["index", "create", "review_queue", "submit_queue", "overview", "nominees", "excel_upload"],
)
def test_pages_keep_the_strict_csp(kh: Kh, people: People, name: str) -> None:
    user = people.secretariat if name in ("review_queue", "overview") else people.head
    client = Client()
    client.force_login(user)
    query = f"?unit={kh.province.health.pk}&campaign={kh.campaign.pk}"

    response = client.get(reverse(f"awards:{name}") + query, follow=True)

    assert response.status_code == 200
    assert csp_problems(response) == []


def test_detail_page_keeps_the_strict_csp(kh: Kh, people: People) -> None:
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        grantor_unit=kh.province.root,
        state=NominationState.DRAFT,
    )
    client = Client()
    client.force_login(people.officer)

    response = client.get(reverse("awards:detail", args=[nomination.pk]))

    assert nomination.nominee.name in response.content.decode()
    assert csp_problems(response) == []


def test_schema_has_the_awards_paths(db: None) -> None:
    router = SimpleRouter()
    awards_api.register(router)
    patterns = [path("api/v1/", include(router.urls))]
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)

    paths = {p for p in schema["paths"] if "/nominations/" in p or "/nominees/" in p}
    assert paths == {
        "/api/v1/nominations/", "/api/v1/nominations/{id}/",
        "/api/v1/nominations/{id}/submit/", "/api/v1/nominations/{id}/review-start/",
        "/api/v1/nominations/{id}/return/", "/api/v1/nominations/{id}/send-to-council/",
        "/api/v1/nominations/{id}/approve/", "/api/v1/nominations/{id}/reject/",
        "/api/v1/nominations/{id}/withdraw/", "/api/v1/nominees/",
    }  # fmt: skip
