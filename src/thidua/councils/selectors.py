"""Reads of council sessions. Every page, download and API call starts from
``sessions_visible_to``; results of a secret ballot are only ever counts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.awards.models import AwardRule, Nomination, NominationState
from thidua.core.text import fold
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    BallotReceipt,
    CouncilMember,
    CouncilSession,
    Vote,
)
from thidua.councils.roster import is_unit_council, units_run_by
from thidua.organisations.selectors import unit_scope_q

#: Roles that see every session of the campaigns their province issues.
_OVERSEERS = (Role.SECRETARIAT, Role.LEADER)


def sessions_visible_to(user: Any) -> QuerySet[CouncilSession]:
    """Sessions the user may see: administrators all; the secretariat and leaders those
    of campaigns issued within their province and of the councils of its units; the head
    and officers of a unit the sessions of that unit's own council; a council member the
    sessions they sit in (Luật TĐKT 2022 Điều 89: members of the council that reviews);
    nobody else (a sibling unit never)."""
    if not getattr(user, "is_authenticated", False):
        return CouncilSession.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return CouncilSession.objects.all()
    query = Q(pk__in=[])
    if any(role in reach.roles for role in _OVERSEERS):
        query |= unit_scope_q(user, prefix="campaign__issuer_unit__")
        query |= unit_scope_q(user, prefix="council__unit__")
    runs = units_run_by(user)
    if runs:
        query |= Q(council__unit_id__in=sorted(runs))
    query |= Q(pk__in=CouncilMember.objects.filter(user=user).values("session_id"))
    return CouncilSession.objects.filter(query)


def session_list(user: Any) -> QuerySet[CouncilSession]:
    """Visible sessions with their campaign and counts of members and items (in SQL)."""
    return (
        sessions_visible_to(user)
        .select_related("campaign", "phase", "council__unit")
        .annotate(
            member_count=Count("members", distinct=True),
            item_count=Count("items", distinct=True),
        )
        .order_by("-date", "-pk")
    )


def _items_prefetch() -> Prefetch[Any]:
    return Prefetch(
        "items",
        queryset=AgendaItem.objects.select_related(
            "nomination__nominee__unit",
            "nomination__form",
            "nomination__proposer_unit",
            "nomination__phase",
        ).annotate(dossier_files=Count("nomination__files")),
    )


def session_detail(user: Any, pk: int) -> CouncilSession:
    """One visible session with its members and agenda (a fixed number of queries);
    ``CouncilSession.DoesNotExist`` when out of reach."""
    return (
        sessions_visible_to(user)
        .select_related("campaign__issuer_unit", "phase", "created_by", "council__unit")
        .prefetch_related("members__user", _items_prefetch())
        .get(pk=pk)
    )


def member_seat(session: CouncilSession, user: Any) -> CouncilMember | None:
    """The user's seat in the session, if any (from the prefetched members)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return next((m for m in session.members.all() if m.user_id == user.pk), None)


def voted_item_ids(member: CouncilMember) -> set[int]:
    """Items the member has voted on, open or secret (receipts say so, not how)."""
    open_votes = Vote.objects.filter(member=member).values_list("item_id", flat=True)
    secret = BallotReceipt.objects.filter(member=member).values_list("item_id", flat=True)
    return set(open_votes) | set(secret)


def own_open_choices(member: CouncilMember) -> dict[int, str]:
    """The member's own open-vote choices by item (secret choices are not stored)."""
    return dict(Vote.objects.filter(member=member).values_list("item_id", "choice"))


def written_votes(session: CouncilSession) -> list[Vote]:
    """Open votes handed in writing by absent members, for the minutes and the page."""
    return list(
        Vote.objects.filter(item__session=session, written=True).select_related("member", "item")
    )


def written_receipts(session: CouncilSession) -> list[BallotReceipt]:
    """Secret ballots handed in writing (whose, never what)."""
    return list(
        BallotReceipt.objects.filter(item__session=session, written=True).select_related(
            "member", "item"
        )
    )


def attendance_counts(session: CouncilSession) -> dict[str, int]:
    """Members by attendance, from the prefetched members."""
    counts = dict.fromkeys(Attendance.values, 0)
    for member in session.members.all():
        counts[member.attendance] += 1
    counts["total"] = sum(counts[v] for v in Attendance.values)
    return counts


@dataclass(frozen=True)
class ItemGap:
    """Who has not voted on an agenda item yet (whose vote is missing, never how anyone
    voted): present members, and absent members whose written opinion is not recorded."""

    item: AgendaItem
    present: list[CouncilMember]
    written: list[CouncilMember]

    @property
    def count(self) -> int:
        return len(self.present) + len(self.written)


def votes_missing(session: CouncilSession) -> list[ItemGap]:
    """For each agenda item (in order), the members expected to vote who have not: those
    present (they vote from their phones) and those absent with a written opinion (the
    secretary records it). Open votes and secret-ballot receipts alike say only who has
    voted. Two queries besides the prefetched members and items."""
    cast = set(
        Vote.objects.filter(item__session=session).values_list("item_id", "member_id")
    ) | set(BallotReceipt.objects.filter(item__session=session).values_list("item_id", "member_id"))
    members = list(session.members.all())
    gaps = []
    for item in session.items.all():
        missing = [m for m in members if (item.pk, m.pk) not in cast]
        gaps.append(
            ItemGap(
                item,
                [m for m in missing if m.attendance == Attendance.PRESENT],
                [m for m in missing if m.attendance == Attendance.WRITTEN],
            )
        )
    return gaps


def quorum_met(present: int, total: int, share: Decimal) -> bool:
    """Present members ≥ ``share`` of all members (the province's setting: no law fixes
    an award session's attendance), exact in decimals."""
    return total > 0 and Decimal(present) >= share * total


def rule_for(nomination: Nomination, on: Any) -> AwardRule | None:
    """The AwardRule of the nomination's form in force on ``on`` (date-versioned data)."""
    return (
        AwardRule.objects.filter(form_id=nomination.form_id, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def agenda_candidates(session: CouncilSession, *, search: str = "") -> QuerySet[Nomination]:
    """Nominations of the session's campaign (and phase, if set) sent to the council and
    not yet on another session still to be closed; for a unit's own council only those
    its unit's head grants (``grantor_unit``: LĐTT, CSTĐ cơ sở, TTLĐTT, Giấy khen…);
    ``search`` matches the nominee's name, the proposing unit or the form without
    diacritics."""
    busy = AgendaItem.objects.filter(session__state__in=["planned", "open"]).values("nomination_id")
    nominations = (
        Nomination.objects.filter(campaign_id=session.campaign_id, state=NominationState.TO_COUNCIL)
        .exclude(pk__in=busy)
        .select_related("nominee", "form", "proposer_unit")
        .order_by("form__position", "nominee__search_key", "pk")
    )
    if session.phase_id:
        nominations = nominations.filter(phase_id=session.phase_id)
    council = session.council if session.council_id else None
    if council is not None and is_unit_council(council):
        nominations = nominations.filter(grantor_unit_id=council.unit_id)
    text = fold(search).strip()
    if text:
        nominations = nominations.filter(
            Q(nominee__search_key__contains=text)
            | Q(proposer_unit__name__icontains=search.strip())
            | Q(form__name__icontains=search.strip())
        )
    return nominations
