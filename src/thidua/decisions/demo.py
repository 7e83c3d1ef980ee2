"""Demo data of decisions, loaded by ``demo_setup`` (idempotent)."""

from __future__ import annotations

from thidua.campaigns.models import Campaign


def demo_ensure(campaign: Campaign) -> str:
    """Create the demo rows once; return a line for the demo_setup output ("" if none)."""
    return ""
