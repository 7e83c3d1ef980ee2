"""Fixtures of proposals to higher levels: the shipped forms (with the holidays) and a
province's people."""

from __future__ import annotations

import pytest

from tests.factories import Province
from tests.factories.higher_awards import World, world
from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def w(province: Province) -> World:
    award_forms_load_shipped()
    return world(province)
