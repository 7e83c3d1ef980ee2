"""Fixtures of the accessibility test: the works tests' campaign and people
(tests/works/fixtures.py), the clock frozen at 01/3/2025 09:00 (in this folder only)."""

from tests.works.fixtures import _frozen_time, kh, other_province, people  # noqa: F401
