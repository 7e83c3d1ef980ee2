"""Test data of the Ban TĐKT's year calendar: a 2026 campaign of the province with two
phases and two report periods, one unit late for the passed one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tests.factories import CampaignFactory, PhaseFactory
from tests.factories.organisations import Province
from thidua.campaigns.models import Campaign
from thidua.reports.models import ReportPeriod, ReportState, UnitReport


@dataclass
class CalendarWorld:
    campaign: Campaign
    q3: ReportPeriod
    q4: ReportPeriod


def period(campaign: Campaign, number: int, due: dt.date) -> ReportPeriod:
    return ReportPeriod.objects.create(
        campaign=campaign,
        year=due.year,
        number=number,
        label=f"Quý {number}/{due.year}",
        start=dt.date(due.year, 3 * number - 2, 1),
        end=due,
        nominal_due=due,
        effective_due=due,
    )


def calendar_world(province: Province, code: str = "kh-2026") -> CalendarWorld:
    campaign = CampaignFactory(
        code=code,
        issuer_unit=province.root,
        doc_number="55/KH-UBND",
        start=dt.date(2026, 1, 1),
        start_precision="day",
        end=dt.date(2026, 12, 31),
    )
    PhaseFactory(
        campaign=campaign,
        code="dot-1",
        name="Đợt 1",
        position=1,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 6, 30),
    )
    PhaseFactory(
        campaign=campaign,
        code="dot-2",
        name="Đợt 2",
        position=2,
        start=dt.date(2026, 7, 1),
        end=dt.date(2026, 12, 31),
    )
    q3 = period(campaign, 3, dt.date(2026, 9, 15))
    q4 = period(campaign, 4, dt.date(2026, 12, 15))
    for report_period in (q3, q4):
        UnitReport.objects.create(period=report_period, unit=province.health)
        UnitReport.objects.create(
            period=report_period, unit=province.district_a, state=ReportState.SUBMITTED
        )
    return CalendarWorld(campaign, q3, q4)
