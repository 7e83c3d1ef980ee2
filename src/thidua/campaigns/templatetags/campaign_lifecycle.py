"""``{% campaign_stage campaign as stage %}``: where a campaign stands today, for people.

``stage.label`` ("Đang triển khai", "Đã hết thời gian, chờ tổng kết", …), ``stage.stage``
for the CSS class, and ``stage.may_close`` when the Ban TĐKT can close it now.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from thidua.accounts.rules import is_admin, is_secretariat
from thidua.campaigns.lifecycle import CampaignStage, campaign_stage
from thidua.campaigns.models import Campaign

register = template.Library()


@register.simple_tag(name="campaign_stage")
def campaign_stage_tag(campaign: Campaign) -> CampaignStage:
    """The campaign's stage on today's date (no query)."""
    return campaign_stage(campaign, timezone.localdate())


@register.filter
def offers_closing(user: Any, stage: CampaignStage) -> bool:
    """Whether to offer "Kết thúc phong trào" (the page it leads to checks in full)."""
    return stage.may_close and bool(is_admin(user) or is_secretariat(user))
