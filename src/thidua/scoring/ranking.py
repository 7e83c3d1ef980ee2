"""Ranking of a criteria set: computed in SQL, tie-breaks applied in order, published
and locked; proposals for the Cờ thi đua and the Bằng khen; hand-over as nominations.

The total is the sum of reviewed points, deductions subtracted. Equal totals are
separated by the set's tie-break keys, in the set's order (written in its rules text);
units equal on every key share a rank: there is no alphabetical or hidden order. The
leading unit(s) are proposed for the Cờ thi đua của UBND tỉnh (only Cụm/Khối members
qualify: Law Điều 26, LAW-NOTES §2.2, §5; a campaign shorter than 3 years gives no Cờ:
R11, so this route is the annual cluster result, not the campaign) and the next ones for
the Bằng khen của Chủ tịch UBND tỉnh (Law Điều 74), as many as the set says.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Func, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.templatetags.campaign_format import number
from thidua.core.errors import DomainError, NotPermitted
from thidua.scoring.codes import ErrorCode, EventKind
from thidua.scoring.models import (
    CriteriaSet,
    CriterionKind,
    Effect,
    Proposal,
    Ranking,
    RankingRow,
    Score,
    ScoreSheet,
    ScoringEvent,
    SheetState,
    TieBreak,
)
from thidua.scoring.rules import is_set_secretariat
from thidua.scoring.selectors import POINTS, _score_sum, _signed
from thidua.scoring.transitions import Action
from thidua.scoring.workflow import transition

#: For each key: the annotation it reads and whether more is better.
KEYS: dict[str, tuple[str, bool]] = {
    TieBreak.CRITERIA_AT_MAX: ("criteria_at_max", True),
    TieBreak.FEWER_DEDUCTIONS: ("deductions", False),
    TieBreak.COMPUTED_TOTAL: ("computed_total", True),
    TieBreak.BONUS_TOTAL: ("bonus", True),
    TieBreak.SMALLER_GAP: ("gap", False),
}


def _at_max() -> Coalesce:
    count = (
        Score.objects.filter(sheet=OuterRef("pk"), reviewed_points__gte=F("criterion__max_points"))
        .exclude(criterion__effect=Effect.DEDUCTION)
        .order_by()
        .values("sheet")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(count), Value(0))


def standings_queryset(criteria_set: CriteriaSet) -> QuerySet[ScoreSheet]:
    """The set's sheets with every figure the ranking reads, ordered by total then by the
    set's tie-break keys, all in SQL."""
    sheets = (
        ScoreSheet.objects.filter(criteria_set=criteria_set)
        .select_related("unit")
        .annotate(
            total=_score_sum(_signed("reviewed_points")),
            self_total=_score_sum(_signed("self_points")),
            criteria_at_max=_at_max(),
            deductions=_score_sum("reviewed_points", criterion__effect=Effect.DEDUCTION),
            bonus=_score_sum("reviewed_points", criterion__effect=Effect.BONUS),
            computed_total=_score_sum("reviewed_points", criterion__kind=CriterionKind.COMPUTED),
        )
        .annotate(gap=Func(F("self_total") - F("total"), function="ABS", output_field=POINTS))
    )
    order = [F("total").desc()]
    for key in criteria_set.tie_break_keys:
        field, more_is_better = KEYS[key]
        order.append(F(field).desc() if more_is_better else F(field).asc())
    return sheets.order_by(*order, "pk")


@dataclass
class Standing:
    sheet: ScoreSheet
    rank: int
    notes: list[str]

    @property
    def note(self) -> str:
        return " ".join(self.notes)


def _describe(key: str, mine: Any, theirs: Any) -> str:
    return _("%(rule)s (%(mine)s so với %(theirs)s)") % {
        "rule": TieBreak(key).label,
        "mine": _number(mine),
        "theirs": _number(theirs),
    }


def _number(value: Any) -> str:
    return number(value) if isinstance(value, Decimal | int) else str(value)


def _tie_notes(keys: list[str], above: Standing, below: ScoreSheet) -> tuple[str, str] | None:
    """The notes for two neighbours with equal totals: which rule put one above the other
    (or that they share the rank); None when their totals differ."""
    upper = above.sheet
    if Decimal(upper.total) != Decimal(below.total):  # type: ignore[attr-defined]
        return None
    key = next((k for k in keys if getattr(upper, KEYS[k][0]) != getattr(below, KEYS[k][0])), None)
    if key is None:
        shared = _("Bằng điểm và bằng mọi tiêu chí phụ với %(unit)s: đồng hạng.")
        return shared % {"unit": below.unit.name}, shared % {"unit": upper.unit.name}
    field = KEYS[key][0]
    mine, theirs = getattr(upper, field), getattr(below, field)
    return (
        _("Bằng tổng điểm với %(unit)s, xếp trên theo quy tắc: %(reason)s.")
        % {"unit": below.unit.name, "reason": _describe(key, mine, theirs)},
        _("Bằng tổng điểm với %(unit)s, xếp sau theo quy tắc: %(reason)s.")
        % {"unit": upper.unit.name, "reason": _describe(key, theirs, mine)},
    )


def compute_standings(criteria_set: CriteriaSet) -> list[Standing]:
    """Rank the set's sheets: equal totals are separated by the keys in order; equal on
    everything shares a rank (standard competition ranking: 1, 1, 3)."""
    keys = [key for key in criteria_set.tie_break_keys if key in KEYS]
    standings: list[Standing] = []

    def signature(s: ScoreSheet) -> tuple[Any, ...]:
        return (Decimal(s.total), *(getattr(s, KEYS[k][0]) for k in keys))  # type: ignore[attr-defined]

    for position, sheet in enumerate(standings_queryset(criteria_set), start=1):
        previous = standings[-1] if standings else None
        standing = Standing(sheet, position, [])
        if previous is not None:
            if signature(previous.sheet) == signature(sheet):
                standing.rank = previous.rank
            notes = _tie_notes(keys, previous, sheet)
            if notes is not None:
                previous.notes.append(notes[0])
                standing.notes.append(notes[1])
        standings.append(standing)
    return standings


def proposal_for(criteria_set: CriteriaSet, rank: int) -> Proposal:
    """Cờ thi đua for the first ``flag_count`` ranks, Bằng khen for the next
    ``merit_count`` (units sharing a rank share the proposal)."""
    if rank <= criteria_set.flag_count:
        return Proposal.FLAG
    if rank <= criteria_set.flag_count + criteria_set.merit_count:
        return Proposal.MERIT
    return Proposal.NONE


def ranking_publish(*, actor: Any, criteria_set: CriteriaSet) -> Ranking:
    """Compute, publish and lock the ranking: every member's sheet must be confirmed.

    Once published nothing changes: the sheets move to *published* (no transition leaves
    it), a second publication is refused, and the rows keep the figures used.
    """
    if not is_set_secretariat(actor, criteria_set):
        raise NotPermitted()
    with transaction.atomic():
        locked = (
            CriteriaSet.objects.select_for_update().select_related("group").get(pk=criteria_set.pk)
        )
        if Ranking.objects.filter(criteria_set=locked).exists():
            raise DomainError(
                _("Kết quả xếp hạng đã công bố và đã khóa."), code=ErrorCode.RANKING_LOCKED
            )
        members = set(locked.group.memberships.values_list("unit_id", flat=True))
        sheets = {s.unit_id: s for s in locked.sheets.all()}
        waiting = [s for s in sheets.values() if s.state != SheetState.CONFIRMED]
        if members - set(sheets) or waiting or not sheets:
            raise DomainError(
                _(
                    "Chỉ công bố khi phiếu của mọi thành viên đã được Ban TĐKT xác nhận "
                    "(còn %(n)s phiếu chưa xác nhận)."
                )
                % {"n": len(waiting) + len(members - set(sheets))},
                code=ErrorCode.NOT_READY,
            )
        standings = compute_standings(locked)
        ranking = Ranking.objects.create(
            criteria_set=locked,
            published_at=timezone.now(),
            published_by=actor,
            tie_break_keys=list(locked.tie_break_keys),
        )
        RankingRow.objects.bulk_create(
            RankingRow(
                ranking=ranking,
                unit_id=s.sheet.unit_id,
                sheet=s.sheet,
                rank=s.rank,
                total=s.sheet.total,  # type: ignore[attr-defined]
                self_total=s.sheet.self_total,  # type: ignore[attr-defined]
                criteria_at_max=s.sheet.criteria_at_max,  # type: ignore[attr-defined]
                deductions=s.sheet.deductions,  # type: ignore[attr-defined]
                bonus=s.sheet.bonus,  # type: ignore[attr-defined]
                computed_total=s.sheet.computed_total,  # type: ignore[attr-defined]
                tie_note=s.note[:500],
                proposal=proposal_for(locked, s.rank),
            )
            for s in standings
        )
        for standing in standings:
            transition(actor=actor, sheet=standing.sheet, action=Action.PUBLISH)
        ScoringEvent.objects.create(
            criteria_set=locked,
            actor=actor,
            kind=EventKind.PUBLISH,
            payload={"rows": [[s.sheet.unit.code, s.rank] for s in standings]},
        )
    return ranking
