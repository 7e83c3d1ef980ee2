"""A quarter of a KH 128-like campaign on the `province` tree, with everything the
consolidated report sums up: reports in every state, targets with values, works in
several states.

Quý IV/2024 (01/10–31/12/2024, due 15/12/2024); the report is generated on 10/01/2025,
so works are judged as of 31/12/2024.

Units that owe a report (6): Sở Nội vụ (open), Sở Y tế (submitted on time), Sở Tư pháp
(no report row), Huyện Cầu Kè (accepted, submitted 15/12 06:00 — still the 14th in UTC),
Huyện Trà Cú (submitted late), Huyện Càng Long (returned). Sở Kế hoạch và Đầu tư ended on
30/11/2024 and owes nothing; communes report through their district.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import (
    Province,
    TargetFactory,
    UnitFactory,
    UserFactory,
)
from tests.factories.consolidation import (
    VN,
    Quarter,
    make_campaign,
    make_period,
    report,
    value,
    work,
)
from thidua.campaigns.models import ContentArea
from thidua.organisations.models import UnitKind
from thidua.reports.models import ReportState
from thidua.works.models import WorkState


@pytest.fixture
def quarter(province: Province) -> Quarter:
    campaign = make_campaign(province.root, province.home_affairs)
    period = make_period(campaign)
    root = province.root
    justice = UnitFactory(code="P-STP", name="Sở Tư pháp", kind=UnitKind.DEPARTMENT, parent=root)
    UnitFactory(
        code="P-SKH",
        name="Sở Kế hoạch và Đầu tư",
        kind=UnitKind.DEPARTMENT,
        parent=root,
        valid_to=dt.date(2024, 11, 30),
    )
    district_c = UnitFactory(
        code="P-C", name="Huyện Càng Long", kind=UnitKind.DISTRICT, parent=root
    )
    report(period, province.home_affairs, ReportState.OPEN)
    report(period, province.health, ReportState.SUBMITTED, dt.datetime(2024, 12, 10, 9, tzinfo=VN))
    report(
        period, province.district_a, ReportState.ACCEPTED, dt.datetime(2024, 12, 15, 6, tzinfo=VN)
    )
    report(
        period,
        province.district_b,
        ReportState.SUBMITTED,
        dt.datetime(2024, 12, 20, 8, tzinfo=VN),
        late=True,
    )
    report(period, district_c, ReportState.RETURNED, dt.datetime(2024, 12, 12, 8, tzinfo=VN))

    targets = {
        "CT01": TargetFactory(
            campaign=campaign,
            position=1,
            code="CT01",
            indicator="Thu ngân sách nhà nước trên địa bàn",
            value=Decimal("1234.5"),
            measure_unit="tỷ đồng",
        ),
        "CT02": TargetFactory(
            campaign=campaign,
            position=2,
            code="CT02",
            indicator="Tốc độ tăng trưởng kinh tế",
            comparator="between",
            value=10,
            value_max=11,
        ),
        "CT03": TargetFactory(
            campaign=campaign,
            position=3,
            code="CT03",
            indicator="Tỷ lệ người dân có BHYT",
            value=Decimal("99.5"),
        ),
        "CT04": TargetFactory(
            campaign=campaign,
            position=4,
            code="CT04",
            indicator="Số xã nông thôn mới",
            value=50,
            measure_unit="xã",
        ),
    }
    # A unit's own target is not one of the campaign's: it stays out of the report.
    TargetFactory(campaign=campaign, unit=province.health, code="SYT01", indicator="Riêng Sở Y tế")
    value(targets["CT01"], root, "1000", dt.date(2024, 12, 31), source="Sở Tài chính")
    # Known only after the period: ignored (it would make CT01 "Vượt").
    value(targets["CT01"], root, "2000", dt.date(2025, 3, 31), label="Quý I/2025")
    value(targets["CT02"], root, "10.5", dt.date(2024, 12, 31), is_estimate=True)
    value(targets["CT04"], root, "60.75", dt.date(2024, 12, 31))

    areas = [
        ContentArea.objects.create(campaign=campaign, position=i, code=f"ND{i}", title=title)
        for i, title in enumerate(
            ("Phát triển kinh tế", "Đầu tư kết cấu hạ tầng", "Văn hóa - xã hội"), start=1
        )
    ]
    creator = UserFactory()
    w = {
        "ahead": work(
            campaign,
            province.commune_a1,
            WorkState.COMPLETED,
            title="Trường mẫu giáo Hoa Sen",
            planned_finish=dt.date(2025, 4, 30),
            actual_finish=dt.date(2024, 12, 1),
            content_area=areas[0],
            created_by=creator,
        ),
        "late_open": work(
            campaign,
            province.commune_a2,
            WorkState.IN_PROGRESS,
            title="Cầu bê tông kênh Ba Sơn",
            planned_finish=dt.date(2024, 12, 20),
            percent_complete=40,
            content_area=areas[1],
            created_by=creator,
        ),
        "approved": work(
            campaign,
            province.district_a,
            WorkState.APPROVED,
            title="Nhà văn hóa ấp Bà Tiêm",
            content_area=areas[1],
            created_by=creator,
        ),
        "running": work(
            campaign,
            province.commune_b1,
            WorkState.IN_PROGRESS,
            title="Chợ nông thôn Ninh Thới",
            percent_complete=50,
            content_area=areas[0],
            created_by=creator,
        ),
        "draft": work(campaign, province.commune_b1, WorkState.DRAFT, created_by=creator),
        "cancelled": work(campaign, province.commune_b1, WorkState.CANCELLED, created_by=creator),
        "late_done": work(
            campaign,
            province.health,
            WorkState.COMPLETED,
            title="Trạm y tế kiểu mẫu",
            planned_finish=dt.date(2024, 11, 30),
            actual_finish=dt.date(2024, 12, 10),
            content_area=areas[1],
            created_by=creator,
        ),
        "submitted": work(
            campaign,
            province.health,
            WorkState.SUBMITTED,
            title="Hệ thống nước sạch liên ấp",
            planned_finish=dt.date(2025, 3, 31),
            created_by=creator,
        ),
    }
    return Quarter(campaign, period, justice, district_c, areas, targets, w)
