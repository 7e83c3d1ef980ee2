"""Permission predicates on phase reviews (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of


def _covers(user: Any, campaign: Any, roles: tuple[str, ...]) -> bool:
    if campaign is None or not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    if reach.is_admin:
        return True
    if not any(role in reach.roles for role in roles):
        return False
    path = campaign.issuer_unit.path
    return any(path.startswith(prefix) for prefix in reach.subtree_paths)


@rules.predicate
def can_manage_reviews(user: Any, campaign: Any) -> bool:
    """Sở Nội vụ (Ban TĐKT) covering the campaign's issuer prepares the review, selects
    the works finished ahead of schedule for commendation and for the media, and issues
    the report (KH 128 IV.5, IV.8); administrators too."""
    return _covers(user, campaign, (Role.SECRETARIAT,))


@rules.predicate
def can_view_reviews(user: Any, campaign: Any) -> bool:
    """The Ban TĐKT and the provincial leaders (who chair the review) covering the
    campaign's issuer (KH 128 IV.8)."""
    return _covers(user, campaign, (Role.SECRETARIAT, Role.LEADER))


rules.add_perm("reviews.manage_review", can_manage_reviews)
rules.add_perm("reviews.view_review", can_view_reviews)
