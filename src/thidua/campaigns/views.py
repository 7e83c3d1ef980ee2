"""Campaign pages: the list (searchable, paginated) and one campaign's page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, CampaignWork, Phase, ReportingRule, WorkStage
from thidua.campaigns.selectors import (
    DueDate,
    campaign_detail,
    campaign_list,
    current_phase,
    reporting_calendar,
)
from thidua.core.dates import PartialDate
from thidua.core.views import wants_fragment

PAGE_SIZE = 20
SEARCH_MAX = 100


@login_required
def campaign_list_page(request: HttpRequest) -> HttpResponse:
    """Visible campaigns, newest first, searchable without diacritics ("ke hoach 128")."""
    search = request.GET.get("q", "").strip()[:SEARCH_MAX]
    campaigns = campaign_list(request.user, search=search).prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("position"))
    )
    page = Paginator(campaigns, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "search": search,
        "page_obj": page,
        "rows": [(campaign, current_phase(campaign, today)) for campaign in page],
        "today": today,
    }
    template = "campaigns/list.html#results" if wants_fragment(request) else "campaigns/list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@dataclass(frozen=True)
class CalendarRow:
    """One reporting period on the campaign page."""

    due: DueDate
    is_next: bool
    is_past: bool
    days_left: int

    @property
    def nominal_on_weekend(self) -> bool:
        return self.due.nominal.weekday() >= 5


@dataclass(frozen=True)
class WorkRow:
    """A work the issuing level selected, with its deadline as the plan stated it."""

    work: CampaignWork
    deadline: PartialDate | None


def _calendar_rows(campaign: Campaign, today: dt.date) -> list[CalendarRow]:
    calendar = reporting_calendar(campaign)
    upcoming = [due for due in calendar if due.effective >= today]
    following = upcoming[0] if upcoming else None
    return [
        CalendarRow(
            due=due,
            is_next=due is following,
            is_past=due.effective < today,
            days_left=(due.effective - today).days,
        )
        for due in calendar
    ]


def _work_rows(campaign: Campaign, stage: str) -> list[WorkRow]:
    return [
        WorkRow(
            work=work,
            deadline=PartialDate.from_parts(work.deadline, work.deadline_precision)
            if work.deadline
            else None,
        )
        for work in campaign.campaign_works.all()
        if work.stage == stage
    ]


@login_required
def campaign_detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything the plan states, with today's place in it; 404 when not visible."""
    try:
        campaign = campaign_detail(request.user, pk)
    except Campaign.DoesNotExist:
        raise Http404(_("Không tìm thấy phong trào.")) from None
    today = timezone.localdate()
    calendar = _calendar_rows(campaign, today)
    context: dict[str, Any] = {
        "campaign": campaign,
        "today": today,
        "phase": current_phase(campaign, today),
        "calendar": calendar,
        "next_due": next((row for row in calendar if row.is_next), None),
        "any_moved": any(row.due.moved for row in calendar),
        "works_start": _work_rows(campaign, WorkStage.START),
        "works_finish": _work_rows(campaign, WorkStage.FINISH),
        "targets": list(campaign.targets.all()),
    }
    try:
        context["reporting_rule"] = campaign.reporting_rule
    except ReportingRule.DoesNotExist:
        context["reporting_rule"] = None
    return render(request, "campaigns/detail.html", context)
