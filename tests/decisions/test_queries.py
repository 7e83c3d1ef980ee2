"""N+1 tests: the decisions list (page and API), the certificates API and the history
search cost the same number of queries for 1 and 3 rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.decisions import (
    AwardRecordFactory,
    NominationFactory,
    World,
    draft,
    fill,
    nominee,
)
from thidua.decisions.services import decision_issue


def _decisions(world: World, count: int) -> None:
    for index in range(count):
        person = NominationFactory(
            campaign=world.campaign,
            phase=world.phase,
            form=world.bk,
            nominee=nominee(world.province.commune_a1, f"Người số {index}"),
        )
        decision = fill(world, draft(world, nominations=[person]), number=f"{100 + index}/QĐ-UBND")
        decision_issue(actor=world.secretariat, decision=decision)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("count", [1, 3])
def test_decision_list_page_queries(
    world: World, count: int, django_assert_num_queries: Any
) -> None:
    _decisions(world, count)
    client = _client(world.officer_a1)

    with django_assert_num_queries(5):
        page = client.get(reverse("decisions:index"))

    assert page.content.decode().count("/QĐ-UBND") == count


@pytest.mark.parametrize("count", [1, 3])
def test_decision_detail_page_queries(
    world: World, count: int, django_assert_num_queries: Any
) -> None:
    people = world.nominations[:count]
    decision = fill(world, draft(world, nominations=people))
    decision_issue(actor=world.secretariat, decision=decision)
    client = _client(world.secretariat)

    with django_assert_num_queries(11):  # 10, and the rows the seal check reads
        page = client.get(reverse("decisions:detail", args=[decision.pk]))

    assert page.content.decode().count("Tải PDF") == count


@pytest.mark.parametrize("count", [1, 3])
def test_decisions_api_queries(world: World, count: int, django_assert_num_queries: Any) -> None:
    _decisions(world, count)
    client = APIClient()
    client.force_authenticate(world.leader)

    with django_assert_num_queries(4):
        rows = client.get("/api/v1/decisions/").json()["results"]

    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 3])
def test_certificates_api_queries(world: World, count: int, django_assert_num_queries: Any) -> None:
    _decisions(world, count)
    client = APIClient()
    client.force_authenticate(world.officer_a1)

    # reach, count, the page, and one look-up of the page's revoked rows
    with django_assert_num_queries(4):
        rows = client.get("/api/v1/certificates/").json()["results"]

    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 3])
def test_history_search_queries(world: World, count: int, django_assert_num_queries: Any) -> None:
    for index in range(count):
        AwardRecordFactory(
            nominee=nominee(world.province.commune_a1, f"Trần Văn Số {index}"), year=2022
        )
    client = _client(world.officer_a1)

    # Session, user, memberships, the covered units' ids, the capped count, the rows.
    with django_assert_num_queries(6):
        page = client.get(reverse("decisions:history"), {"q": "tran van so"})

    assert page.content.decode().count("Trần Văn Số") == count
