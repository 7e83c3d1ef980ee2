"""Fixtures of the exemplar tests: the works tests' campaign and people (time frozen at
01/3/2025 09:00), works with photos, and stories in any state."""

from __future__ import annotations

from tests.browser.conftest import _static_root, browser  # noqa: F401  (browser checks)
from tests.works.conftest import (  # noqa: F401  (shared fixtures)
    TODAY,
    Kh,
    People,
    _frozen_time,
    kh,
    other_province,
    people,
)
