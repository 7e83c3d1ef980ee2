"""Reads of nominations. Every list, page and API call starts from ``nominations_visible_to``.

Who sees what (roles.md; never sideways): a unit's officers and head see their unit's
nominations (and, with a subtree membership, those of the units below); the granting
unit's staff see what they are asked to grant once submitted; Ban TĐKT, the province's
leaders and the Council members see the province's nominations once submitted (a draft
stays with its unit); a member seated in a Council session sees the nominations on its
agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.accounts.models import Membership, Role, Scope
from thidua.accounts.selectors import reach_of
from thidua.awards.models import AwardForm, Nomination, NominationEvent, NominationState
from thidua.awards.models.nominations import REVIEW_STATES
from thidua.core.text import fold
from thidua.core.tree import path_ids
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit
from thidua.organisations.selectors import subtree_q

_UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
_OVERSEERS = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)


def _unit_memberships(user: Any) -> tuple[set[int], set[str]]:
    """The units where the user is an officer or the head today (``own``) and the paths
    of those held with their subtree."""
    rows = list(
        Membership.objects.filter(
            valid_on(timezone.localdate()), user=user, role__in=_UNIT_ROLES
        ).values_list("unit_id", "unit__path", "scope")
    )
    own = {unit_id for unit_id, _path, _scope in rows}
    subtrees = {path for _unit_id, path, scope in rows if scope == Scope.SUBTREE}
    return own, subtrees


def _units_under(paths: set[str]) -> dict[str, list[int]]:
    """The ids of the units inside each subtree at ``paths`` (one query for all)."""
    if not paths:
        return {}
    rows = Unit.objects.filter(subtree_q(paths)).values_list("pk", "path")
    found: dict[str, list[int]] = {path: [] for path in paths}
    for pk, unit_path in rows:
        for path in paths:
            if unit_path.startswith(path):
                found[path].append(pk)
    return found


def _visibility(user: Any) -> tuple[Q | None, set[int]]:
    """The condition of ``nominations_visible_to`` (None: everything, for an admin) and the
    units where the user is an officer or the head.

    Every branch is a condition on the nomination's own columns against a list of ids
    (the units under a path and the nominations on the user's Council agendas are read
    first, one query each): an OR of such conditions is served by the indexes on those
    columns, where a branch through the unit's path or a sub-select made PostgreSQL read
    every nomination of the country for each list and count (issue #16).
    """
    reach = reach_of(user)
    if reach.is_admin:
        return None, set()
    own, subtrees = _unit_memberships(user)
    overseer_units = {u for role in _OVERSEERS for u in reach.roles.get(role, frozenset())}
    province_paths = (
        {path for path in reach.subtree_paths if path.count("/") == 2} if overseer_units else set()
    )  # "/<root id>/": a province-wide role covers its province
    under = _units_under(subtrees | province_paths)
    units = set(own).union(*(under[path] for path in subtrees))
    sent = Q(submitted_on__isnull=False) & ~Q(state=NominationState.DRAFT)
    query = Q(proposer_unit_id__in=sorted(units))
    query |= sent & Q(grantor_unit_id__in=sorted(own))
    province_units = set().union(*(under[path] for path in province_paths))
    query |= sent & Q(proposer_unit_id__in=sorted(province_units))
    # The members seated in a Council session read the dossiers on its agenda (Luật TĐKT
    # 2022 Điều 89: the Council reviews the dossier before it votes).
    seated = Nomination.objects.filter(agenda_items__session__members__user_id=user.pk)
    query |= Q(pk__in=sorted(set(seated.values_list("pk", flat=True))))
    return query, own


def nominations_visible_to(user: Any) -> QuerySet[Nomination]:
    """Nominations the user may see (see the module docstring); nothing when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return Nomination.objects.none()
    query, _own = _visibility(user)
    return Nomination.objects.all() if query is None else Nomination.objects.filter(query)


@dataclass
class NominationFilters:
    """Filters of the nomination lists (all optional)."""

    campaign: int | None = None
    phase: int | None = None
    state: str = ""
    form: int | None = None
    proposer_unit: int | None = None
    search: str = ""


def nomination_list(
    user: Any, filters: NominationFilters, *, visible: QuerySet[Nomination] | None = None
) -> QuerySet[Nomination]:
    """The visible nominations, filtered, with what a row shows, in a fixed number of
    queries (``visible``: ``nominations_visible_to(user)`` when the caller has it)."""
    if visible is None:
        visible = nominations_visible_to(user)
    nominations = visible.select_related(
        "nominee", "form", "proposer_unit", "grantor_unit", "phase", "campaign"
    )
    exact = {
        "campaign_id": filters.campaign,
        "phase_id": filters.phase,
        "state": filters.state,
        "form_id": filters.form,
        "proposer_unit_id": filters.proposer_unit,
    }
    nominations = nominations.filter(**{k: v for k, v in exact.items() if v not in (None, "")})
    for word in fold(filters.search).split():
        nominations = nominations.filter(nominee__search_key__contains=word)
    return nominations.order_by("-updated_at", "-pk")


def nomination_detail(user: Any, pk: int) -> Nomination:
    """One visible nomination with its dossier, links and history (404 when not visible)."""
    events = NominationEvent.objects.select_related("actor").order_by("at", "pk")
    nomination = (
        nominations_visible_to(user)
        .select_related(
            "nominee",
            "nominee__unit",
            "form",
            "proposer_unit",
            "grantor_unit",
            "phase",
            "campaign",
            "created_by",
        )
        .prefetch_related("files", "works", "targets", Prefetch("events", queryset=events))
        .filter(pk=pk)
        .first()
    )
    if nomination is None:
        raise Http404
    return nomination


def nomination_counts(user: Any, *, campaign: int | None = None) -> dict[str, Any]:
    """Counts by state and by form for the leader's overview, aggregated in SQL."""
    nominations = nominations_visible_to(user)
    if campaign:
        nominations = nominations.filter(campaign_id=campaign)
    # One GROUP BY (form, state) read from its index alone; the counts by state are its
    # sums (every nomination has a form) and the forms' names are read apart, so the
    # visible rows are read once, not twice (issue #16).
    grouped = list(nominations.values_list("form_id", "state").annotate(n=Count("*")).order_by())
    names = dict(
        AwardForm.objects.filter(pk__in={form for form, _s, _n in grouped}).values_list(
            "pk", "name"
        )
    )
    table: dict[str, dict[str, int]] = {}
    by_state: dict[str, int] = {}
    for form, state, n in sorted(grouped, key=lambda row: (names[row[0]], row[1])):
        cells = table.setdefault(names[form], {})
        cells[state] = cells.get(state, 0) + n
        by_state[state] = by_state.get(state, 0) + n
    return {
        "by_state": [(state, by_state.get(state.value, 0)) for state in NominationState],
        "by_form": table,
        "total": sum(by_state.values()),
    }


def _secretariat_provinces(user: Any) -> list[int]:
    """The root units (provinces) where ``user`` serves on the secretariat."""
    units = reach_of(user).roles.get(Role.SECRETARIAT, frozenset())
    paths = Unit.objects.filter(pk__in=sorted(units)).values_list("path", flat=True)
    return sorted({path_ids(path)[0] for path in paths})


def review_queue(user: Any) -> QuerySet[Nomination]:
    """What the user's appraising body has to act on: submitted, under review and waiting
    for the Council — for Ban TĐKT what the province grants, for a unit's staff what their
    unit grants (Luật TĐKT 2022 Điều 80)."""
    if not getattr(user, "is_authenticated", False):
        return Nomination.objects.none()
    query, own = _visibility(user)  # read once: the queue's own filter needs ``own`` too
    visible = Nomination.objects.all() if query is None else Nomination.objects.filter(query)
    nominations = nomination_list(user, NominationFilters(), visible=visible)
    # The same list as the partial indexes' condition, so PostgreSQL can use them.
    nominations = nominations.filter(state__in=list(REVIEW_STATES))
    reach = reach_of(user)
    if not reach.is_admin:
        mine = Q(grantor_unit_id__in=sorted(own))
        if Role.SECRETARIAT in reach.roles:
            # Its own province's grant (the root unit of the province it serves), not
            # every province's: one index-friendly condition on grantor_unit_id.
            mine |= Q(grantor_unit_id__in=_secretariat_provinces(user))
        nominations = nominations.filter(mine)
    return nominations.order_by("submitted_on", "pk")
