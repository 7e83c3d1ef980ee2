"""The report's figures from known awards: every filled cell, year boundaries, revoked
and other provinces' awards left out, a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.award_statistics import award, known_awards_2025
from tests.factories.organisations import Province
from thidua.award_statistics.selectors import statistics_for

pytestmark = pytest.mark.django_db

#: (total, collective, individual, female, direct worker, household, amount) per form.
EXPECTED_2025 = {
    "cstdcs": [2, 0, 2, 1, 1, 0, 2_000_000],
    "ldtt": [1, 0, 1, 1, 1, 0, 300_000],
    "ttldxs": [1, 1, 0, 0, 0, 0, 5_000_000],
    "bang-khen-tinh": [2, 0, 1, 1, 1, 1, 800_000],
}


def test_every_cell_of_the_2025_report_from_known_awards(province: Province, forms: None) -> None:
    known_awards_2025(province)

    stats = statistics_for(province.root, 2025)

    for row in stats.rows:
        assert row.values() == EXPECTED_2025.get(row.code, [0] * 7), row.code
    assert stats.total().values() == [6, 1, 4, 3, 3, 1, 8_100_000]
    assert stats.titles_total().values() == [4, 1, 3, 2, 2, 0, 7_300_000]
    assert stats.forms_total().values() == [2, 0, 1, 1, 1, 1, 800_000]
    assert [row.kind for row in stats.rows[: len(stats.titles)]] == ["title"] * len(stats.titles)


def test_year_boundaries_take_the_decision_date(province: Province, forms: None) -> None:
    known_awards_2025(province)

    assert statistics_for(province.root, 2024).total().total == 1
    assert statistics_for(province.root, 2026).total().total == 1


def test_a_revoked_award_leaves_the_figures(province: Province, forms: None) -> None:
    record = award(province.health, "ldtt", dt.date(2025, 5, 5), 300_000, kind="individual")
    assert statistics_for(province.root, 2025).total().total == 1

    record.revoked_on = dt.date(2025, 9, 1)
    record.save()

    assert statistics_for(province.root, 2025).total().values() == [0] * 7


def test_a_district_is_not_a_province_scope(province: Province, forms: None) -> None:
    known_awards_2025(province)

    stats = statistics_for(province.district_a, 2025)

    assert stats.total().total == 2  # commune A1's two awards only


@pytest.mark.parametrize("count", [1, 3])
def test_figures_cost_two_queries(
    province: Province, forms: None, count: int, django_assert_num_queries
) -> None:
    for n in range(count):
        award(province.health, "cstdcs", dt.date(2025, 4, 1 + n), 1_000_000, kind="individual")

    with django_assert_num_queries(2):
        stats = statistics_for(province.root, 2025)

    assert stats.total().total == count
