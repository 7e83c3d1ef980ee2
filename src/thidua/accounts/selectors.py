"""Reads about people: their current memberships and the reach of their roles.

Memberships are read once per request-bound user object and cached on it, so that
permission checks on a page cost a fixed number of queries however many rows it shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from thidua.accounts.models import PROVINCE_WIDE_ROLES, Membership, Role, Scope
from thidua.core.tree import path_ids, root_path
from thidua.core.validity import valid_on

_CACHE_ATTR = "_thidua_reach"


@dataclass(frozen=True)
class Reach:
    """What a user's memberships cover, resolved to unit ids.

    ``exact`` units are covered alone; the units under ``subtree_paths`` are covered with all their descendants;
    ``roles`` maps each role the user holds to the unit ids it is held in; ``ancestors``
    are the units above (and including) each unit the user is a member of — the levels
    whose campaigns apply to them. A province-wide role covers its province's subtree.
    """

    is_admin: bool
    roles: dict[str, frozenset[int]]
    exact: frozenset[int]
    subtree_paths: frozenset[str]
    member_units: frozenset[int]
    ancestors: frozenset[int]


def memberships_of(user: Any, *, on: dt.date | None = None) -> list[Membership]:
    """The user's memberships in force on ``on`` (default today), with their units."""
    if not getattr(user, "is_authenticated", False):
        return []
    day = on or timezone.localdate()
    return list(
        Membership.objects.filter(valid_on(day), user=user).select_related("unit").order_by("pk")
    )


def reach_of(user: Any) -> Reach:
    """Resolve (and cache on ``user``) which units the user's roles cover today."""
    cached: Reach | None = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    memberships = memberships_of(user)
    roles: dict[str, set[int]] = {}
    exact: set[int] = set()
    subtree_paths: set[str] = set()
    ancestors: set[int] = set()
    for membership in memberships:
        roles.setdefault(membership.role, set()).add(membership.unit_id)
        if membership.role in PROVINCE_WIDE_ROLES:
            subtree_paths.add(root_path(membership.unit.path))
        elif membership.scope == Scope.SUBTREE:
            subtree_paths.add(membership.unit.path)
        else:
            exact.add(membership.unit_id)
    member_units = frozenset(m.unit_id for m in memberships)
    for membership in memberships:
        ancestors.update(path_ids(membership.unit.path))
    reach = Reach(
        is_admin=bool(getattr(user, "is_superuser", False)) or Role.ADMIN in roles,
        roles={role: frozenset(ids) for role, ids in roles.items()},
        exact=frozenset(exact),
        subtree_paths=frozenset(subtree_paths),
        member_units=member_units,
        ancestors=frozenset(ancestors),
    )
    if getattr(user, "is_authenticated", False):
        setattr(user, _CACHE_ATTR, reach)
    return reach


def has_role(user: Any, *roles: str) -> bool:
    """True when the user holds any of ``roles`` today (system admins hold them all)."""
    reach = reach_of(user)
    return reach.is_admin or any(role in reach.roles for role in roles)


def forget_reach(user: Any) -> None:
    """Drop the cached reach (after memberships change within one request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def unit_staff(unit_id: int, *, on: dt.date | None = None) -> Any:
    """The officers and the head of a unit in force on ``on`` (default today): the people a
    notification about the unit's own work, report, sheet or nomination goes to.

    One filter() call: the validity applies to the same membership as the unit and the role,
    so former (or future) staff are not told."""
    from thidua.accounts.models import User

    return User.objects.filter(
        valid_on(on or timezone.localdate(), prefix="memberships__"),
        memberships__unit_id=unit_id,
        memberships__role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD],
    ).distinct()


def secretariat_covers(user: Any, path: str, *, admins: bool = True) -> bool:
    """Whether ``user`` is the Ban Thi đua - Khen thưởng (the secretariat role of Sở Nội vụ)
    whose province holds the unit at tree ``path`` — or, with ``admins``, a system admin.

    Sở Nội vụ advises the provincial People's Committee on emulation and commendation in its
    province only (NĐ 152/2025, Điều 86): another province's secretariat is never covered."""
    if not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    if admins and reach.is_admin:
        return True
    if Role.SECRETARIAT not in reach.roles:
        return False
    return any(path.startswith(prefix) for prefix in reach.subtree_paths)
