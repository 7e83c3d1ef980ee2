"""API /api/v1/nominations/ and /api/v1/nominees/: items, detail with checks, actions,
errors as 400/403, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from tests.factories.awards import Kh, NominationFactory, NomineeFactory, People, full_dossier
from thidua.awards.models import Nomination, NominationState

S = NominationState


def api(user: object) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _nominations(kh: Kh, count: int, state: str = S.SUBMITTED) -> list[Nomination]:
    return [
        NominationFactory(
            campaign=kh.campaign,
            phase=kh.phase1,
            proposer_unit=kh.province.health,
            grantor_unit=kh.province.root,
            nominee=NomineeFactory(unit=kh.province.health),
            state=state,
            submitted_on=dt.date(2025, 3, 3),
        )
        for _ in range(count)
    ]


def test_list_items_have_state_nominee_form_and_proposer(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1)[0]

    body = api(people.secretariat).get("/api/v1/nominations/", {"state": "submitted"}).json()

    item = body["results"][0]
    assert item["id"] == nomination.pk and item["state"] == "submitted"
    assert item["nominee_name"] == nomination.nominee.name and item["nominee_kind"] == "individual"
    assert item["form"] == "bang-khen-tinh" and item["proposer_name"] == "Sở Y tế"


def test_detail_has_checks(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1)[0]

    body = api(people.secretariat).get(f"/api/v1/nominations/{nomination.pk}/").json()

    dossier = next(c for c in body["checks"] if c["code"] == "dossier")
    assert dossier["ok"] is False and dossier["severity"] == "block"
    assert "Hồ sơ còn thiếu" in dossier["message"]


def test_actions_run_the_workflow_and_refusals_are_400_or_403(kh: Kh, people: People) -> None:
    nomination = _nominations(kh, 1)[0]
    full_dossier(nomination)
    client = api(people.secretariat)

    started = client.post(f"/api/v1/nominations/{nomination.pk}/review-start/")
    no_reason = client.post(f"/api/v1/nominations/{nomination.pk}/return/", {}, format="json")
    returned = client.post(
        f"/api/v1/nominations/{nomination.pk}/return/", {"reason": "Thiếu biên bản"}, format="json"
    )
    wrong_state = client.post(f"/api/v1/nominations/{nomination.pk}/approve/")
    by_officer = api(people.officer).post(f"/api/v1/nominations/{nomination.pk}/submit/")

    assert started.status_code == 200 and started.json()["state"] == "under_review"
    assert no_reason.status_code == 400
    assert returned.json()["state"] == "returned"
    assert wrong_state.status_code == 400 and "Không thể" in wrong_state.json()["detail"]
    assert by_officer.status_code == 403


def test_bad_filter_is_400_not_500(kh: Kh, people: People) -> None:
    response = api(people.secretariat).get("/api/v1/nominations/", {"campaign": "abc"})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["campaign"]
    assert "results" not in response.json()


def test_nominee_search_api_folds_diacritics(kh: Kh, people: People) -> None:
    NomineeFactory(unit=kh.province.health, name="Thạch Thị Sa Rinh")
    NomineeFactory(unit=kh.province.home_affairs, name="Thạch Thị Sa Rinh")

    body = api(people.officer).get("/api/v1/nominees/", {"q": "thach sa rinh"}).json()

    assert [r["name"] for r in body["results"]] == ["Thạch Thị Sa Rinh"]
    assert body["results"][0]["unit"] == "Sở Y tế"


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(kh: Kh, people: People, django_assert_num_queries, count: int) -> None:
    _nominations(kh, count)
    client = api(people.secretariat)

    # Memberships, the province's units, the user's Council agendas, the count, the page's
    # ids and its rows: the same however many (issue #16).
    with django_assert_num_queries(7):
        body = client.get("/api/v1/nominations/").json()

    assert len(body["results"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_nominee_search_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    for _ in range(count):
        NomineeFactory(unit=kh.province.health, name="Lê Thị Cẩm")
    client = api(people.officer)

    with django_assert_num_queries(3):
        body = client.get("/api/v1/nominees/", {"q": "cam"}).json()

    assert len(body["results"]) == count


def test_list_items_with_checks_have_each_ones_results(kh: Kh, people: People) -> None:
    complete, missing = _nominations(kh, 2)
    full_dossier(complete)
    client = api(people.secretariat)

    body = client.get("/api/v1/nominations/", {"checks": "true"}).json()
    plain = client.get("/api/v1/nominations/").json()

    dossier = {
        item["id"]: next(c for c in item["checks"] if c["code"] == "dossier")
        for item in body["results"]
    }
    assert dossier[complete.pk]["ok"] is True
    assert dossier[missing.pk]["ok"] is False
    assert "Hồ sơ còn thiếu" in dossier[missing.pk]["message"]
    detail = client.get(f"/api/v1/nominations/{missing.pk}/").json()
    listed = next(item for item in body["results"] if item["id"] == missing.pk)
    assert listed["checks"] == detail["checks"]
    assert all("checks" not in item for item in plain["results"])


@pytest.mark.parametrize("count", [1, 25])
def test_list_with_checks_query_count(
    kh: Kh, people: People, django_assert_num_queries, count: int
) -> None:
    _nominations(kh, count)
    client = api(people.secretariat)

    with django_assert_num_queries(16):
        body = client.get("/api/v1/nominations/", {"checks": "true"}).json()

    assert len(body["results"]) == count
    codes = [{check["code"] for check in item["checks"]} for item in body["results"]]
    assert all({"authority", "one_award", "dossier", "quota"} <= mine for mine in codes)


def test_list_pages_are_newest_first_and_whole(kh: Kh, people: People) -> None:
    made = _nominations(kh, 3)
    for n, nomination in enumerate(made):  # oldest first
        stamp = dt.datetime(2025, 3, 1 + n, tzinfo=dt.UTC)
        Nomination.objects.filter(pk=nomination.pk).update(updated_at=stamp)
    client = api(people.secretariat)

    first = client.get("/api/v1/nominations/", {"page_size": 2}).json()
    second = client.get("/api/v1/nominations/", {"page_size": 2, "page": 2}).json()

    assert first["count"] == 3
    assert [r["id"] for r in first["results"]] == [made[2].pk, made[1].pk]
    assert [r["id"] for r in second["results"]] == [made[0].pk]
    assert first["results"][0]["nominee_name"] == made[2].nominee.name
