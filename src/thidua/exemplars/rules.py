"""Permission predicates on exemplary models (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.exemplars.models import Exemplar, ExemplarState
from thidua.exemplars.transitions import Actor

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def covers_path(user: Any, path: str) -> bool:
    """The Ban TĐKT whose province covers ``path`` (a unit's tree path)."""
    return secretariat_covers(user, path, admins=False)


@rules.predicate
def is_secretariat_for_campaign(user: Any, campaign: Any) -> bool:
    """Sở Nội vụ (Ban TĐKT) covering the campaign's issuer selects exemplary models for the
    media (KH 128 IV.5); administrators too."""
    if campaign is None or not getattr(user, "is_authenticated", False):
        return False
    return reach_of(user).is_admin or covers_path(user, campaign.issuer_unit.path)


@rules.predicate
def is_exemplar_author(user: Any, exemplar: Exemplar | None) -> bool:
    """The officer or head of the story's unit, or the Ban TĐKT covering that unit."""
    if exemplar is None or not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    if reach.is_admin:
        return True
    if any(exemplar.unit_id in reach.roles.get(role, frozenset()) for role in UNIT_ROLES):
        return True
    return covers_path(user, exemplar.unit.path)


@rules.predicate
def is_exemplar_approver(user: Any, exemplar: Exemplar | None) -> bool:
    """The Ban TĐKT covering the campaign's issuer approves and publishes (KH 128 IV.5)."""
    if exemplar is None:
        return False
    return bool(is_secretariat_for_campaign(user, exemplar.campaign))


@rules.predicate
def can_view_exemplar(user: Any, exemplar: Exemplar | None) -> bool:
    """Anyone sees a published story; the rest only through ``exemplars_visible_to``."""
    if exemplar is None:
        return False
    if exemplar.state == ExemplarState.PUBLISHED:
        return True
    from thidua.exemplars.selectors import exemplars_visible_to

    return exemplars_visible_to(user).filter(pk=exemplar.pk).exists()


def may_act(user: Any, exemplar: Exemplar, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.AUTHOR:
        return bool(is_exemplar_author(user, exemplar))
    return bool(is_exemplar_approver(user, exemplar))


rules.add_perm("exemplars.view_exemplar", can_view_exemplar)
rules.add_perm("exemplars.change_exemplar", is_exemplar_author)
rules.add_perm("exemplars.approve_exemplar", is_exemplar_approver)
