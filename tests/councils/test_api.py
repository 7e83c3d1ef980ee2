"""Council sessions through the API: what each role sees, results only after closing,
never who voted what in secret, N+1 on the list and the detail."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from tests.factories.councils import make_session, nominations, vote_all
from thidua.councils import services
from thidua.councils.models import VoteChoice

URL = "/api/v1/council-sessions/"


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def closed(kh, people, province):
    items = nominations(kh, province, 1) + nominations(kh, province, 1, form=kh.cstd)
    session = make_session(kh, people, members=5, items=items)
    session = services.session_open(actor=people.secretariat, session=session)
    plain, secret = session.items.order_by("order")
    vote_all(session, plain, [VoteChoice.YES] * 4 + [VoteChoice.NO])
    vote_all(session, secret, [VoteChoice.YES] * 5)
    return services.session_close(actor=people.secretariat, session=session)


def test_list_and_detail_with_results(closed, people):
    client = _client(people.leader)

    listed = client.get(URL).json()
    detail = client.get(f"{URL}{closed.pk}/").json()

    assert [row["title"] for row in listed["results"]] == [closed.title]
    assert listed["results"][0]["member_count"] == 5
    assert detail["state"] == "closed" and len(detail["members"]) == 5
    plain, secret = detail["agenda"]
    assert plain["result"]["yes"] == 4 and plain["result"]["passed"] is True
    assert secret["secret_ballot"] is True
    assert secret["result"] == {
        "yes": 5,
        "no": 0,
        "abstain": 0,
        "base": 5,
        "passed": True,
        "outcome": "approved",
        "note": "",
    }


def test_detail_never_tells_who_voted_what(closed, people):
    body = json.dumps(_client(people.admin).get(f"{URL}{closed.pk}/").json())

    assert "choice" not in body and "votes" not in body and "receipt" not in body


def test_no_counts_before_closing(kh, people, province):
    session = make_session(kh, people, members=3, items=nominations(kh, province, 1))
    session = services.session_open(actor=people.secretariat, session=session)
    vote_all(session, session.items.get(), [VoteChoice.YES])

    detail = _client(people.secretariat).get(f"{URL}{session.pk}/").json()

    assert detail["agenda"][0]["result"] is None


@pytest.mark.parametrize("role", ["outsider_councillor", "unit_officer", "other_secretariat"])
def test_leak_out_of_reach_is_404(role, closed, people):
    client = _client(getattr(people, role))

    assert client.get(URL).json()["results"] == []
    response = client.get(f"{URL}{closed.pk}/")
    assert response.status_code == 404


def test_seated_member_sees_their_session(closed, people):
    rows = _client(people.councillors[2]).get(URL).json()["results"]

    assert [row["id"] for row in rows] == [closed.pk]


def test_bad_id_is_404_not_500(people):
    response = _client(people.secretariat).get(f"{URL}abc/")

    assert response.status_code == 404
    assert "id" not in response.json()  # an answer about nothing, not a session


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count(count, kh, people, province, django_assert_num_queries):
    for n in range(count):
        make_session(kh, people, members=2, title=f"Phiên {n}", items=nominations(kh, province, 1))
    client = _client(people.secretariat)

    with django_assert_num_queries(2):  # memberships, the page of sessions with counts
        rows = client.get(URL).json()["results"]

    assert len(rows) == count


@pytest.mark.parametrize("count", [1, 3])
def test_detail_query_count(count, kh, people, province, django_assert_num_queries):
    session = make_session(kh, people, members=count + 1, items=nominations(kh, province, count))
    client = _client(people.secretariat)

    with django_assert_num_queries(4):  # memberships, session, members, agenda
        detail = client.get(f"{URL}{session.pk}/").json()

    assert len(detail["agenda"]) == count
