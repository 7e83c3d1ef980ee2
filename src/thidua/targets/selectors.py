"""Reads of targets and their actual values. Every list starts from ``targets_visible_to``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.organisations.selectors import unit_scope_q
from thidua.targets.evaluation import Evaluation, evaluate
from thidua.targets.models import Target, TargetValue


def targets_visible_to(user: Any) -> QuerySet[Target]:
    """Targets of the campaigns the user sees: the campaign's own targets, and the units'
    own targets of the units the user's roles cover (never a sibling unit's).

    Nothing for an anonymous user; a draft campaign's targets only for those who see it.
    """
    if not getattr(user, "is_authenticated", False):
        return Target.objects.none()
    campaigns = campaigns_visible_to(user).values("pk")
    if reach_of(user).is_admin:
        return Target.objects.filter(campaign__in=campaigns)
    own = Q(unit__isnull=True) | unit_scope_q(user, prefix="unit__")
    # Through a subquery: a cluster leader's scope joins group memberships (duplicates).
    return Target.objects.filter(
        pk__in=Target.objects.filter(own, campaign__in=campaigns).values("pk")
    )


def target_values_visible_to(user: Any) -> QuerySet[TargetValue]:
    """Actual values of the targets the user sees."""
    return TargetValue.objects.filter(target__in=targets_visible_to(user).values("pk"))


def parent_target(target: Target) -> Target | None:
    """The campaign target a unit's own target refines: the one whose code it carries
    (``T10``) or extends (``T10.1``); None for a campaign target or a free-standing one."""
    if target.unit_id is None:
        return None
    base = target.code.split(".", 1)[0]
    return Target.objects.filter(
        campaign_id=target.campaign_id, unit__isnull=True, code=base
    ).first()


@dataclass(frozen=True)
class BoardRow:
    """One target of the board: its values (oldest first), latest value and evaluation."""

    target: Target
    values: list[TargetValue]
    evaluation: Evaluation

    @property
    def latest(self) -> TargetValue | None:
        return self.values[-1] if self.values else None


def with_values(targets: QuerySet[Target]) -> QuerySet[Target]:
    """Targets with their values prefetched oldest first (one query for all of them)."""
    ordered = TargetValue.objects.select_related("unit").order_by("period_end", "pk")
    return targets.prefetch_related(Prefetch("values", queryset=ordered))


def target_board(user: Any, campaign: Campaign, today: dt.date) -> list[BoardRow]:
    """Each campaign-level target of ``campaign`` the user sees, in the plan's order, with
    its values and its evaluation as of ``today``.

    Costs a fixed number of queries however many targets and values there are: the
    user's memberships (once per request), the targets, their values. A campaign the user
    cannot see gives an empty board.
    """
    targets = with_values(
        targets_visible_to(user)
        .filter(campaign=campaign, unit__isnull=True)
        .select_related("content_area")
        .order_by("position", "code")
    )
    rows = []
    for target in targets:
        values = list(target.values.all())
        rows.append(BoardRow(target, values, evaluate(target, values, today)))
    return rows
