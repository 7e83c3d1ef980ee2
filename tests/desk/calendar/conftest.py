"""Fixtures of the year's calendar: the shipped award forms, a campaign with phases and
report periods in 2026, and the people whose access the tests check."""

from __future__ import annotations

import pytest

from tests.factories.award_statistics import StatsPeople, stats_people
from tests.factories.organisations import Province
from tests.factories.year_calendar import CalendarWorld, calendar_world


@pytest.fixture
def people(province: Province) -> StatsPeople:
    return stats_people(province)


@pytest.fixture
def world(province: Province) -> CalendarWorld:
    return calendar_world(province)
