"""/api/v1/registrations/: visibility-scoped, paginated, with a submit action."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import member
from tests.factories.registrations import registration_in
from thidua.accounts.models import Role
from thidua.registrations.models import Registration, RegistrationState

S = RegistrationState


def _client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_is_refused(province, people):
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)

    assert _client().get("/api/v1/registrations/").status_code in (401, 403)


def test_unit_sees_its_own_with_entries_and_never_a_sibling(province, people):
    own = registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    sibling = registration_in(S.SUBMITTED, province.commune_a2, people.a2_head, people.a2_head)

    body = _client(people.a1_officer).get("/api/v1/registrations/", {"year": 2026}).json()
    leak = _client(people.a1_officer).get(f"/api/v1/registrations/{sibling.pk}/")

    assert [r["id"] for r in body["results"]] == [own.pk]
    row = body["results"][0]
    assert (row["unit"], row["year"], row["state"]) == ("P-A-1", 2026, "submitted")
    assert [(e["name"], e["form"], e["birth_year"]) for e in row["entries"]] == [
        ("Nguyễn Thị Hoa", "ldtt", 1985)
    ]
    assert leak.status_code == 404


def test_secretariat_sees_the_province(province, people):
    registration_in(S.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head)
    registration_in(S.DRAFT, province.health, people.health_officer, people.health_head)

    body = _client(people.secretariat).get("/api/v1/registrations/").json()
    submitted = _client(people.secretariat).get("/api/v1/registrations/", {"state": "submitted"})

    assert body["count"] == 2
    assert [r["unit"] for r in submitted.json()["results"]] == ["P-A-1"]


def test_submit_by_head_only(province, people):
    registration = registration_in(S.DRAFT, province.commune_a1, people.a1_officer, people.a1_head)
    url = f"/api/v1/registrations/{registration.pk}/submit/"

    refused = _client(people.a1_officer).post(url)
    sibling = _client(people.a2_head).post(url)
    done = _client(people.a1_head).post(url)

    assert refused.status_code == 403
    assert sibling.status_code == 404
    assert done.status_code == 200 and done.json()["state"] == "submitted"
    assert Registration.objects.get(pk=registration.pk).state == S.SUBMITTED


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_is_constant(province, people, count, django_assert_num_queries):
    for unit in [province.commune_a1, province.commune_a2, province.commune_b1][:count]:
        head = member(unit, Role.UNIT_HEAD)
        registration_in(S.SUBMITTED, unit, head, head, names=("Người A", "Người B"))
    client = _client(people.secretariat)

    with django_assert_num_queries(4):
        body = client.get("/api/v1/registrations/").json()

    assert body["count"] == count
