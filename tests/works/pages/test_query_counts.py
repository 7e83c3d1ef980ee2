"""Every list page of works costs the same number of queries for one work or three."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories.works import work_in
from tests.pages import signed_in
from thidua.works.models import WorkState

#: Queries of each page, whatever the number of works (session, user, memberships, the
#: campaign choices, the rows and their prefetches, the counts). The board pages of the
#: Ban TĐKT also read the ids of the units its province covers (once a request), and the
#: paginated lists read the page's ids before its rows (``core.paging.IdsFirst``).
EXPECTED = {
    "unit": 11,
    "queue": 10,
    "register": 11,
    "compliance": 8,
    "ahead": 9,
    "charts": 8,
}


def _works(count: int, state: WorkState, kh, people, province, *, one_unit: bool = False) -> None:
    """``count`` works in ``state``, spread over two communes unless ``one_unit``."""
    units = [(province.commune_a1, people.a1_officer), (province.commune_a2, people.a2_officer)]
    for n in range(count):
        unit, actor = units[0 if one_unit else n % 2]
        work_in(state, kh, people, province, unit=unit, actor=actor)


@pytest.mark.parametrize("count", [1, 3])
def test_unit_page_query_count(kh, people, province, django_assert_num_queries, count):
    for state in (WorkState.RETURNED, WorkState.IN_PROGRESS):  # a return reason each
        _works(count, state, kh, people, province, one_unit=True)
    client = signed_in(people.a1_officer)

    with django_assert_num_queries(EXPECTED["unit"]):
        response = client.get(reverse("works:unit"))

    assert response.content.decode().count('class="work-card"') == count * 2


@pytest.mark.parametrize("count", [1, 3])
def test_queue_query_count(kh, people, province, django_assert_num_queries, count):
    _works(count, WorkState.SUBMITTED, kh, people, province)
    client = signed_in(people.district_a_officer)

    with django_assert_num_queries(EXPECTED["queue"]):
        response = client.get(reverse("works:queue"))

    assert response.content.decode().count('class="work-card queue-item') == count


@pytest.mark.parametrize("count", [1, 3])
def test_register_query_count(kh, people, province, django_assert_num_queries, count):
    _works(count, WorkState.IN_PROGRESS, kh, people, province)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["register"]):
        response = client.get(reverse("works:register"), {"state": "in_progress", "q": "a"})

    assert response.content.decode().count("<tr>") == count + 1


@pytest.mark.parametrize("count", [1, 3])
def test_compliance_query_count(kh, people, province, django_assert_num_queries, count):
    _works(count, WorkState.SUBMITTED, kh, people, province)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["compliance"]):
        response = client.get(reverse("works:compliance") + "?all=1")

    assert "Xã Phong Phú" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_ahead_query_count(kh, people, province, django_assert_num_queries, count):
    _works(count, WorkState.COMPLETED, kh, people, province)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["ahead"]):
        response = client.get(reverse("works:ahead"))

    assert response.content.decode().count('class="work-card"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_charts_query_count(kh, people, province, django_assert_num_queries, count):
    _works(count, WorkState.IN_PROGRESS, kh, people, province)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["charts"]):
        response = client.get(reverse("works:charts"))

    assert f"{count} công trình" in response.content.decode()
