"""/api/v1/ratings/ and /api/v1/initiatives/: scoped to what the caller's roles cover,
paginated, constant queries."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import Province
from tests.factories.ratings import AnnualRatingFactory, Staff, initiative
from tests.pages import signed_in


def test_ratings_are_listed_for_the_unit_and_the_board_not_the_sibling(
    province: Province, staff: Staff
) -> None:
    AnnualRatingFactory(nominee__unit=province.health, nominee__name="Nguyễn Thị Hoa")

    own = signed_in(staff.officer).get("/api/v1/ratings/").json()
    board = signed_in(staff.secretariat).get("/api/v1/ratings/?year=2025").json()
    sibling = signed_in(staff.sibling).get("/api/v1/ratings/").json()

    assert [r["nominee_name"] for r in own["results"]] == ["Nguyễn Thị Hoa"]
    assert own["results"][0]["rating_label"] == "Hoàn thành tốt nhiệm vụ"
    assert board["count"] == 1
    assert sibling["count"] == 0


def test_initiatives_are_scoped_and_a_hidden_one_is_a_404(province: Province, staff: Staff) -> None:
    person = AnnualRatingFactory(nominee__unit=province.health).nominee
    item = initiative(person, title="Số hóa hồ sơ bệnh án", level="province")

    own = signed_in(staff.officer).get("/api/v1/initiatives/?level=province").json()
    hidden = signed_in(staff.sibling).get(f"/api/v1/initiatives/{item.pk}/")

    assert own["results"][0]["title"] == "Số hóa hồ sơ bệnh án"
    assert own["results"][0]["authors"] == [{"id": person.pk, "name": person.name}]
    assert hidden.status_code == 404


def test_anonymous_callers_are_refused(province: Province, forms: None) -> None:
    assert Client().get("/api/v1/ratings/").status_code in (401, 403)
    assert Client().get("/api/v1/initiatives/").status_code in (401, 403)


@pytest.mark.parametrize("n", [1, 3])
def test_the_lists_cost_constant_queries(
    province: Province, staff: Staff, n: int, django_assert_num_queries: object
) -> None:
    for _ in range(n):
        initiative(AnnualRatingFactory(nominee__unit=province.health).nominee)
    client = signed_in(staff.officer)

    with django_assert_num_queries(5):  # type: ignore[operator]
        ratings = client.get("/api/v1/ratings/")
    with django_assert_num_queries(6):  # type: ignore[operator]
        initiatives = client.get("/api/v1/initiatives/")

    assert ratings.json()["count"] == n and initiatives.json()["count"] == n
