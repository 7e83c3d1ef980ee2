"""Every public page costs the same number of queries for one item or three."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.exemplars import add_photo, nomination_for, story_in
from tests.factories.public import issued_decision, published_ranking
from tests.factories.works import WorkFactory
from thidua.exemplars.models import ExemplarState
from thidua.works.models import WorkState

#: Queries per page, whatever the number of items (the works page counts its districts once).
EXPECTED = {"index": 5, "works": 4, "stories": 3, "story": 2, "rankings": 2, "decisions": 3}


def _items(kind: str, count: int, kh, people, province) -> str:
    units = [province.commune_a1, province.commune_a2, province.commune_b1]
    if kind in ("index", "stories", "story"):
        for n in range(count):
            story = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=n)
        add_photo(people.secretariat, story_in(ExemplarState.DRAFT, kh, people, units[0], n=5))
        return (
            reverse("public:story", args=[story.pk])
            if kind == "story"
            else reverse(f"public:{kind}")
        )
    if kind == "works":
        for n in range(count):
            WorkFactory(campaign=kh.campaign, unit=units[n], state=WorkState.IN_PROGRESS,
                        created_by=people.a1_officer)  # fmt: skip
        return reverse("public:works")
    if kind == "rankings":
        for _ in range(count):
            published_ranking(people, units)
        return reverse("public:rankings")
    for n in range(count):
        nomination = nomination_for(kh, people, province, name=f"Người được khen {n}")
        issued_decision(kh, people, nomination, number=f"{n + 1}/QĐ-UBND")
    return reverse("public:decisions")


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_public_page_query_count(kh, people, province, django_assert_num_queries, kind, count):
    url = _items(kind, count, kh, people, province)
    client = Client()

    with django_assert_num_queries(EXPECTED[kind]):
        response = client.get(url)

    assert response.status_code == 200
