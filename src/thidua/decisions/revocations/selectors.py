"""Reads of revocations, with the same visibility as the decisions they revoke.

The secretariat of the grantor's province and the granting unit's own staff see every
revocation of their grantor (drafts included); leaders and council members of the
province the issued ones; a unit only the issued revocations that cancel an award of
its own people, and only those rows (leak tests). ``revocation_of_entry`` is the public
read behind the certificate verification (no sign-in).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.decisions.models import (
    Revocation,
    RevocationEntry,
    RevocationEvent,
    RevocationState,
)
from thidua.decisions.rules import issuer_units, province_paths
from thidua.decisions.selectors import _own_units_q
from thidua.organisations.selectors import subtree_q

_WIDE_READERS = (Role.LEADER, Role.COUNCIL_MEMBER)
ISSUED = RevocationState.ISSUED


def _preparers_q(user: Any, prefix: str = "") -> Q:
    sec = province_paths(user, (Role.SECRETARIAT,))
    return subtree_q(sec, f"{prefix}grantor_unit__") | Q(
        **{f"{prefix}grantor_unit__in": sorted(issuer_units(user))}
    )


def revocations_visible_to(user: Any) -> QuerySet[Revocation]:
    """Revocations the user may open (see the module docstring for who sees what)."""
    if not getattr(user, "is_authenticated", False):
        return Revocation.objects.none()
    if reach_of(user).is_admin:
        return Revocation.objects.all()
    wide = province_paths(user, _WIDE_READERS)
    query = _preparers_q(user)
    query |= Q(state=ISSUED) & subtree_q(wide, "grantor_unit__")
    own_q = _own_units_q(user, "entry__")  # None: the province-wide branches cover them
    if own_q is not None:
        own = RevocationEntry.objects.filter(own_q).values("revocation_id")
        query |= Q(state=ISSUED, pk__in=own)
    return Revocation.objects.filter(query)


def revocation_rows_visible_to(user: Any) -> QuerySet[RevocationEntry]:
    """Rows the user may see: every row of the revocations seen province-wide; for a
    unit, the issued rows of its own people."""
    if not getattr(user, "is_authenticated", False):
        return RevocationEntry.objects.none()
    if reach_of(user).is_admin:
        return RevocationEntry.objects.all()
    wide = province_paths(user, _WIDE_READERS)
    query = _preparers_q(user, "revocation__")
    query |= Q(revocation__state=ISSUED) & subtree_q(wide, "revocation__grantor_unit__")
    own_q = _own_units_q(user, "entry__")
    if own_q is None:
        return RevocationEntry.objects.filter(query)
    query |= Q(revocation__state=ISSUED) & own_q
    ids = RevocationEntry.objects.filter(query).values("pk")
    return RevocationEntry.objects.filter(pk__in=ids)


def revocation_list(user: Any, *, state: str = "") -> QuerySet[Revocation]:
    """Visible revocations with what a list row shows, in a fixed number of queries."""
    revocations = revocations_visible_to(user).select_related("decision__form", "grantor_unit")
    if state:
        revocations = revocations.filter(state=state)
    return revocations.annotate(
        row_count=Count("entries", distinct=True),
        total_to_recover=Sum("entries__amount_to_recover"),
    ).order_by("-date", "-pk")


def rows_prefetch(user: Any) -> Prefetch:
    rows = (
        revocation_rows_visible_to(user)
        .select_related("entry__certificate")
        .order_by("entry__order", "pk")
    )
    return Prefetch("entries", queryset=rows, to_attr="visible_rows")


def revocation_detail(user: Any, pk: int) -> Revocation:
    """One visible revocation with the rows the user may see and its event log
    (``Revocation.DoesNotExist`` when out of reach)."""
    return (
        revocations_visible_to(user)
        .select_related("decision__form", "grantor_unit", "created_by", "issued_by")
        .prefetch_related(
            rows_prefetch(user),
            Prefetch(
                "events",
                queryset=RevocationEvent.objects.select_related("actor"),
                to_attr="event_list",
            ),
        )
        .get(pk=pk)
    )


def revoked_entry_ids(entry_ids: list[int]) -> dict[int, Revocation]:
    """Of ``entry_ids``, those cancelled by an issued revocation, with that revocation."""
    rows = RevocationEntry.objects.filter(
        entry_id__in=entry_ids, revocation__state=ISSUED
    ).select_related("revocation")
    return {row.entry_id: row.revocation for row in rows}


def revocation_of_entry(entry_id: int) -> Revocation | None:
    """The issued revocation that cancelled a row of an award decision, if any: what the
    public verification shows (number and date only, Luật TĐKT 2022 Chương VII)."""
    row = (
        RevocationEntry.objects.filter(entry_id=entry_id, revocation__state=ISSUED)
        .select_related("revocation")
        .only("revocation__number", "revocation__date", "revocation__grantor_title", "entry_id")
        .first()
    )
    return row.revocation if row is not None else None
