"""Reads of works. Every list, page, export and API call starts from ``works_visible_to``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign
from thidua.core.text import fold
from thidua.core.validity import valid_during
from thidua.organisations.models import Unit, UnitSuccession
from thidua.organisations.selectors import covered_unit_ids, unit_scope_grants
from thidua.works.models import REGISTERED_STATES, Work, WorkEvent, WorkState
from thidua.works.timing import campaign_span
from thidua.works.transitions import Action

_UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def works_visible_to(user: Any) -> QuerySet[Work]:
    """Works of the units the user's roles cover, plus those the user's unit must approve.

    A commune officer sees their commune's works only; a district's staff see the works
    their district approves (its communes') — never a sibling's (leak tests).
    """
    if not getattr(user, "is_authenticated", False):
        return Work.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return Work.objects.all()
    approving = {u for role in _UNIT_ROLES for u in reach.roles.get(role, frozenset())}
    query = Q(unit_id__in=sorted(covered_unit_ids(user))) | Q(
        approver_unit_id__in=sorted(approving)
    )
    return Work.objects.filter(query)


def works_visible_grants(user: Any) -> frozenset[str]:
    """The rights ``works_visible_to(user)`` rests on, as tokens (``unit_scope_grants``,
    and ``approves:<unit id>`` for each unit whose officer or head the user is): what a
    works export records with its file (``works.exports``). Kept beside the selector."""
    reach = reach_of(user) if getattr(user, "is_authenticated", False) else None
    if reach is None or reach.is_admin:
        return unit_scope_grants(user)
    approving = {u for role in _UNIT_ROLES for u in reach.roles.get(role, frozenset())}
    return unit_scope_grants(user) | {f"approves:{unit}" for unit in approving}


def with_flags(works: QuerySet[Work], today: dt.date) -> QuerySet[Work]:
    """Annotate ``late`` and ``ahead`` in SQL, so lists can filter and count by them."""
    # The same states as ``Work.is_late``: a returned work past its finish is late too.
    open_after_submit = [
        WorkState.SUBMITTED,
        WorkState.RETURNED,
        WorkState.APPROVED,
        WorkState.IN_PROGRESS,
    ]
    return works.annotate(
        late=Case(
            When(state=WorkState.COMPLETED, actual_finish__gt=F("planned_finish"), then=True),
            When(state__in=open_after_submit, planned_finish__lt=today, then=True),
            default=False,
            output_field=BooleanField(),
        ),
        ahead=ExpressionWrapper(
            Q(state=WorkState.COMPLETED)
            & (
                Q(actual_finish__lt=F("planned_finish"))
                | Q(deadline__isnull=False, actual_finish__lt=F("deadline"))
            ),
            output_field=BooleanField(),
        ),
    )


@dataclass
class WorkFilters:
    """Filters of the works register (all optional)."""

    campaign: int | None = None
    state: str = ""
    kind: str = ""
    unit: int | None = None
    content_area: int | None = None
    phase: int | None = None
    late: bool | None = None
    ahead: bool | None = None
    search: str = ""
    district: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def work_list(user: Any, filters: WorkFilters, *, today: dt.date) -> QuerySet[Work]:
    """The visible works, filtered, with what a list row shows, in a fixed number of queries."""
    works = with_flags(works_visible_to(user), today).select_related(
        "unit", "campaign", "content_area", "phase", "approver_unit", "place"
    )
    exact = {
        "campaign_id": filters.campaign,
        "state": filters.state,
        "kind": filters.kind,
        "unit_id": filters.unit,
        "content_area_id": filters.content_area,
        "phase_id": filters.phase,
        "late": filters.late,
        "ahead": filters.ahead,
    }
    works = works.filter(**{k: v for k, v in exact.items() if v not in (None, "")})
    if filters.district:
        # A district and its communes, found on units: the works' own unit_id is filtered.
        district = Unit.objects.filter(Q(pk=filters.district) | Q(parent_id=filters.district))
        works = works.filter(unit_id__in=district.values("pk"))
    for word in fold(filters.search).split():
        works = works.filter(search_text__contains=word)
    return works.order_by("-updated_at", "-pk")


def work_detail(user: Any, pk: int) -> Work:
    """One visible work with its history, progress and evidence (404 when not visible)."""
    return (
        works_visible_to(user)
        .select_related(
            "unit",
            "campaign",
            "content_area",
            "phase",
            "approver_unit",
            "place",
            "registrant_unit",
            "campaign_work",
            "created_by",
        )
        .prefetch_related(
            "cooperating_units",
            "targets",
            "milestones",
            "events__actor",
            "progress_updates__evidence",
            "progress_updates__created_by",
            "change_requests",
        )
        .get(pk=pk)
    )


def approval_queue(user: Any) -> QuerySet[Work]:
    """Submitted works that this user may approve or return, first sent first (all in SQL).

    Mirrors ``rules.is_work_approver``: staff of the approving unit, or the secretariat
    for works its province's issuing level approves (not those approved by a district).
    """
    reach = reach_of(user)
    submitted = works_visible_to(user).filter(state=WorkState.SUBMITTED)
    if not reach.is_admin:
        approving = {u for role in _UNIT_ROLES for u in reach.roles.get(role, frozenset())}
        query = Q(approver_unit__in=sorted(approving))
        if Role.SECRETARIAT in reach.roles:
            for path in reach.subtree_paths:
                query |= Q(
                    approver_unit=F("campaign__issuer_unit"), approver_unit__path__startswith=path
                )
        submitted = submitted.filter(query)
    # "Gửi lúc" is the last submission's event, not the row's last write (an edit, a move).
    sent = WorkEvent.objects.filter(work=OuterRef("pk"), kind=Action.SUBMIT).order_by("-at", "-pk")
    return (
        submitted.select_related("unit", "approver_unit", "campaign", "phase")
        .annotate(submitted_at=Coalesce(Subquery(sent.values("at")[:1]), F("updated_at")))
        .order_by("submitted_at", "pk")
    )


def similar_titles(
    campaign: Campaign, title: str, *, exclude_pk: int | None = None, limit: int = 5
) -> list[tuple[float, str, str, int | None]]:
    """Works and provincial works of ``campaign`` whose titles look like ``title``.

    Compares folded titles (no diacritics) with a word-overlap and sequence ratio; returns
    ``(score, title, source, work id)`` best first, where source is "province" or a unit.
    SQL narrows candidates to those sharing a word of 3+ letters, so the cost stays small.
    """
    folded = fold(title)
    words = [w for w in folded.split() if len(w) >= 3]
    if not words:
        return []
    word_q = Q()
    for word in words:
        word_q |= Q(search_text__contains=word)
    rows: list[tuple[str, str, int | None]] = [
        (cw.title, "province", None) for cw in campaign.campaign_works.all()
    ]
    works = Work.objects.filter(word_q, campaign=campaign).exclude(state=WorkState.CANCELLED)
    if exclude_pk:
        works = works.exclude(pk=exclude_pk)
    rows += [(w.title, w.unit.name, w.pk) for w in works.select_related("unit")[:200]]
    scored = []
    for other, source, pk in rows:
        score = _title_score(words, folded, fold(other))
        if score >= 0.6:
            scored.append((score, other, source, pk))
    return sorted(scored, key=lambda row: -row[0])[:limit]


def _title_score(words: list[str], folded: str, other_folded: str, floor: float = 0.0) -> float:
    """How much ``other_folded`` looks like ``folded`` (whose words of 3+ letters are
    ``words``): the best of the sequence ratio and its mean with the word overlap.

    With ``floor``, 0 as soon as the score cannot reach it: the ratio's cheap upper bounds
    (lengths, then letters) are tried before the ratio itself, which is exact because the
    score never exceeds ``(ratio + 1) / 2``."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, folded, other_folded)
    if floor:
        least = 2 * floor - 1  # the ratio below which the score stays under ``floor``
        if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
            return 0.0
    unique = set(words)
    overlap = len(unique & set(other_folded.split())) / max(len(unique), 1)
    ratio = matcher.ratio()
    return round(max(ratio, (ratio + overlap) / 2), 3)


class LookAlikes:
    """``similar_titles`` for every row of a file at once (the Excel import, issue #16).

    The campaign's provincial works are read once; with ``with_works`` the campaign's
    registered works too, in one query, indexed by word, and each title is compared with
    at most ``CANDIDATES`` of those sharing a word of 3+ letters with it (rarest words
    first), as ``similar_titles`` compares with at most 200. Rows of the file ``add``-ed
    are compared with the rows after them, as when each row was saved in turn. Only
    scores from ``floor`` are returned (the import acts on 0,8 and more).
    """

    CANDIDATES = 200

    def __init__(self, campaign: Campaign, *, with_works: bool, floor: float = 0.6) -> None:
        self.floor = floor
        self.province = [(cw.title, fold(cw.title)) for cw in campaign.campaign_works.all()]
        self.rows: list[tuple[str, str, str, int | None]] = []
        self.postings: dict[str, list[int]] = {}
        self.with_works = with_works
        if with_works:
            works = (
                Work.objects.filter(campaign=campaign)
                .exclude(state=WorkState.CANCELLED)
                .order_by("pk")
                .values_list("title", "search_text", "unit__name", "pk")
            )
            for title, search_text, unit_name, pk in works.iterator(chunk_size=5000):
                self.add(title, unit_name, pk, folded=search_text)

    def stop_works(self) -> None:
        """From now on compare with the provincial works only (enough look-alikes found)."""
        self.with_works = False
        self.rows, self.postings = [], {}

    def add(self, title: str, source: str, pk: int | None, *, folded: str = "") -> None:
        """A work now registered (an earlier row of the file): later titles see it."""
        if not self.with_works:
            return
        folded = folded or fold(title)
        index = len(self.rows)
        self.rows.append((title, folded, source, pk))
        for word in set(folded.split()):
            if len(word) >= 3:
                self.postings.setdefault(word, []).append(index)

    def matches(self, title: str, *, limit: int = 5) -> list[tuple[float, str, str, int | None]]:
        """What ``similar_titles(campaign, title)`` finds, best first (scores from ``floor``)."""
        folded = fold(title)
        words = [w for w in folded.split() if len(w) >= 3]
        if not words:
            return []
        scored: list[tuple[float, str, str, int | None]] = []
        for other, other_folded in self.province:
            score = _title_score(words, folded, other_folded, self.floor)
            if score >= self.floor:
                scored.append((score, other, "province", None))
        chosen: dict[int, None] = {}
        for word in sorted(set(words), key=lambda w: len(self.postings.get(w, ()))):
            for index in self.postings.get(word, ()):
                chosen.setdefault(index)
                if len(chosen) >= self.CANDIDATES:
                    break
            if len(chosen) >= self.CANDIDATES:
                break
        for index in sorted(chosen):
            other, other_folded, source, pk = self.rows[index]
            score = _title_score(words, folded, other_folded, self.floor)
            if score >= self.floor:
                scored.append((score, other, source, pk))
        return sorted(scored, key=lambda row: -row[0])[:limit]


def registration_minimums(campaign: Campaign, *, via_parent: bool | None = None) -> dict[str, int]:
    """Unit kind → the least number of works it registers (the highest among the campaign's
    rules naming it, KH 128 II.2); ``via_parent`` keeps only the rules of units that
    register through their parent (True) or directly (False)."""
    minimums: dict[str, int] = {}
    for rule in campaign.registration_rules.all():
        if via_parent is not None and rule.via_parent != via_parent:
            continue
        for kind in rule.unit_kinds:
            minimums[kind] = max(minimums.get(kind, 0), rule.minimum)
    return minimums


def _existing(campaign: Campaign, kinds: list[str]) -> QuerySet[Unit]:
    first, last = campaign_span(campaign)
    return Unit.objects.filter(
        valid_during(first, last), kind__in=kinds, path__startswith=campaign.issuer_unit.path
    )


def _taken_over_by(campaign: Campaign, kinds: list[str]) -> QuerySet[UnitSuccession]:
    """Successions, during the campaign, of the unit ``OuterRef("pk")`` to a unit that
    registers too (first first)."""
    return UnitSuccession.objects.filter(
        predecessor=OuterRef("pk"),
        effective__lte=campaign_span(campaign)[1],
        successor__in=_existing(campaign, kinds).values("pk"),
    ).order_by("effective", "pk")


def registering_units(campaign: Campaign, kinds: list[str]) -> QuerySet[Unit]:
    """Units of ``kinds`` under the campaign's issuer that answer for their own registration.

    In existence at some time during the campaign, and not taken over during it by a
    successor that registers too (a merge or a rename of the 2025 reorganisation): such a
    unit's open works went to its successor (``works.reorganisation``), which answers for
    the minimum from then on; counting it as well would show it short forever. A unit
    that ended without such a successor (a district dissolved into the province) still
    answers for what it had to register while it existed.
    """
    return _existing(campaign, kinds).filter(~Exists(_taken_over_by(campaign, kinds)))


@dataclass(frozen=True)
class ComplianceRow:
    """A unit's registration against the campaign's minimum for its kind."""

    unit_id: int
    unit_name: str
    unit_kind: str
    parent_name: str
    registered: int
    minimum: int
    #: The last day of a unit that ended during the campaign (it is marked), else None.
    ended: dt.date | None = None

    @property
    def below(self) -> bool:
        return self.registered < self.minimum


@dataclass(frozen=True)
class TakenOver:
    """A unit the boards leave out: its successor answers for it from ``on``."""

    unit_name: str
    successor_name: str
    on: dt.date


@dataclass(frozen=True)
class ComplianceBoard:
    rows: list[ComplianceRow]
    taken_over: list[TakenOver]


def registration_board(user: Any, campaign: Campaign) -> ComplianceBoard:
    """Each registering unit's count of registered works against its minimum, and the
    units left out because a registering successor took them over — in one query.

    Counted: works submitted or further (not drafts, not cancelled). The minimum for a
    unit kind comes from the campaign's registration rules; a unit whose kind has an
    alternative (a department's "phần việc") counts those too (KH 128 II.2.c). Which
    units count: ``registering_units``; one that ended during the campaign otherwise
    carries its last day (``ended``).
    """
    from thidua.organisations.selectors import units_visible_to

    minimums = registration_minimums(campaign)
    kinds, last = list(minimums), campaign_span(campaign)[1]
    successions = _taken_over_by(campaign, kinds)
    units = (
        units_visible_to(user)
        .filter(pk__in=_existing(campaign, kinds).values("pk"))
        .annotate(
            # distinct: a cluster leader's visibility joins group memberships, one row each.
            registered=Count(
                "works",
                filter=Q(works__campaign=campaign, works__state__in=REGISTERED_STATES),
                distinct=True,
            ),
            successor_name=Subquery(successions.values("successor__name")[:1]),
            taken_on=Subquery(successions.values("effective")[:1]),
        )
        .select_related("parent")
        .order_by("kind", "parent__name", "name")
    )
    rows, taken = [], []
    for u in units:
        if u.successor_name is not None:
            taken.append(TakenOver(u.name, u.successor_name, u.taken_on))
            continue
        ended = u.valid_to if u.valid_to is not None and u.valid_to < last else None
        parent = u.parent.name if u.parent else ""
        rows.append(
            ComplianceRow(u.pk, u.name, u.kind, parent, u.registered, minimums[u.kind], ended)
        )
    return ComplianceBoard(rows, taken)


def registration_compliance(user: Any, campaign: Campaign) -> list[ComplianceRow]:
    """The rows of ``registration_board``: each registering unit against its minimum."""
    return registration_board(user, campaign).rows
