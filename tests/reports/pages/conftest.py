"""Fixtures of the report page tests: the reports tests' KH 128-like campaign, its
periods and people (tests/reports/conftest.py), frozen at Tuesday 10/12/2024 09:00
(Vietnam time) — inside Quý IV/2024, five days before its due date 15/12/2024 (a Sunday).

The pages are read as each role reads them: assertions are on the Vietnamese text.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.factories.reports import at
from thidua.reports.models import ReportPeriod


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with at(2024, 12, 10, 9):
        yield


@pytest.fixture
def q4(generated: list[ReportPeriod]) -> ReportPeriod:
    """Quý IV/2024: 01/10–31/12/2024, due Sunday 15/12/2024."""
    return generated[0]
