"""Reads of phase reviews and the figures of their workspace.

``reviews_visible_to`` starts every page and API call. ``review_figures`` gathers what a
review reports — targets, works, reporting, rankings, nominations — in a fixed number of
queries; the caller checks ``can_view_reviews`` first (the figures cover the province).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign, Phase
from thidua.organisations.selectors import subtree_q
from thidua.reviews.models import PhaseReview
from thidua.works.models import REGISTERED_STATES, Work, WorkState
from thidua.works.selectors import with_flags


def reviews_visible_to(user: Any) -> QuerySet[PhaseReview]:
    """Reviews of the campaigns whose issuer the user's Ban TĐKT or leader role covers."""
    if not getattr(user, "is_authenticated", False):
        return PhaseReview.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return PhaseReview.objects.all()
    if not (Role.SECRETARIAT in reach.roles or Role.LEADER in reach.roles):
        return PhaseReview.objects.none()
    return PhaseReview.objects.filter(subtree_q(reach.subtree_paths, "campaign__issuer_unit__"))


def review_list(user: Any) -> QuerySet[PhaseReview]:
    return reviews_visible_to(user).select_related("campaign", "phase").order_by("-held_on", "-pk")


def review_detail(user: Any, pk: int) -> PhaseReview:
    """One visible review with what its page shows (``DoesNotExist`` otherwise)."""
    return (
        reviews_visible_to(user)
        .select_related("campaign__issuer_unit", "phase", "created_by")
        .prefetch_related("works_to_commend", "works_to_publicise", "events__actor")
        .get(pk=pk)
    )


def window_of(campaign: Campaign, phase: Phase | None) -> tuple[dt.date, dt.date]:
    """The days a review covers: its phase, or the whole campaign for a final review."""
    if phase is not None:
        return phase.start, phase.end
    return campaign.start, campaign.end


def ahead_works(campaign: Campaign, phase: Phase | None) -> QuerySet[Work]:
    """Works finished ahead of schedule in the review's window (or marked for its phase):
    what Sở Nội vụ selects for commendation at the review (KH 128 IV.5)."""
    start, end = window_of(campaign, phase)
    in_window = Q(actual_finish__gte=start, actual_finish__lte=end)
    if phase is not None:
        in_window |= Q(phase=phase)
    return (
        with_flags(Work.objects.filter(campaign=campaign), timezone.localdate())
        .filter(in_window, Q(ahead=True))
        .select_related("unit", "content_area", "place")
        .order_by("actual_finish", "pk")
    )


@dataclass
class Figures:
    """What a review reports, all plain values (the DOCX and the page read the same)."""

    campaign: Campaign
    phase: Phase | None
    start: dt.date
    end: dt.date
    targets: list[dict[str, Any]] = field(default_factory=list)
    target_counts: dict[str, int] = field(default_factory=dict)
    works: dict[str, int] = field(default_factory=dict)
    ahead: list[Work] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    rankings: list[dict[str, Any]] | None = None
    nominations: list[dict[str, Any]] | None = None
    awards: list[dict[str, Any]] | None = None


def _target_rows(
    user: Any, campaign: Campaign, on: dt.date
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    from thidua.targets.evaluation import Status
    from thidua.targets.selectors import target_board

    rows, counts = [], {s.value: 0 for s in Status}
    for row in target_board(user, campaign, on):
        status = row.evaluation.status
        counts[status.value] += 1
        latest = row.latest
        rows.append(
            {
                "code": row.target.code,
                "indicator": row.target.indicator,
                "goal": row.target,
                "latest": latest.value if latest else None,
                "measure_unit": row.target.measure_unit,
                "status": status.value,
                "status_label": status.label,
            }
        )
    return rows, counts


def _work_counts(campaign: Campaign, end: dt.date) -> dict[str, int]:
    """Works registered (KH 128 II.2), under way, completed by ``end``, of those finished
    ahead of schedule, and late as of ``end`` (or today, if sooner): one aggregate."""
    on = min(end, timezone.localdate())
    done = Q(state=WorkState.COMPLETED, actual_finish__lte=end)
    early = Q(actual_finish__lt=F("planned_finish")) | Q(
        deadline__isnull=False, actual_finish__lt=F("deadline")
    )
    open_states = [
        WorkState.SUBMITTED,
        WorkState.RETURNED,
        WorkState.APPROVED,
        WorkState.IN_PROGRESS,
    ]
    late = Q(state__in=open_states, planned_finish__lt=on) | Q(
        done, actual_finish__gt=F("planned_finish")
    )
    return Work.objects.filter(campaign=campaign).aggregate(
        registered=Count("pk", filter=Q(state__in=REGISTERED_STATES)),
        in_progress=Count("pk", filter=Q(state__in=[WorkState.APPROVED, WorkState.IN_PROGRESS])),
        completed=Count("pk", filter=done),
        ahead=Count("pk", filter=done & early),
        late=Count("pk", filter=late),
    )


def _period_rows(campaign: Campaign, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    from thidua.reports.models import ReportPeriod
    from thidua.reports.selectors import period_stats_many

    periods = list(
        ReportPeriod.objects.filter(campaign=campaign, start__lte=end, end__gte=start).order_by(
            "year", "number"
        )
    )
    stats = period_stats_many(periods)
    return [
        {
            "label": p.label,
            "due": p.effective_due,
            "total": stats[p.pk].total,
            "on_time": stats[p.pk].on_time,
            "late": stats[p.pk].late,
            "missing": stats[p.pk].missing,
        }
        for p in periods
    ]


def published_ranking_rows(year: int | None = None) -> list[dict[str, Any]] | None:
    """Published cluster/block rankings as plain rows, or None while scoring has none to
    offer (``thidua.scoring.selectors.published_rankings`` missing)."""
    try:
        from thidua.scoring.selectors import published_rankings
    except ImportError:
        return None
    result = []
    for ranking in published_rankings(year=year):
        criteria = ranking.criteria_set
        result.append(
            {
                "pk": ranking.pk,
                "group": criteria.group.name,
                "kind": criteria.group.get_kind_display(),
                "title": criteria.title,
                "year": criteria.year,
                "rows": [
                    {
                        "rank": row.rank,
                        "unit": row.unit.name,
                        "total": row.total,
                        "proposal": row.get_proposal_display(),
                    }
                    for row in ranking.rows.all()
                ],
            }
        )
    return result


def _nomination_rows(
    campaign: Campaign, phase: Phase | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from thidua.awards.models import Nomination, NominationState

    nominations = Nomination.objects.filter(campaign=campaign)
    if phase is not None:
        nominations = nominations.filter(phase=phase)
    labels = dict(NominationState.choices)
    by_state = [
        {"state": row["state"], "label": labels.get(row["state"], row["state"]), "n": row["n"]}
        for row in nominations.values("state").annotate(n=Count("pk")).order_by("state")
    ]
    granted = (
        nominations.filter(state__in=[NominationState.APPROVED, NominationState.DECIDED])
        .values("form__name")
        .annotate(
            n=Count("pk"),
            decided=Count("pk", filter=Q(state=NominationState.DECIDED)),
        )
        .order_by("form__name")
    )
    awards = [{"form": r["form__name"], "n": r["n"], "decided": r["decided"]} for r in granted]
    return by_state, awards


def review_figures(user: Any, campaign: Campaign, phase: Phase | None) -> Figures:
    """Everything a review of ``phase`` (or of the whole campaign) reports.

    Targets are evaluated as of the window's end (or today, if sooner); works count those
    registered (KH 128 II.2), completed and finished ahead of schedule; reporting counts
    each quarter's reports on time, late and missing (KH 128 IV.3); rankings are the
    clusters' and blocks' published ones of the window's year; nominations are counted by
    state. A fixed number of queries, whatever the size of the campaign.
    """
    start, end = window_of(campaign, phase)
    on = min(end, timezone.localdate())
    figures = Figures(campaign=campaign, phase=phase, start=start, end=end)
    figures.targets, figures.target_counts = _target_rows(user, campaign, on)
    figures.works = _work_counts(campaign, end)
    figures.ahead = list(ahead_works(campaign, phase))
    figures.periods = _period_rows(campaign, start, end)
    figures.rankings = published_ranking_rows(end.year)
    figures.nominations, figures.awards = _nomination_rows(campaign, phase)
    return figures
