"""The awards demo (every open state, the Council's nominations, no doubles on re-run),
the pages under a strict CSP, and the API schema of awards."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.routers import SimpleRouter

from tests.awards.conftest import Kh, People
from tests.awards.factories import NominationFactory
from tests.pages.conftest import csp_problems
from thidua.awards import api as awards_api
from thidua.awards.demo import DEMO_COUNCIL_NOMINEES, demo_council_nominations, demo_ensure
from thidua.awards.models import Nomination, NominationState
from thidua.campaigns.models import Campaign
from thidua.desk.demo_users import demo_users_ensure


def test_demo_fills_every_open_state_once(db: None, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    for command in (("units", "load", "tra-vinh"), ("campaign", "load", "kh-128")):
        call_command(*command, stdout=io.StringIO())
    demo_users_ensure()
    campaign = Campaign.objects.get(code="kh-128-2024-tra-vinh")

    line = demo_ensure(campaign)
    again = demo_ensure(campaign)

    states = set(Nomination.objects.values_list("state", flat=True))
    assert states == {"draft", "submitted", "under_review", "returned", "to_council", "withdrawn"}
    council = demo_council_nominations(campaign)
    assert sorted(n.nominee.name for n in council) == sorted(DEMO_COUNCIL_NOMINEES)
    assert {n.nominee.kind for n in council} >= {
        "individual",
        "collective",
        "household",
        "enterprise",
    }
    assert "7 đề nghị chờ Hội đồng xét" in line and again == ""
    assert Nomination.objects.count() == 14


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
