"""Parts of a campaign plan that another app owns: today, the plan's targets.

A campaign file, the campaign's page and its API carry the whole plan, targets included;
but ``Target`` belongs to ``thidua.targets``, which builds on campaigns, so campaigns
names no target (DESIGN.md: no cycle between apps). The owning app registers its part
when Django starts (``AppConfig.ready``) and campaigns asks the registry:

- ``write`` stores the part of a validated campaign file, inside the loader's transaction;
- ``shown`` is the queryset the campaign's page and API show, prefetched under ``name``
  (the part's related name on ``Campaign`` and its key in the file and the API);
- ``serializer`` makes the field of the campaign's detail in the API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from rest_framework import serializers

if TYPE_CHECKING:
    from thidua.campaigns.files.schema import CampaignFile
    from thidua.campaigns.models import Campaign, ContentArea


@dataclass(frozen=True)
class PlanPart:
    """One part of a plan, as its owning app writes, shows and serializes it."""

    name: str
    write: Callable[[Campaign, CampaignFile, Mapping[str, ContentArea]], None]
    shown: Callable[[], QuerySet[Any]]
    serializer: Callable[[], serializers.BaseSerializer[Any]]


_PARTS: dict[str, PlanPart] = {}


def plan_part_register(part: PlanPart) -> None:
    """Register ``part`` under its name (a second registration replaces the first)."""
    _PARTS[part.name] = part


def plan_parts() -> list[PlanPart]:
    """Every registered part, in the order registered."""
    return list(_PARTS.values())
