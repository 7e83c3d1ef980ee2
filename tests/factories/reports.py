"""The reports tests' world: a campaign built like KH 128 on the `province` tree (section
IV.2: a report every quarter, due on the 15th of the quarter's last month), its people,
the clock of Trà Vinh, and steps that put a report in a state or fill in its form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine

from tests.factories.campaigns import CampaignFactory, ReportingRuleFactory
from tests.factories.targets import TargetFactory
from thidua.accounts.models import User
from thidua.campaigns.models import (
    Approver,
    Campaign,
    ContentArea,
    RegistrationRule,
    ReportingRule,
    WorkKind,
)
from thidua.organisations.models import Unit, UnitKind
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.targets.models import Target, TargetValue

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> time_machine.travel:
    """Freeze the clock at ``hour:minute`` in Trà Vinh (Vietnam time) on that day."""
    moment = dt.datetime(year, month, day, hour, minute, tzinfo=VN)
    return time_machine.travel(moment, tick=False)


@dataclass
class Kh:
    """A campaign shaped like KH 128, its reporting rule and two content areas."""

    campaign: Campaign
    rule: ReportingRule
    areas: list[ContentArea]


def make_campaign(root: Unit, recipient: Unit | None = None, **kw: object) -> Kh:
    """KH 128's calendar, registration rules and two content areas under ``root``."""
    campaign = CampaignFactory(
        issuer_unit=root,
        start=dt.date(2024, 11, 1),
        start_precision="month",
        end=dt.date(2025, 9, 30),
        end_precision="day",
        **kw,
    )
    rule = ReportingRuleFactory(campaign=campaign, recipient_unit=recipient)
    every = [WorkKind.CONSTRUCTION.value, WorkKind.PROJECT.value, WorkKind.TASK.value]
    rules = [
        ([UnitKind.MASS_ORGANISATION, UnitKind.ENTERPRISE, UnitKind.OTHER], 1, {}),
        ([UnitKind.DISTRICT], 2, {}),
        ([UnitKind.COMMUNE], 1, {"via_parent": True, "approver": Approver.PARENT}),
        ([UnitKind.DEPARTMENT], 1, {}),
    ]
    for position, (kinds, minimum, extra) in enumerate(rules, start=1):
        RegistrationRule.objects.create(
            campaign=campaign,
            position=position,
            unit_kinds=[k.value for k in kinds],
            minimum=minimum,
            work_kinds=every,
            **extra,
        )
    areas = [
        ContentArea.objects.create(
            campaign=campaign, code="ND1", position=1, title="Phát triển kinh tế"
        ),
        ContentArea.objects.create(
            campaign=campaign, code="ND2", position=2, title="Đầu tư xây dựng kết cấu hạ tầng"
        ),
    ]
    return Kh(campaign, rule, areas)


@dataclass
class People:
    """One user per role that matters to reports (attribute names say where)."""

    health_officer: User
    health_head: User
    home_officer: User
    home_head: User
    district_a_officer: User
    district_a_head: User
    district_a_subtree: User
    district_b_head: User
    a1_officer: User
    secretariat: User
    leader: User
    admin: User
    other_secretariat: User


def report_of(period: ReportPeriod, unit: Unit) -> UnitReport:
    return UnitReport.objects.select_related("period", "unit").get(period=period, unit=unit)


def put_in_state(report: UnitReport, state: ReportState, **fields: object) -> UnitReport:
    """Move a report straight into ``state`` (no events): for table and list tests only."""
    UnitReport.objects.filter(pk=report.pk).update(state=state, **fields)
    report.refresh_from_db()
    return report


def form_data(report: UnitReport, plan: Kh, **extra: str) -> dict[str, str]:
    """A filled report form: a summary, the first area's narrative and one figure."""
    data = {
        "summary": "Sở Y tế hoàn thành 2 công trình chào mừng Đại hội.",
        f"area_{plan.areas[0].pk}": "Khám sàng lọc miễn phí cho 1.200 người dân.",
        "figure_name_0": "Số lượt khám",
        "figure_value_0": "1.234,5",
    }
    data.update(extra)
    return data


def target_with_values(campaign, code: str = "CT01", **kw: object) -> Target:  # type: ignore[no-untyped-def]
    """A campaign target (≥ 1.000 tỷ đồng by 2025) with two yearly values from Sở Tài chính."""
    target = TargetFactory(
        campaign=campaign,
        code=code,
        position=kw.pop("position", 1),
        indicator=kw.pop("indicator", "Thu ngân sách nhà nước trên địa bàn"),
        value=Decimal("1000"),
        measure_unit="tỷ đồng",
        period_to=dt.date(2025, 1, 1),
        period_to_precision="year",
        **kw,
    )
    for year, amount in ((2023, "900"), (2024, "1234.5")):
        TargetValue.objects.create(
            target=target,
            unit=campaign.issuer_unit,
            value=Decimal(amount),
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            label=f"Năm {year}",
            is_estimate=year == 2024,
            source="Sở Tài chính",
        )
    return target
