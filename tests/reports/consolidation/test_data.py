"""The figures of the consolidated report: submission, targets, works, and query counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import Province, TargetFactory, UnitFactory
from tests.factories.consolidation import (
    GENERATED_ON,
    VN,
    Quarter,
    make_campaign,
    make_period,
    report,
    value,
    work,
)
from thidua.campaigns.models import ContentArea, ReportingRule
from thidua.organisations.models import UnitKind
from thidua.reports.consolidation import consolidation_data
from thidua.reports.models import ReportPeriod, ReportState
from thidua.targets.models import TargetValue
from thidua.works.models import WorkState


def test_consolidation_data_counts_submissions_by_timeliness(quarter: Quarter) -> None:
    data = consolidation_data(quarter.period, today=GENERATED_ON)

    submission = data["submission"]
    assert submission["counts"] == {"owed": 6, "on_time": 2, "late": 1, "missing": 3}
    rows = {r["name"]: (r["state"], r["submitted_on"], r["note"]) for r in submission["rows"]}
    assert rows == {
        "Sở Nội vụ": ("open", None, "Quá hạn"),
        "Sở Tư pháp": ("open", None, "Quá hạn"),
        "Sở Y tế": ("submitted", dt.date(2024, 12, 10), "Đúng hạn"),
        # 06:00 on 15/12 in Vietnam is still the 14th in UTC: the date shown is Vietnam's.
        "Huyện Cầu Kè": ("accepted", dt.date(2024, 12, 15), "Đúng hạn"),
        "Huyện Trà Cú": ("submitted", dt.date(2024, 12, 20), "Trễ hạn"),
        "Huyện Càng Long": ("returned", dt.date(2024, 12, 12), "Quá hạn"),
    }
    assert [r["name"] for r in submission["rows"]][:3] == ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]


def test_consolidation_data_before_due_date_marks_nothing_overdue(quarter: Quarter) -> None:
    data = consolidation_data(quarter.period, today=dt.date(2024, 12, 1))

    notes = {r["name"]: r["note"] for r in data["submission"]["rows"]}
    assert notes["Sở Nội vụ"] == ""
    assert data["as_of"] == dt.date(2024, 12, 1)


def test_consolidation_data_evaluates_campaign_targets_at_period_end(quarter: Quarter) -> None:
    data = consolidation_data(quarter.period, today=GENERATED_ON)

    rows = {r["code"]: r for r in data["targets"]["rows"]}
    assert list(rows) == ["CT01", "CT02", "CT03", "CT04"]  # not the unit's own SYT01
    assert {code: r["status_label"] for code, r in rows.items()} == {
        "CT01": "Chưa đạt",  # 1.000 of 1.234,5 (the 2.000 of 2025 comes after the period)
        "CT02": "Đạt",
        "CT03": "Chưa đủ dữ liệu",
        "CT04": "Vượt",
    }
    assert rows["CT01"]["goal"] == "≥ 1.234,5 tỷ đồng"
    assert rows["CT01"]["result"] == Decimal("1000")
    assert rows["CT01"]["source"] == "Sở Tài chính"
    assert rows["CT02"]["goal"] == "10 – 11 %"
    assert rows["CT02"]["result_text"] == "10,5 % (ước tính)"
    assert data["targets"]["counts"] == {"exceeded": 1, "met": 1, "not_met": 1, "no_data": 1}


def test_consolidation_data_sums_works_by_district_and_area(quarter: Quarter) -> None:
    data = consolidation_data(quarter.period, today=GENERATED_ON)

    works = data["works"]
    assert data["as_of"] == dt.date(2024, 12, 31)
    assert works["total"] == {
        "registered": 6,  # no draft, no cancelled work
        "in_progress": 2,
        "completed": 2,
        "late": 2,
        "ahead": 1,
        "average": Decimal("48.3"),
    }
    by_district = {r["name"]: r for r in works["by_district"]}
    assert list(by_district) == [
        "Huyện Cầu Kè",
        "Huyện Trà Cú",
        "Huyện Càng Long",
        "Sở, ban, ngành, đoàn thể và đơn vị khác",
    ]
    assert by_district["Huyện Cầu Kè"]["registered"] == 3  # its communes' works and its own
    assert by_district["Huyện Cầu Kè"]["average"] == Decimal("46.7")
    assert by_district["Huyện Càng Long"]["registered"] == 0
    assert by_district["Huyện Càng Long"]["average"] is None
    by_area = {r["name"]: (r["registered"], r["late"], r["ahead"]) for r in works["by_area"]}
    assert by_area == {
        "Phát triển kinh tế": (2, 0, 1),
        "Đầu tư kết cấu hạ tầng": (3, 2, 0),
        "Văn hóa - xã hội": (0, 0, 0),
        "Chưa xác định nội dung": (1, 0, 0),
    }
    assert [w["title"] for w in works["ahead"]] == ["Trường mẫu giáo Hoa Sen"]
    assert [w["title"] for w in works["late"]] == ["Trạm y tế kiểu mẫu", "Cầu bê tông kênh Ba Sơn"]


def test_consolidation_data_letterhead_from_campaign(quarter: Quarter) -> None:
    data = consolidation_data(quarter.period, today=GENERATED_ON)

    assert data["letterhead"] == {
        "parent_body": "UBND TỈNH TRÀ VINH",
        "issuing_body": "SỞ NỘI VỤ",
        "body_name": "Sở Nội vụ",
        "body_code": "SNV",
        "place": "Trà Vinh",
    }
    assert data["title"] == (
        "Kết quả thực hiện đợt thi đua lập thành tích chào mừng Đại hội đảng bộ các cấp quý IV/2024"
    )


def test_consolidation_data_without_recipient_unit_uses_recipient_name(quarter: Quarter) -> None:
    ReportingRule.objects.filter(campaign=quarter.campaign).update(recipient_unit=None)

    data = consolidation_data(quarter.period, today=GENERATED_ON)

    assert data["letterhead"]["issuing_body"] == "SỞ NỘI VỤ"  # "(Ban Thi đua - …)" dropped
    assert data["letterhead"]["body_code"] == "SNV"


def _province_with(n: int) -> ReportPeriod:
    """A new province whose quarter has ``n`` districts, each with a report, a commune,
    two works and a target with a value."""
    root = UnitFactory(kind=UnitKind.PROVINCE)
    home = UnitFactory(kind=UnitKind.DEPARTMENT, parent=root, name="Sở Nội vụ")
    campaign = make_campaign(root, home)
    period = make_period(campaign)
    area = ContentArea.objects.create(campaign=campaign, code="ND1", title="Kinh tế")
    for i in range(n):
        district = UnitFactory(kind=UnitKind.DISTRICT, parent=root)
        commune = UnitFactory(kind=UnitKind.COMMUNE, parent=district)
        at = dt.datetime(2024, 12, 10 + 5 * (i % 2), 9, tzinfo=VN)
        report(period, district, ReportState.SUBMITTED, at, late=i % 2 == 1)
        work(campaign, commune, WorkState.IN_PROGRESS, content_area=area, percent_complete=30)
        work(campaign, district, WorkState.COMPLETED, actual_finish=dt.date(2024, 12, 1))
        target = TargetFactory(campaign=campaign, code=f"T{i}")
        value(target, root, "12", dt.date(2024, 12, 31))
    return period


def test_consolidation_data_query_count_does_not_grow(db: None) -> None:
    one, three = _province_with(1), _province_with(3)

    with CaptureQueriesContext(connection) as small:
        small_data = consolidation_data(one, today=GENERATED_ON)
    with CaptureQueriesContext(connection) as large:
        large_data = consolidation_data(three, today=GENERATED_ON)

    assert small_data["works"]["total"]["registered"] == 2
    assert large_data["works"]["total"]["registered"] == 6
    assert len(large_data["submission"]["rows"]) == 4  # three districts and Sở Nội vụ
    assert len(small.captured_queries) == len(large.captured_queries) == 13


def test_consolidation_data_milestone_target_shows_achievement_day(
    quarter: Quarter, province: Province
) -> None:
    target = TargetFactory(
        campaign=quarter.campaign,
        position=5,
        code="CT05",
        indicator="Khánh thành cầu Cổ Chiên 2",
        kind="milestone",
        comparator="before",
        deadline=dt.date(2025, 1, 1),
        value=None,
        measure_unit="",
    )
    TargetValue.objects.create(
        target=target,
        unit=province.root,
        achieved_on=dt.date(2024, 12, 20),
        period_start=dt.date(2024, 10, 1),
        period_end=dt.date(2024, 12, 31),
        label="Quý IV/2024",
        source="Sở Giao thông vận tải",
    )

    data = consolidation_data(quarter.period, today=GENERATED_ON)

    row = next(r for r in data["targets"]["rows"] if r["code"] == "CT05")
    assert row["goal"] == "trước 01/01/2025"
    assert row["result_text"] == "Hoàn thành ngày 20/12/2024"
    assert row["status_label"] == "Đạt"
    assert row["source"] == "Sở Giao thông vận tải"
