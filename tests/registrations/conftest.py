"""Fixtures of the registration tests: the shipped award forms and the people."""

import pytest

from tests.factories.organisations import Province
from tests.factories.registrations import People, people_of
from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def forms(db: None) -> None:
    award_forms_load_shipped()


@pytest.fixture
def people(province: Province, forms: None) -> People:
    return people_of(province)
