"""The leaders' dashboard ("Bảng điều khiển") of one campaign.

For the provincial leaders, the council, the Ban Thi đua – Khen thưởng and the
administrators: each target's status with its latest value and source, its forecast and
a warning, and its values over time; how many reports each period received; the works
by state and by district; the units at risk (missing reports, too few works registered,
late works). Every figure comes from an SQL aggregate over what the user may see; the
page costs the same number of queries whatever the number of targets, units or works.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from thidua.campaigns.models import Campaign
from thidua.reports import charts
from thidua.reports.models import ReportState
from thidua.reports.selectors import period_stats_many, periods_of, reports_visible_to
from thidua.reports.views import board_campaigns, covers_campaign, pick, require_board
from thidua.targets.evaluation import Status
from thidua.targets.selectors import BoardRow, target_board
from thidua.works import charts as works_charts
from thidua.works.models import WorkState
from thidua.works.selectors import registration_compliance, with_flags, works_visible_to

#: How many units at risk the dashboard lists (the works and period pages list them all).
RISK_ROWS = 15


@dataclass(frozen=True)
class TargetCard:
    """A target on the dashboard: the board row and its trend chart."""

    row: BoardRow
    trend: charts.Trend | None

    @property
    def tone(self) -> str:
        return self.row.evaluation.status.value

    @property
    def achieved(self) -> list[Any]:
        return [v for v in self.row.values if v.achieved_on is not None]


@dataclass
class RiskRow:
    """A unit with something to act on in the campaign."""

    unit_id: int
    name: str
    missing_reports: int = 0
    registered: int | None = None
    minimum: int | None = None
    late_works: int = 0

    @property
    def below(self) -> bool:
        return self.minimum is not None and (self.registered or 0) < self.minimum

    @property
    def weight(self) -> tuple[int, int, int, bool]:
        problems = (self.missing_reports > 0) + self.below + (self.late_works > 0)
        return (problems, self.missing_reports, self.late_works, self.below)


def _targets(user: Any, campaign: Campaign, today: dt.date) -> list[TargetCard]:
    return [
        TargetCard(row, charts.trend(row.target, row.values, row.evaluation))
        for row in target_board(user, campaign, today)
    ]


def _status_counts(cards: list[TargetCard]) -> list[tuple[str, str, int]]:
    counted = dict.fromkeys(Status, 0)
    for card in cards:
        counted[card.row.evaluation.status] += 1
    return [(status.value, status.label, counted[status]) for status in Status]


def units_at_risk(user: Any, campaign: Campaign, today: dt.date) -> list[RiskRow]:
    """Units with reports still open after the due date, fewer registered works than
    the campaign's minimum (KH 128 II.2), or works past their planned finish — one
    grouped query each, merged by unit; the most problems first."""
    risks: dict[int, RiskRow] = {}

    def row(unit_id: int, name: str) -> RiskRow:
        return risks.setdefault(unit_id, RiskRow(unit_id, name))

    missing = (
        reports_visible_to(user)
        .filter(
            period__campaign=campaign,
            state=ReportState.OPEN,
            period__effective_due__lt=today,
        )
        .values("unit_id", "unit__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for item in missing:
        row(item["unit_id"], item["unit__name"]).missing_reports = item["n"]
    for unit in registration_compliance(user, campaign):
        if unit.below:
            risky = row(unit.unit_id, unit.unit_name)
            risky.registered, risky.minimum = unit.registered, unit.minimum
    late = (
        with_flags(works_visible_to(user).filter(campaign=campaign), today)
        .filter(late=True)  # type: ignore[misc]  # an annotation
        .values("unit_id", "unit__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for item in late:
        row(item["unit_id"], item["unit__name"]).late_works = item["n"]
    return sorted(risks.values(), key=lambda r: (tuple(-x for x in r.weight), r.name))


def _works_by_state(user: Any, campaign: Campaign) -> list[tuple[str, str, int]]:
    counted = dict(
        works_visible_to(user)
        .filter(campaign=campaign)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return [(s.value, str(s.label), counted.get(s.value, 0)) for s in WorkState]


@login_required
@require_GET
def dashboard_page(request: HttpRequest) -> HttpResponse:
    """ "Bảng điều khiển": targets, report submission, works progress, units at risk."""
    user = request.user
    require_board(user)
    campaigns = board_campaigns(user)
    campaign = pick(campaigns, request.GET.get("campaign"))
    today = timezone.localdate()
    context: dict[str, Any] = {"campaigns": campaigns, "campaign": campaign, "today": today}
    if campaign is None:
        return render(request, "reports/dashboard.html", context)
    cards = _targets(user, campaign, today)
    periods = list(periods_of(campaign)) if covers_campaign(user, campaign) else []
    stats = period_stats_many(periods, today=today)
    risks = units_at_risk(user, campaign, today)
    works = works_visible_to(user).filter(campaign=campaign)
    context.update(
        cards=cards,
        status_counts=_status_counts(cards),
        warnings=sum(1 for c in cards if c.row.evaluation.warning),
        submissions=[(p, charts.submission_bar(stats[p.pk])) for p in periods],
        submission_legend=charts.submission_legend(),
        works_states=_works_by_state(user, campaign),
        districts=works_charts.by_district(works),
        works_legend=works_charts.legend(),
        risks=risks[:RISK_ROWS],
        risk_total=len(risks),
        risk_counts={
            "missing": sum(1 for r in risks if r.missing_reports),
            "below": sum(1 for r in risks if r.below),
            "late": sum(1 for r in risks if r.late_works),
        },
    )
    return render(request, "reports/dashboard.html", context)
