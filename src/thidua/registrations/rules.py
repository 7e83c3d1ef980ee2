"""Permission predicates on registrations (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.organisations.models import Unit
from thidua.registrations.models import Registration
from thidua.registrations.transitions import Actor

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def _holds(user: Any, unit_id: int, roles: tuple[str, ...]) -> bool:
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in roles)


def may_prepare(user: Any, unit: Unit | None) -> bool:
    """An officer or the head of ``unit`` itself prepares its registration (never a
    sibling's, never a parent's); an administrator too."""
    if unit is None or not getattr(user, "is_authenticated", False):
        return False
    return reach_of(user).is_admin or _holds(user, unit.pk, UNIT_ROLES)


@rules.predicate
def is_unit_head(user: Any, registration: Registration | None) -> bool:
    """The head of the registering unit submits its registration (officers prepare)."""
    if registration is None or not getattr(user, "is_authenticated", False):
        return False
    return reach_of(user).is_admin or _holds(user, registration.unit_id, (Role.UNIT_HEAD,))


@rules.predicate
def is_receiving_secretariat(user: Any, registration: Registration | None) -> bool:
    """The Ban Thi đua – Khen thưởng of the province that holds the unit (Sở Nội vụ
    advises on emulation in its province only: NĐ 152/2025 Điều 86); administrators."""
    if registration is None:
        return False
    return secretariat_covers(user, registration.unit.path)


@rules.predicate
def is_preparer(user: Any, registration: Registration | None) -> bool:
    """An officer or the head of the registering unit."""
    return registration is not None and may_prepare(user, registration.unit)


def may_compile(user: Any) -> bool:
    """Whether the user sees the province's compiled registrations: the Ban TĐKT, the
    province's leaders and administrators (their reach covers the province)."""
    reach = reach_of(user)
    return reach.is_admin or Role.SECRETARIAT in reach.roles or Role.LEADER in reach.roles


def may_act(user: Any, registration: Registration, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.HEAD:
        return bool(is_unit_head(user, registration))
    return bool(is_receiving_secretariat(user, registration))


rules.add_perm("registrations.change_registration", is_preparer)
rules.add_perm("registrations.submit_registration", is_unit_head)
rules.add_perm("registrations.receive_registration", is_receiving_secretariat)
