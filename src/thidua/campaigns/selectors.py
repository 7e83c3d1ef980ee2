"""Reads of campaigns. Every page and API call starts from ``campaigns_visible_to``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import (
    Campaign,
    CampaignKind,
    CampaignStatus,
    Duty,
    Phase,
    ReportingRule,
)
from thidua.campaigns.parts import plan_parts
from thidua.core.dates import (
    Quarter,
    due_in_quarter,
    effective_due_date,
    quarters_between,
)
from thidua.core.tree import path_ids
from thidua.organisations.models import Unit
from thidua.organisations.selectors import unit_scope_q


def campaigns_visible_to(user: Any) -> QuerySet[Campaign]:
    """Campaigns that apply to the user or that the user's roles cover.

    A campaign applies to every unit under its issuer, so a commune officer sees the
    province's campaigns and their district's, never a sibling district's. Drafts are
    seen only by the secretariat and administrators who cover the issuer.
    """
    if not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    reach = reach_of(user)
    if reach.is_admin:
        return Campaign.objects.all()
    covered = unit_scope_q(user, prefix="issuer_unit__")
    applies = Q(issuer_unit__in=sorted(reach.ancestors))
    query = (covered | applies) & ~Q(status=CampaignStatus.DRAFT)
    if Role.SECRETARIAT in reach.roles:
        query |= covered & Q(status=CampaignStatus.DRAFT)
    return Campaign.objects.filter(query).distinct()


def campaigns_for_unit(user: Any, unit: Unit) -> list[Campaign]:
    """Visible, launched campaigns issued by ``unit`` or a level above it: those its staff
    register works, set targets and propose awards in. Running ones first, newest first."""
    return list(
        campaigns_visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .filter(issuer_unit_id__in=path_ids(unit.path))
        .select_related("issuer_unit")
        .order_by("status", "-doc_date", "code")
    )


def campaign_list(user: Any, *, search: str = "") -> QuerySet[Campaign]:
    """Visible campaigns with their issuer, newest first; ``search`` ignores diacritics."""
    from thidua.core.text import fold

    campaigns = campaigns_visible_to(user).select_related("issuer_unit")
    for word in fold(search).split():
        campaigns = campaigns.filter(search_text__contains=word)
    return campaigns.order_by("-doc_date", "code")


def campaign_detail(user: Any, pk: int) -> Campaign:
    """One visible campaign with everything its page shows, in a fixed number of queries.

    Raises ``Campaign.DoesNotExist`` when it does not exist *or* is not visible, so a
    hidden campaign cannot be told apart from a missing one.
    """
    return (
        campaigns_visible_to(user)
        .select_related("issuer_unit", "reporting_rule", "reporting_rule__recipient_unit")
        .prefetch_related(
            "legal_bases",
            "content_areas",
            Prefetch("phases", queryset=Phase.objects.order_by("position")),
            *(Prefetch(part.name, queryset=part.shown()) for part in plan_parts()),
            "registration_rules",
            "campaign_works",
            "awards",
            Prefetch("duties", queryset=Duty.objects.prefetch_related("agency_units")),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class DueDate:
    """One reporting period and when its report is due."""

    quarter: Quarter
    nominal: dt.date
    effective: dt.date

    @property
    def moved(self) -> bool:
        return self.nominal != self.effective


def reporting_calendar(campaign: Campaign) -> list[DueDate]:
    """Every report due date of the campaign, from its reporting rule.

    KH 128 section IV.2: quarterly, on the 15th of the last month of each quarter that
    overlaps the campaign; a weekend date stays or moves as the rule's policy says.
    """
    try:
        rule: ReportingRule = campaign.reporting_rule
    except ReportingRule.DoesNotExist:
        return []
    start = campaign.start_partial.first_day()
    end = campaign.end_partial.last_day()
    calendar = []
    for quarter in quarters_between(start, end):
        nominal = due_in_quarter(
            quarter, day=rule.due_day, month_of_quarter=rule.due_month_of_period
        )
        calendar.append(DueDate(quarter, nominal, effective_due_date(nominal, rule.weekend_policy)))
    return calendar


def current_phase(campaign: Campaign, today: dt.date) -> Phase | None:
    """The phase whose stated span covers ``today`` (uses prefetched phases)."""
    for phase in campaign.phases.all():
        if phase.start_partial.first_day() <= today <= phase.end_partial.last_day():
            return phase
    return None


def regular_campaign(province: Unit, year: int) -> Campaign | None:
    """The province's regular campaign (thi đua thường xuyên) of ``year``: the campaign of
    kind REGULAR issued by ``province`` whose period starts in ``year``, where that year's
    annual-title nominations live (basis ANNUAL). None until the Ban TĐKT opens the year
    (``campaigns.regular.open_year``)."""
    return (
        Campaign.objects.filter(kind=CampaignKind.REGULAR, issuer_unit=province, start__year=year)
        .order_by("start", "pk")
        .first()
    )
