"""Reads of proposals to higher levels. Staff pages and the API start from
``proposals_visible_to``; the public site reads ``posted_shortlists`` only."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.higher_awards.models import (
    Objection,
    Proposal,
    ProposalEntry,
    ProposalEvent,
    ProposalState,
)
from thidua.organisations.selectors import subtree_q

#: What a proposal's entries show (one join each).
ENTRY_RELATED = ("nominee__unit", "form")


def proposals_visible_to(user: Any) -> QuerySet[Proposal]:
    """The proposals of the provinces where the user is the Ban TĐKT, a leader or a council
    member (province-wide roles); none for a unit's staff or a visitor."""
    if not getattr(user, "is_authenticated", False):
        return Proposal.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return Proposal.objects.all()
    readers = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)
    if not any(role in reach.roles for role in readers):
        return Proposal.objects.none()
    return Proposal.objects.filter(subtree_q(reach.subtree_paths, prefix="province__"))


def with_entries(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Proposals with their entries (nominee, unit, form) and objections prefetched."""
    return proposals.prefetch_related(
        Prefetch(
            "entries",
            queryset=ProposalEntry.objects.select_related(*ENTRY_RELATED).order_by(
                "position", "pk"
            ),
        ),
        Prefetch(
            "objections",
            queryset=Objection.objects.select_related("entry__nominee").order_by(
                "received_on", "pk"
            ),
        ),
    )


def proposal_list(user: Any, *, year: int | None = None, state: str = "") -> QuerySet[Proposal]:
    """Visible proposals, newest year first, with their counts (fixed queries)."""
    proposals = proposals_visible_to(user).select_related("province")
    if year:
        proposals = proposals.filter(year=year)
    if state:
        proposals = proposals.filter(state=state)
    return proposals.annotate(
        entry_count=Count("entries", distinct=True),
        objection_count=Count("objections", distinct=True),
        open_objections=Count(
            "objections", filter=Q(objections__answered_on__isnull=True), distinct=True
        ),
    ).order_by("-year", "-pk")


def proposal_detail(user: Any, pk: int) -> Proposal:
    """One visible proposal with entries, objections and history
    (``Proposal.DoesNotExist`` otherwise)."""
    return (
        with_entries(proposals_visible_to(user))
        .select_related("province", "created_by")
        .prefetch_related(
            Prefetch("events", queryset=ProposalEvent.objects.select_related("actor"))
        )
        .get(pk=pk)
    )


def posted_shortlists() -> QuerySet[Proposal]:
    """What the public site shows: proposals whose shortlist has been posted (posted,
    reviewed or sent), newest posting first, with their entries. Nothing of a draft.

    Publicity of the proposals to the State (Luật Thi đua, khen thưởng 2022 Điều 84 khoản 5;
    R15). The entries show name, unit and form; no vote, opinion or objection is public.
    """
    posted = Proposal.objects.exclude(state=ProposalState.DRAFT).filter(posted_on__isnull=False)
    return (
        posted.select_related("province")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProposalEntry.objects.select_related(*ENTRY_RELATED).order_by(
                    "position", "pk"
                ),
            )
        )
        .order_by("-posted_on", "-pk")
    )
