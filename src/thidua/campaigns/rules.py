"""Permission predicates on campaigns."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.rules import is_admin, is_secretariat
from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import campaigns_visible_to


@rules.predicate
def can_view_campaign(user: Any, campaign: Campaign | None) -> bool:
    """The campaign applies to one of the user's units, or the user's roles cover it."""
    if campaign is None:
        return False
    return campaigns_visible_to(user).filter(pk=campaign.pk).exists()


@rules.predicate
def can_manage_campaign(user: Any, campaign: Campaign | None) -> bool:
    """Load, replace or export a campaign: the secretariat covering it, or an admin."""
    if campaign is None:
        return bool(is_admin(user) or is_secretariat(user))
    return bool(is_admin(user) or (is_secretariat(user) and can_view_campaign(user, campaign)))


rules.add_perm("campaigns.view_campaign", can_view_campaign)
rules.add_perm("campaigns.manage_campaign", can_manage_campaign)
