"""Fixtures of the campaign tests: a small valid campaign file, the units it names, and the
campaign fixtures other folders share (tests/campaigns/fixtures.py)."""

from __future__ import annotations

import pytest

from tests.campaigns.fixtures import jan_2025, kh128, tra_vinh_units, world  # noqa: F401
from tests.factories.campaigns import MINIMAL


@pytest.fixture
def minimal_text(province: object) -> str:
    return MINIMAL
