"""Campaigns, their phases and reporting rules; a small valid campaign file; the campaign
world of the campaign, home and layout page tests."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

import factory

from tests.factories.organisations import Province, UnitFactory
from tests.factories.targets import TargetFactory
from thidua.campaigns.models import Campaign, Phase, ReportingRule
from thidua.organisations.models import Unit, UnitKind

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    code = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Phong trào thi đua số {n}")
    issuer_unit = factory.SubFactory(UnitFactory, kind=UnitKind.PROVINCE)
    doc_number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    doc_date = dt.date(2024, 11, 11)
    doc_place = "Trà Vinh"
    issuer_name = "Ủy ban nhân dân tỉnh"
    signer_name = "Lê Văn A"
    signer_position = "Chủ tịch"
    start = dt.date(2024, 11, 1)
    start_precision = "month"
    end = dt.date(2025, 9, 30)
    end_precision = "day"


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"dot-{n}")
    name = factory.Sequence(lambda n: f"Đợt {n}")
    start = dt.date(2024, 11, 1)
    start_precision = "month"
    end = dt.date(2025, 4, 30)


class ReportingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingRule

    campaign = factory.SubFactory(CampaignFactory)
    due_day = 15
    due_month_of_period = 3
    recipient_name = "Sở Nội vụ (Ban Thi đua - Khen thưởng)"


@dataclass
class World:
    """A province campaign (two phases, three targets, quarterly reports) and one issued
    by district B, which a commune of district A must never see."""

    province: Province
    campaign: Campaign
    sibling: Campaign


def make_campaign(
    issuer: Unit, *, number: str, phases: int = 2, targets: int = 3, **kw
) -> Campaign:
    """A campaign with ``phases`` phases, ``targets`` targets and a quarterly reporting rule."""
    campaign = CampaignFactory(issuer_unit=issuer, doc_number=number, **kw)
    bounds = [
        (dt.date(2024, 11, 1), "month", dt.date(2025, 4, 30)),
        (dt.date(2025, 5, 1), "month", dt.date(2025, 9, 30)),
        (dt.date(2025, 6, 1), "day", dt.date(2025, 7, 31)),
    ]
    for i in range(phases):
        start, precision, end = bounds[i % 3]
        PhaseFactory(
            campaign=campaign, code=f"dot-{i + 1}", name=f"Đợt {i + 1}", position=i,
            start=start, start_precision=precision, end=end,
        )  # fmt: skip
    for i in range(targets):
        TargetFactory(campaign=campaign, code=f"T{i + 1:02d}", position=i, value="99.5")
    ReportingRuleFactory(campaign=campaign)
    return campaign


#: A small, valid campaign file; its units are those of ``province`` (P-A, P-A-1, P-A-2).
MINIMAL = """\
format: thidua/campaign@1
code: kh-thu-2025
title: Phát động thi đua chào mừng Đại hội
document:
  number: 12/KH-UBND
  date: 2025-01-05
  place: Cầu Kè
  issuer: Ủy ban nhân dân huyện Cầu Kè
  issuer_unit: P-A
  signer:
    name: Trần Thị Bé
    position: Chủ tịch
legal_bases:
  - relation: thuc_hien
    kind: Kế hoạch
    number: 128/KH-UBND
    date: 2024-11-11
    issuer: UBND tỉnh
period:
  start: "2025-01"
  end: 2025-09-30
phases:
  - code: dot-1
    name: Đợt 1
    start: "2025-01"
    end: 2025-04-30
  - code: dot-2
    name: Đợt 2
    start: "2025-05"
    end: 2025-09-30
content_areas:
  - code: ND1
    title: Nông nghiệp
targets:
  - code: T01
    indicator: Tốc độ tăng trưởng
    kind: per_year
    comparator: between
    value: 10
    value_max: 11
    measure_unit: "%"
    period: {from: 2025, to: 2025}
    content_area: ND1
  - code: T02
    indicator: Tỷ lệ hộ dân dùng nước sạch
    kind: level
    comparator: gte
    value: 99.5
    measure_unit: "%"
  - code: T03
    indicator: Đạt chuẩn nông thôn mới
    kind: milestone
    comparator: before
    deadline: 2025-06-01
registration:
  deadline: 2025-02-15
  rules:
    - unit_kinds: [commune]
      minimum: 1
      work_kinds: [construction, project]
      alternative_work_kinds: [task]
      via_parent: true
      approver: parent
  campaign_works:
    - code: CT1
      title: Cầu Phong Phú
      stage: finish
      deadline: "2025-09"
reporting:
  due_day: 15
  due_month_of_period: 3
  weekend_policy: previous_working_day
  recipient: Phòng Nội vụ
  recipient_unit: P-A
awards:
  forms:
    - code: GK
      name: Giấy khen
      grantors:
        - title: Chủ tịch UBND huyện
          unit_kinds: [district]
      subjects: [collective, individual]
duties:
  - section: IV.1
    agencies: [Các xã, thị trấn]
    agency_units: [P-A-2, P-A-1]
    text: Tổ chức thực hiện.
"""
