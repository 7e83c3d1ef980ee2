"""The home and layout pages are read on the campaign pages' small world
(tests/campaigns/fixtures.py)."""

from tests.campaigns.fixtures import jan_2025, world  # noqa: F401
