"""Fixtures of the works tests (tests/works/fixtures.py): a KH 128-like campaign on the
`province` tree, its people, another province, and the clock frozen at 01/3/2025 09:00."""

from tests.works.fixtures import _frozen_time, kh, other_province, people  # noqa: F401
