"""Reads of units and clusters. Every list starts from ``*_visible_to(user)``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.core.text import fold
from thidua.core.tree import path_ids
from thidua.core.validity import valid_on
from thidua.organisations.models import (
    EmulationGroup,
    GroupMembership,
    GroupRole,
    Unit,
    UnitSuccession,
)

#: How many successions a unit's history follows back: Phường 2 (TP Trà Vinh) → Phường 3
#: (01/01/2025) → Phường Trà Vinh (01/7/2025) is two.
SUCCESSION_DEPTH = 4


def subtree_q(paths: frozenset[str] | set[str], prefix: str = "") -> Q:
    """A filter on ``<prefix>path``: units inside the subtrees at ``paths`` (one
    index-friendly prefix match each; none when ``paths`` is empty)."""
    query = Q(**{f"{prefix}pk__in": []})
    for path in sorted(paths):
        query |= Q(**{f"{prefix}path__startswith": path})
    return query


def unit_scope_q(user: Any, prefix: str = "") -> Q:
    """A filter on ``<prefix>unit`` fields: the units the user's roles cover.

    A unit role covers its unit (scope *unit*) or its subtree (scope *subtree*);
    province-wide roles cover their province; a cluster leader also covers the members
    of the groups their unit leads (any year: a leader looks back at last year's scores).
    Sideways (a sibling commune) is never covered.
    """
    reach = reach_of(user)
    if reach.is_admin:
        return Q()
    led = reach.roles.get("cluster_leader", frozenset())
    query = Q(**{f"{prefix}pk__in": sorted(reach.exact)}) | subtree_q(reach.subtree_paths, prefix)
    if led:
        query |= Q(
            **{
                f"{prefix}group_memberships__group__in": EmulationGroup.objects.filter(
                    memberships__unit__in=led, memberships__role=GroupRole.LEADER
                )
            }
        )
    return query


def unit_scope_grants(user: Any) -> frozenset[str]:
    """The rights ``unit_scope_q(user)`` rests on, one token each: ``admin``, a unit
    covered alone (``unit:<id>``), a subtree (``subtree:<path>``, a province-wide role's
    province included) and a led cluster (``leads:<unit id>``). A right lost (a membership
    ended or removed) is a token gone; an export's file checks its tokens are all still
    held (``core.rules.may_download_export``). Kept beside ``unit_scope_q``: a right
    that widens that filter must be a token here too."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    reach = reach_of(user)
    if reach.is_admin:
        return frozenset({"admin"})
    return frozenset(
        {f"unit:{unit}" for unit in reach.exact}
        | {f"subtree:{path}" for path in reach.subtree_paths}
        | {f"leads:{unit}" for unit in reach.roles.get("cluster_leader", frozenset())}
    )


#: Where :func:`covered_unit_ids` keeps its answer on the request's user, beside its reach.
_COVERED_ATTR = "_thidua_covered_units"


def covered_unit_ids(user: Any) -> frozenset[int]:
    """The ids of the units ``unit_scope_q(user)`` covers: the exact units at once, and
    the subtrees and led clusters with one query on units (a province's few hundred),
    read once per request-bound user like its reach.

    A list can then be filtered on its own ``unit_id`` column, which its index serves; a
    filter through the unit's path or a group membership, OR-ed with another branch,
    makes PostgreSQL read and join every row of the country (issue #16).
    """
    reach = reach_of(user)
    if not reach.subtree_paths and not reach.roles.get("cluster_leader"):
        return frozenset(reach.exact)
    cached = getattr(user, _COVERED_ATTR, None)
    if cached is not None and cached[0] is reach:
        covered: frozenset[int] = cached[1]
        return covered
    covered = frozenset(Unit.objects.filter(unit_scope_q(user)).values_list("pk", flat=True))
    setattr(user, _COVERED_ATTR, (reach, covered))
    return covered


def units_visible_to(user: Any) -> QuerySet[Unit]:
    """Units the user may see; nothing for an anonymous user."""
    if not getattr(user, "is_authenticated", False):
        return Unit.objects.none()
    return Unit.objects.filter(unit_scope_q(user)).distinct()


def staff_units(user: Any) -> list[Unit]:
    """The units in which the user is an officer or head today, by name: where they
    register works, set the unit's targets and propose awards."""
    reach = reach_of(user)
    ids = {u for role in (Role.UNIT_OFFICER, Role.UNIT_HEAD) for u in reach.roles.get(role, ())}
    return list(Unit.objects.filter(pk__in=sorted(ids)).order_by("name"))


def unit_search(queryset: QuerySet[Unit], text: str) -> QuerySet[Unit]:
    """Filter by words typed with or without diacritics ("cau ke" finds "Cầu Kè")."""
    for word in fold(text).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


@dataclass(frozen=True)
class TreeSlice:
    """The first units of the tree page (with ``child_count``), how many are visible in
    all, and how many of each kind."""

    units: list[Unit]
    total: int
    kinds: Counter[str]


def unit_tree_slice(
    user: Any, *, search: str = "", on: dt.date | None = None, limit: int | None = None
) -> TreeSlice:
    """Visible units in tree order (parents before children), the first ``limit`` of them
    loaded whole. The order is found on (id, path, kind) of every visible unit, so a
    country's ten thousand units cost one light query, not ten thousand objects.

    With ``search``, the matching units come with their visible ancestors so the path to
    each match stays readable. With ``on``, only units valid on that day.
    """
    visible = units_visible_to(user)
    if on is not None:
        visible = visible.filter(valid_on(on))
    if search:
        matches = list(unit_search(visible, search).values_list("path", flat=True))
        ids = {pk for path in matches for pk in path_ids(path)}
        visible = visible.filter(pk__in=ids)
    rows = sorted(visible.values_list("pk", "path", "kind"), key=lambda row: path_ids(row[1]))
    chosen = [pk for pk, _path, _kind in rows[:limit]]
    loaded = Unit.objects.filter(pk__in=chosen).annotate(child_count=Count("children"))
    by_pk = {unit.pk: unit for unit in loaded}
    return TreeSlice(
        units=[by_pk[pk] for pk in chosen],
        total=len(rows),
        kinds=Counter(kind for _pk, _path, kind in rows),
    )


def unit_tree(user: Any, *, search: str = "", on: dt.date | None = None) -> list[Unit]:
    """Every visible unit in tree order (see :func:`unit_tree_slice`)."""
    return unit_tree_slice(user, search=search, on=on).units


def _tree_key(unit: Unit) -> tuple[int, ...]:
    return tuple(path_ids(unit.path))


def groups_visible_to(user: Any, *, year: int | None = None) -> QuerySet[EmulationGroup]:
    """Clusters and blocks in which the user can see at least one member, or organises."""
    if not getattr(user, "is_authenticated", False):
        return EmulationGroup.objects.none()
    groups = EmulationGroup.objects.all()
    if year is not None:
        groups = groups.filter(year=year)
    reach = reach_of(user)
    if not reach.is_admin:
        visible_units = Unit.objects.filter(unit_scope_q(user)).values("pk")
        groups = groups.filter(
            Q(memberships__unit__in=visible_units) | Q(organiser__in=visible_units)
        ).distinct()
    members = GroupMembership.objects.select_related("unit").order_by("unit__name")
    return groups.select_related("organiser").prefetch_related(
        Prefetch("memberships", queryset=members)
    )


def inherited_q(units: QuerySet[Any], prefix: str = "") -> Q:
    """A filter on ``<prefix>pk``: the units whose duties passed to one of ``units`` (a
    ``values("pk")`` queryset), directly or through up to ``SUCCESSION_DEPTH`` recorded
    successions (đơn vị kế thừa: a merged commune's history belongs to the new commune).

    One SQL statement with nested subqueries, so a page's query count does not grow with
    the chain. Only predecessors: a successor's history is never shown to its predecessor,
    and a sibling of the successor is never covered.
    """
    query = Q(**{f"{prefix}pk__in": []})
    level: QuerySet[Any] = units
    for _step in range(SUCCESSION_DEPTH):
        level = UnitSuccession.objects.filter(successor__in=level).values("predecessor")
        query |= Q(**{f"{prefix}pk__in": level})
    return query


def predecessions(unit: Unit) -> list[UnitSuccession]:
    """The successions that passed duties to ``unit``, nearest first, then the units that
    passed theirs to those (up to ``SUCCESSION_DEPTH`` steps), with both units loaded."""
    found: list[UnitSuccession] = []
    seen = {unit.pk}
    frontier = [unit.pk]
    for _step in range(SUCCESSION_DEPTH):
        step = [
            s
            for s in UnitSuccession.objects.filter(successor__in=frontier)
            .select_related("predecessor__parent", "successor")
            .order_by("-effective", "predecessor__name")
            if s.predecessor_id not in seen
        ]
        if not step:
            break
        found += step
        seen |= {s.predecessor_id for s in step}
        frontier = [s.predecessor_id for s in step]
    return found


def single_successions(on: dt.date) -> list[tuple[Unit, Unit]]:
    """(old unit, its successor) for every unit with exactly one succession in force on
    ``on``, in the order they took effect.

    A unit split between several successors is left out: which successor takes which
    work or nomination is not in the data, so a person decides."""
    successions = (
        UnitSuccession.objects.filter(effective__lte=on)
        .select_related("predecessor", "successor")
        .order_by("effective", "pk")
    )
    by_predecessor: dict[int, list[UnitSuccession]] = {}
    for succession in successions:
        by_predecessor.setdefault(succession.predecessor_id, []).append(succession)
    return [
        (items[0].predecessor, items[0].successor)
        for items in by_predecessor.values()
        if len(items) == 1
    ]
