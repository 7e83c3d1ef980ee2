"""Reads of scoring. Every list starts from ``*_visible_to(user)``.

A unit sees its own sheet; a cluster leader (and the deputy) the sheets of the group
its unit leads; the province-wide roles (Ban TĐKT, leaders, council) the province's
groups. Published rankings are public (``published_rankings``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.organisations.models import EmulationGroup, GroupMembership, GroupRole
from thidua.organisations.selectors import groups_visible_to, subtree_q
from thidua.scoring.models import (
    CriteriaSet,
    Criterion,
    Effect,
    Ranking,
    RankingRow,
    Score,
    ScoreSheet,
)

POINTS: DecimalField[Decimal, Decimal] = DecimalField(max_digits=9, decimal_places=2)
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
ZERO = Decimal("0.00")


def score_sheets_visible_to(user: Any) -> QuerySet[ScoreSheet]:
    """Sheets the user may see: their own unit's (or subtree's), those of the groups whose
    leading or deputy unit they act for (as its cluster leader or head), the whole province for the
    province-wide roles. Nothing for an anonymous user; never a sibling group's sheet."""
    if not getattr(user, "is_authenticated", False):
        return ScoreSheet.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return ScoreSheet.objects.all()
    query = Q(unit_id__in=sorted(reach.exact)) | subtree_q(reach.subtree_paths, "unit__")
    acting = acting_units(user)
    if acting:
        led = GroupMembership.objects.filter(
            unit_id__in=acting, role__in=[GroupRole.LEADER, GroupRole.DEPUTY]
        ).values("group_id")
        query |= Q(criteria_set__group_id__in=led)
    return ScoreSheet.objects.filter(query)


def criteria_sets_visible_to(user: Any) -> QuerySet[CriteriaSet]:
    """Criteria sets of the groups the user can see (the criteria are no secret within
    the province: they are signed in the emulation covenant)."""
    if not getattr(user, "is_authenticated", False):
        return CriteriaSet.objects.none()
    if reach_of(user).is_admin:
        return CriteriaSet.objects.all()
    groups = groups_visible_to(user).values("pk")
    return CriteriaSet.objects.filter(group_id__in=groups)


def _signed(field: str) -> Case:
    return Case(
        When(criterion__effect=Effect.DEDUCTION, then=F(field) * Value(Decimal(-1))),
        default=F(field),
        output_field=POINTS,
    )


def _score_sum(expression: Any, **filters: Any) -> Coalesce:
    total = (
        Score.objects.filter(sheet=OuterRef("pk"), **filters)
        .order_by()
        .values("sheet")
        .annotate(total=Sum(expression, output_field=POINTS))
        .values("total")[:1]
    )
    return Coalesce(Subquery(total, output_field=POINTS), Value(ZERO), output_field=POINTS)


def with_totals(sheets: QuerySet[ScoreSheet]) -> QuerySet[ScoreSheet]:
    """Sheets with ``self_total``, ``reviewed_total`` (deductions subtracted) and the
    group's ``leader_unit_id`` / ``deputy_unit_id`` (what permission checks read), each a
    subquery: no query per row."""
    roles = GroupMembership.objects.filter(group_id=OuterRef("criteria_set__group_id")).order_by(
        "unit__code"
    )
    return sheets.annotate(
        self_total=_score_sum(_signed("self_points")),
        reviewed_total=_score_sum(_signed("reviewed_points")),
        leader_unit_id=Subquery(roles.filter(role=GroupRole.LEADER).values("unit_id")[:1]),
        deputy_unit_id=Subquery(roles.filter(role=GroupRole.DEPUTY).values("unit_id")[:1]),
    )


def max_total(criteria_set: CriteriaSet) -> Decimal:
    """The points a sheet can reach without bonus (the table's standard maximum)."""
    total = criteria_set.criteria.filter(effect=Effect.NORMAL).aggregate(t=Sum("max_points"))["t"]
    return total or ZERO


def is_gap(
    self_points: Decimal | None, reviewed: Decimal | None, maximum: Decimal, percent: int
) -> bool:
    """Self and reviewed points differ by the set's threshold share of the maximum or more."""
    if self_points is None or reviewed is None or maximum <= 0:
        return False
    return abs(self_points - reviewed) * 100 >= maximum * percent


@dataclass(frozen=True)
class BoardRow:
    sheet: ScoreSheet
    gap: bool


def group_board(user: Any, criteria_set: CriteriaSet) -> list[BoardRow]:
    """The set's sheets the user sees, each with its totals and a gap flag (totals apart
    by the threshold share of the table's maximum). Fixed number of queries."""
    sheets = (
        with_totals(score_sheets_visible_to(user).filter(criteria_set=criteria_set))
        .select_related("unit", "criteria_set__group__organiser")
        .order_by("unit__name", "pk")
    )
    maximum = max_total(criteria_set)
    percent = criteria_set.gap_threshold_percent
    return [
        BoardRow(
            sheet,
            sheet.state not in {"draft", "self_submitted", "returned"}
            and is_gap(sheet.self_total, sheet.reviewed_total, maximum, percent),  # type: ignore[attr-defined]
        )
        for sheet in sheets
    ]


def sheet_detail(user: Any, pk: int) -> ScoreSheet:
    """One visible sheet with its unit, set, group and scores (criteria joined); raises
    ``ScoreSheet.DoesNotExist`` when it is out of reach, like a missing one."""
    scores = Score.objects.select_related("criterion__group").order_by(
        "criterion__group__position", "criterion__position", "pk"
    )
    return (
        with_totals(score_sheets_visible_to(user))
        .select_related("unit", "criteria_set__group__organiser", "criteria_set__campaign")
        .prefetch_related(Prefetch("scores", queryset=scores))
        .get(pk=pk)
    )


def sets_overview(user: Any, *, year: int | None = None) -> QuerySet[CriteriaSet]:
    """Visible criteria sets with counts of their sheets by state and of their members."""
    sets = criteria_sets_visible_to(user)
    if year is not None:
        sets = sets.filter(year=year)
    by_state = {
        f"n_{state}": Count("sheets", filter=Q(sheets__state=state), distinct=True)
        for state in ("draft", "self_submitted", "returned", "reviewed", "confirmed", "published")
    }
    members = (
        GroupMembership.objects.filter(group_id=OuterRef("group_id"))
        .order_by()
        .values("group_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        sets.select_related("group", "ranking")
        .annotate(n_sheets=Count("sheets", distinct=True), n_members=Subquery(members), **by_state)
        .order_by("-year", "group__kind", "group__code", "pk")
    )


def criteria_of(criteria_set: CriteriaSet) -> QuerySet[Criterion]:
    return criteria_set.criteria.select_related("group").order_by("group__position", "position")


def published_rankings(*, year: int | None = None) -> QuerySet[Ranking]:
    """Published (locked) rankings, newest year first, for the public site and reviews.

    Each ranking carries ``criteria_set`` (``title``, ``year``) and its ``group``
    (``name``, ``kind``, ``code``, ``year``) joined, and ``rows`` prefetched in rank
    order with only public fields: ``rank``, ``total``, ``proposal`` and the ``unit``'s
    ``code`` and ``name`` (self-scores, notes and evidence are not included). Two queries
    in all. Public by nature: rankings are announced (LAW-NOTES §4.4, §5).
    """
    rankings = Ranking.objects.filter(locked=True)
    if year is not None:
        rankings = rankings.filter(criteria_set__year=year)
    rows = (
        RankingRow.objects.select_related("unit")
        .only("pk", "ranking_id", "rank", "total", "proposal", "unit__code", "unit__name")
        .order_by("rank", "pk")
    )
    return (
        rankings.select_related("criteria_set__group")
        .only(
            "pk",
            "published_at",
            "locked",
            "criteria_set__title",
            "criteria_set__year",
            "criteria_set__group__name",
            "criteria_set__group__kind",
            "criteria_set__group__code",
            "criteria_set__group__year",
        )
        .prefetch_related(Prefetch("rows", queryset=rows))
        .order_by("-criteria_set__year", "criteria_set__group__kind", "criteria_set__group__code")
    )


def ranking_of(criteria_set: CriteriaSet) -> Ranking | None:
    """The set's published ranking with every row's figures, or None."""
    rows = RankingRow.objects.select_related("unit").order_by("rank", "pk")
    return (
        Ranking.objects.filter(criteria_set=criteria_set)
        .prefetch_related(Prefetch("rows", queryset=rows))
        .first()
    )


def unit_sheets(user: Any, *, year: int | None) -> QuerySet[ScoreSheet]:
    """The sheets of ``year`` (every year when None) of the units the user works for:
    as officer or head (they fill them in) or as the cluster leader designated there (a
    unit that led its group last year may be a plain member this year: its cluster
    leader still follows its sheet). With totals; newest year first. The province-wide
    roles see every group on their own list instead."""
    reach = reach_of(user)
    units = sorted(
        unit for role in (*UNIT_ROLES, Role.CLUSTER_LEADER) for unit in reach.roles.get(role, ())
    )
    sheets = score_sheets_visible_to(user).filter(unit_id__in=units)
    if year is not None:
        sheets = sheets.filter(criteria_set__year=year)
    return (
        with_totals(sheets)
        .select_related("unit", "criteria_set__group")
        .order_by("-criteria_set__year", "unit__name")
    )


def acting_units(user: Any) -> frozenset[int]:
    """Units the user acts for in a Cụm/Khối: as its designated cluster leader or its head
    (the head of the leading unit is the cụm trưởng: LAW-NOTES §5)."""
    reach = reach_of(user)
    return reach.roles.get(Role.CLUSTER_LEADER, frozenset()) | reach.roles.get(
        Role.UNIT_HEAD, frozenset()
    )


def led_memberships(user: Any, *, year: int | None) -> QuerySet[GroupMembership]:
    """The user's units' places as leader or deputy of a group of ``year`` (every year
    when None): the groups whose sheets the user reviews."""
    led = GroupMembership.objects.filter(
        unit_id__in=sorted(acting_units(user)), role__in=[GroupRole.LEADER, GroupRole.DEPUTY]
    )
    if year is not None:
        led = led.filter(group__year=year)
    return led.select_related("group", "unit").order_by("group__kind", "group__code", "pk")


def groups_without_set(user: Any, *, year: int) -> QuerySet[EmulationGroup]:
    """Visible groups of ``year`` that have no criteria set yet (for the Ban TĐKT)."""
    return groups_visible_to(user, year=year).exclude(criteria_sets__year=year)
