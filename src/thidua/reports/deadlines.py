"""The quarterly reports in the Ban TĐKT's calendar (``core.deadlines`` provider): each
report period's due date and the units whose report is missing once it has passed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.campaigns.models import CampaignStatus
from thidua.core.deadlines import Deadline
from thidua.organisations.models import Unit
from thidua.reports.models import ReportPeriod
from thidua.reports.selectors import missing_reports


def year_deadlines(province: Unit, year: int, today: dt.date) -> list[Deadline]:
    """The effective due date of every report period of the province's campaigns falling
    in ``year`` (the campaign's reporting rule; KH 128 IV.2), with the units whose report
    is still open after it (``reports.selectors.missing_reports``). Two queries."""
    periods = list(
        ReportPeriod.objects.filter(
            campaign__issuer_unit__path__startswith=province.path,
            effective_due__gte=dt.date(year, 1, 1),
            effective_due__lte=dt.date(year, 12, 31),
        )
        .exclude(campaign__status=CampaignStatus.DRAFT)
        .select_related("campaign")
        .order_by("effective_due", "campaign__code")
    )
    late: dict[int, list[str]] = defaultdict(list)
    for report in missing_reports(periods, today=today):
        late[report.period_id].append(report.unit.name)
    deadlines = []
    for period in periods:
        passed = period.effective_due < today
        names = tuple(late[period.pk]) if passed else ()
        deadlines.append(
            Deadline(
                day=period.effective_due,
                title=_("Nộp báo cáo %(label)s – %(campaign)s")
                % {"label": period.label, "campaign": period.campaign.doc_number},
                source=f"{period.campaign.doc_kind} {period.campaign.doc_number}",
                late=names,
                late_count=len(names),
                url=reverse("reports:period", args=[period.pk]),
            )
        )
    return deadlines
