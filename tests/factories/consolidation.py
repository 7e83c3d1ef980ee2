"""A quarter of a KH 128-like campaign for the consolidated report (reports.consolidation):
its campaign, period, reports, target values and works, built row by row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from tests.factories.campaigns import CampaignFactory, ReportingRuleFactory
from tests.factories.works import WorkFactory
from thidua.campaigns.models import Campaign, ContentArea, RegistrationRule
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, UnitReport
from thidua.targets.models import Target, TargetValue
from thidua.works.models import Work

VN = ZoneInfo("Asia/Ho_Chi_Minh")

GENERATED_ON = dt.date(2025, 1, 10)

NOW = dt.datetime(2025, 1, 10, 9, 0, tzinfo=VN)

KH_TITLE = (
    "Phát động đợt thi đua lập thành tích chào mừng Đại hội đảng bộ các cấp, Đại hội Thi "
    "đua yêu nước tỉnh Trà Vinh lần thứ VI, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV "
    "của Đảng và Đại hội Thi đua yêu nước toàn quốc lần thứ XI"
)


@dataclass
class Quarter:
    """The period and what it holds (attribute names say which row is which)."""

    campaign: Campaign
    period: ReportPeriod
    justice: Unit
    district_c: Unit
    areas: list[ContentArea]
    targets: dict[str, Target]
    works: dict[str, Work]


def make_campaign(root: Unit, recipient: Unit) -> Campaign:
    """A campaign of ``root`` whose units report to ``recipient``: departments and
    districts report directly, communes through their district."""
    campaign = CampaignFactory(
        issuer_unit=root,
        title=KH_TITLE,
        doc_number="128/KH-UBND",
        doc_place="Trà Vinh",
        issuer_name="Ủy ban nhân dân tỉnh Trà Vinh",
    )
    ReportingRuleFactory(campaign=campaign, recipient_unit=recipient)
    for position, (kinds, via_parent) in enumerate(
        (([UnitKind.COMMUNE.value], True), ([UnitKind.DISTRICT.value], False)), start=1
    ):
        RegistrationRule.objects.create(
            campaign=campaign, position=position, unit_kinds=kinds, via_parent=via_parent
        )
    RegistrationRule.objects.create(
        campaign=campaign, position=3, unit_kinds=[UnitKind.DEPARTMENT.value]
    )
    return campaign


def make_period(campaign: Campaign) -> ReportPeriod:
    return ReportPeriod.objects.create(
        campaign=campaign,
        year=2024,
        number=4,
        label="Quý IV/2024",
        start=dt.date(2024, 10, 1),
        end=dt.date(2024, 12, 31),
        nominal_due=dt.date(2024, 12, 15),
        effective_due=dt.date(2024, 12, 15),
    )


def report(
    period: ReportPeriod, unit: Unit, state: str, at: dt.datetime | None = None, late: bool = False
) -> UnitReport:
    return UnitReport.objects.create(
        period=period, unit=unit, state=state, submitted_at=at, submitted_late=late
    )


def value(target: Target, unit: Unit, amount: str, end: dt.date, **kw: object) -> TargetValue:
    return TargetValue.objects.create(
        target=target,
        unit=unit,
        value=Decimal(amount),
        period_start=dt.date(end.year, 1, 1),
        period_end=end,
        label=kw.pop("label", "Năm %s" % end.year),
        source=kw.pop("source", "Cục Thống kê tỉnh"),
        **kw,
    )


def work(campaign: Campaign, unit: Unit, state: str, **kw: object) -> Work:
    kw.setdefault("planned_start", dt.date(2024, 10, 1))
    kw.setdefault("planned_finish", dt.date(2025, 6, 30))
    return WorkFactory(campaign=campaign, unit=unit, approver_unit=unit, state=state, **kw)
