"""Fixtures of ratings: the shipped award forms (with the title rules' thresholds) and the
people of a small province (tests.factories.ratings.Staff)."""

from __future__ import annotations

import pytest

from tests.factories import Province, member
from tests.factories.ratings import Staff
from thidua.accounts.models import Role
from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def forms(db: None) -> None:
    award_forms_load_shipped()


@pytest.fixture
def staff(province: Province, forms: None) -> Staff:
    return Staff(
        officer=member(province.health),
        head=member(province.health, Role.UNIT_HEAD),
        sibling=member(province.home_affairs),
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
    )
