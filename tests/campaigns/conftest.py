"""A small, valid campaign file and the units it names."""

from __future__ import annotations

import pytest

from tests.factories import UnitFactory
from thidua.organisations.models import Unit, UnitKind

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


@pytest.fixture
def minimal_text(province: object) -> str:
    return MINIMAL


@pytest.fixture
def tra_vinh_units(db: None) -> Unit:
    """The few units the KH 128 file names."""
    root = UnitFactory(code="TV", name="Ủy ban nhân dân tỉnh Trà Vinh", kind=UnitKind.PROVINCE)
    for code, name, kind in [
        ("TV-SNV", "Sở Nội vụ", UnitKind.DEPARTMENT),
        ("TV-SKHDT", "Sở Kế hoạch và Đầu tư", UnitKind.DEPARTMENT),
        ("TV-STTTT", "Sở Thông tin và Truyền thông", UnitKind.DEPARTMENT),
        ("TV-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", UnitKind.DEPARTMENT),
        ("TV-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", UnitKind.MASS_ORGANISATION),
        ("TV-BTG", "Ban Tuyên giáo Tỉnh ủy", UnitKind.OTHER),
        ("TV-BAO", "Báo Trà Vinh", UnitKind.OTHER),
        ("TV-DAI", "Đài Phát thanh và Truyền hình Trà Vinh", UnitKind.OTHER),
    ]:
        UnitFactory(code=code, name=name, kind=kind, parent=root)
    return root
