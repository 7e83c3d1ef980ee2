"""Reads of plan import drafts. Every page and API call starts from ``drafts_visible_to``."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.core.tree import path_ids
from thidua.organisations.models import Unit
from thidua.plan_import.models import ImportDraft


def drafts_visible_to(user: Any) -> QuerySet[ImportDraft]:
    """Drafts the user may see: their own, and those of the units their secretariat role
    covers (the Ban TĐKT of a province sees its colleagues' drafts, never another
    province's); an administrator sees all. Unit staff see none.
    """
    if not getattr(user, "is_authenticated", False):
        return ImportDraft.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return ImportDraft.objects.all()
    if Role.SECRETARIAT not in reach.roles:
        return ImportDraft.objects.none()
    roots = secretariat_roots(reach.roles[Role.SECRETARIAT])
    return ImportDraft.objects.filter(Q(created_by=user) | Q(unit__in=roots))


def secretariat_roots(unit_ids: frozenset[int]) -> list[int]:
    """The provinces (tree roots) of the units where a secretariat role is held: the Ban
    TĐKT works for its whole province (NĐ 152/2025 on the secretariat's tasks)."""
    paths = Unit.objects.filter(pk__in=sorted(unit_ids)).values_list("path", flat=True)
    return sorted({ids[0] for ids in map(path_ids, paths) if ids})


def draft_list(user: Any) -> QuerySet[ImportDraft]:
    """Visible drafts, newest first, with what the list shows (no per-row queries).

    The heavy JSON columns (lines, sources) are left out: a list never needs them.
    """
    return (
        drafts_visible_to(user)
        .select_related("created_by", "campaign")
        .defer("lines", "sources", "review", "suggestions")
        .order_by("-created_at", "-pk")
    )


def draft_detail(user: Any, pk: int) -> ImportDraft:
    """One visible draft; ``ImportDraft.DoesNotExist`` when missing or hidden alike."""
    return drafts_visible_to(user).select_related("created_by", "campaign").get(pk=pk)
