"""The decisions' tests run on 10/7/2025 (frozen) in the world of tests/decisions/fixtures.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from tests.decisions.fixtures import world  # noqa: F401 - the shared fixture
from tests.factories.decisions import NOW


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield
