"""The targets pages cost the same number of queries for one own target or three."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import Province
from tests.factories.targets import Kh, People
from tests.pages import signed_in
from tests.targets.pages.forms import add_target, record
from thidua.targets.models import Target

#: Unit page: session, user, memberships, the user's units, their campaigns, the campaign's
#: targets and values, the unit's own targets and values. Summary: session, user,
#: memberships, campaigns, the campaign targets, the own targets and their values.
EXPECTED = {"unit": 9, "summary": 7}


def _own_targets(count: int, kh: Kh, people: People, province: Province) -> None:
    client = signed_in(people.district_b_head)
    for n in range(count):
        add_target(client, kh, province.district_b, indicator=f"Chỉ tiêu riêng {n}")
    for target in Target.objects.filter(unit=province.district_b):
        record(client, target.pk)


@pytest.mark.parametrize("count", [1, 3])
def test_unit_page_query_count(kh, people, province, django_assert_num_queries, count):
    _own_targets(count, kh, people, province)
    client = signed_in(people.district_b_head)

    with django_assert_num_queries(EXPECTED["unit"]):
        response = client.get(reverse("targets:unit"))

    assert response.content.decode().count('class="target-card target-card--own"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_summary_page_query_count(kh, people, province, django_assert_num_queries, count):
    _own_targets(count, kh, people, province)
    client = signed_in(people.secretariat)

    with django_assert_num_queries(EXPECTED["summary"]):
        response = client.get(reverse("targets:summary"))

    assert response.content.decode().count("<tr>") == count + 2  # head + Huyện Cầu Kè
