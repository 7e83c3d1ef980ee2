"""The home page: what each role needs first, from campaigns, units and the other apps' cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.accounts.selectors import Reach, memberships_of, reach_of
from thidua.campaigns.models import Campaign, CampaignStatus, Phase
from thidua.campaigns.selectors import DueDate, campaign_list, current_phase, reporting_calendar
from thidua.core.validity import valid_on
from thidua.organisations.models import (
    EmulationGroup,
    GroupMembership,
    GroupRole,
    Unit,
    UnitKind,
)
from thidua.organisations.selectors import unit_scope_q, units_visible_to

#: How many campaigns a home-page panel lists before linking to the full list.
PANEL_SIZE = 8


@dataclass(frozen=True)
class CampaignStatusRow:
    """A campaign with where it stands today: its current phase and next report due."""

    campaign: Campaign
    phase: Phase | None
    next_due: DueDate | None
    has_calendar: bool


def _with_calendar(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    return campaigns.select_related("reporting_rule").prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("position"))
    )


def _status_rows(campaigns: QuerySet[Campaign], today: dt.date) -> list[CampaignStatusRow]:
    rows = []
    for campaign in campaigns[:PANEL_SIZE]:
        calendar = reporting_calendar(campaign)
        upcoming = (due for due in calendar if due.effective >= today)
        rows.append(
            CampaignStatusRow(
                campaign=campaign,
                phase=current_phase(campaign, today),
                next_due=next(upcoming, None),
                has_calendar=bool(calendar),
            )
        )
    return rows


def _unit_counts(user: Any, today: dt.date) -> list[tuple[str, int]]:
    """Visible units in force today, counted per kind in the order of ``UnitKind``."""
    counted = dict(
        Unit.objects.filter(pk__in=units_visible_to(user).values("pk"))
        .filter(valid_on(today))
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
        .order_by()
    )
    return [(str(kind.label), counted[kind.value]) for kind in UnitKind if counted.get(kind.value)]


def _led_groups(reach: Reach) -> list[EmulationGroup]:
    """The clusters and blocks led by a unit in which the user is a cluster leader."""
    led_units = reach.roles.get(Role.CLUSTER_LEADER, frozenset())
    if not led_units:
        return []
    members = GroupMembership.objects.select_related("unit").order_by("unit__name")
    return list(
        EmulationGroup.objects.filter(
            memberships__unit__in=sorted(led_units), memberships__role=GroupRole.LEADER
        )
        .distinct()
        .select_related("organiser")
        .prefetch_related(Prefetch("memberships", queryset=members))
        .order_by("-year", "kind", "code")[:PANEL_SIZE]
    )


def _has(reach: Reach, *roles: str) -> bool:
    return any(role in reach.roles for role in roles)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each role's first needs (roles from ``reach_of(user).roles``); only what the data has."""
    user = request.user
    reach = reach_of(user)
    today = timezone.localdate()
    visible = campaign_list(user)
    context: dict[str, Any] = {
        "today": today,
        "memberships": memberships_of(user),
        "is_admin": reach.is_admin,
        "campaign_total": visible.count(),
    }
    if reach.is_admin or _has(reach, Role.SECRETARIAT):
        managed = visible.filter(unit_scope_q(user, prefix="issuer_unit__"))
        context["managed"] = _status_rows(_with_calendar(managed), today)
        context["unit_counts"] = _unit_counts(user, today)
    if _has(reach, Role.UNIT_OFFICER, Role.UNIT_HEAD):
        applying = visible.exclude(status=CampaignStatus.DRAFT)
        context["applying"] = _status_rows(_with_calendar(applying), today)
        context["staff_memberships"] = [
            m for m in context["memberships"] if m.role in {Role.UNIT_OFFICER, Role.UNIT_HEAD}
        ]
    if _has(reach, Role.CLUSTER_LEADER):
        context["led_groups"] = _led_groups(reach)
    # The year's calendar and statistical report: the province's Ban TĐKT and leaders.
    context["year_links"] = _has(reach, Role.SECRETARIAT, Role.LEADER)
    if _has(reach, Role.COUNCIL_MEMBER, Role.LEADER):
        overview = visible.exclude(status=CampaignStatus.DRAFT)
        context["overview"] = list(_with_calendar(overview)[:PANEL_SIZE])
    return render(request, "desk/home.html", context)
