"""Fixtures of the statistical report's tests: the shipped award forms, the people."""

from __future__ import annotations

import pytest

from tests.factories.award_statistics import StatsPeople, stats_people
from tests.factories.organisations import Province
from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def forms(db: None) -> None:
    award_forms_load_shipped()


@pytest.fixture
def people(province: Province) -> StatsPeople:
    return stats_people(province)
