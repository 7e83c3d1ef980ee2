"""Fixtures of ratings: the shipped award forms (with the title rules' thresholds)."""

from __future__ import annotations

import pytest

from thidua.awards.loading import award_forms_load_shipped


@pytest.fixture
def forms(db: None) -> None:
    award_forms_load_shipped()
