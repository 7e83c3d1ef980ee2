"""The campaigns' phases in the Ban TĐKT's calendar (``core.deadlines`` provider)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, CampaignStatus, Phase
from thidua.core.deadlines import Deadline
from thidua.organisations.models import Unit


def year_deadlines(province: Unit, year: int, today: dt.date) -> list[Deadline]:
    """The end of each phase of the province's campaigns (not drafts) that ends in
    ``year``, as the campaign's plan sets it. Nobody is late for a phase's end (the
    reports and reviews carry their own deadlines). One query."""
    phases = (
        Phase.objects.filter(
            campaign__issuer_unit__path__startswith=province.path,
            end__gte=dt.date(year, 1, 1),
            end__lte=dt.date(year, 12, 31),
        )
        .exclude(campaign__status=CampaignStatus.DRAFT)
        .select_related("campaign")
        .order_by("end", "campaign__code", "position")
    )
    return [_phase_end(phase, phase.campaign) for phase in phases if phase.last_day.year == year]


def _phase_end(phase: Phase, campaign: Campaign) -> Deadline:
    return Deadline(
        day=phase.last_day,
        title=_("Kết thúc %(phase)s – %(campaign)s")
        % {"phase": phase.name, "campaign": campaign.doc_number},
        source=f"{campaign.doc_kind} {campaign.doc_number}",
        late_count=None,
        url=reverse("campaigns:detail", args=[campaign.pk]),
    )
