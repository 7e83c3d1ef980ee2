"""The leaders' dashboard: targets with status, latest value and source, forecast and
trend; report submission per period; works; units at risk. Who may open it."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import TargetFactory
from tests.factories.reports import at, put_in_state, report_of, target_with_values
from tests.factories.works import WorkFactory
from tests.pages import page_text, signed_in
from thidua.reports.models import ReportState
from thidua.targets.models import TargetValue
from thidua.works.models import WorkState


def test_dashboard_shows_a_targets_status_latest_value_source_and_trend(kh, people, generated):
    target_with_values(kh.campaign)

    response = signed_in(people.leader).get(reverse("reports:dashboard"))

    text = page_text(response)
    assert "Bảng điều khiển" in text
    assert "Vượt 1 Đạt 0 Chưa đạt 0 Chưa đủ dữ liệu 0" in text
    assert "CT01 Vượt Thu ngân sách nhà nước trên địa bàn" in text
    assert "Mục tiêu ≥ 1.000 tỷ đồng (đến 2025)" in text
    assert "Số liệu mới nhất 1.234,5 tỷ đồng (Năm 2024, ước tính)" in text
    assert "Nguồn Sở Tài chính" in text
    assert "Dự báo cuối kỳ 1.567,2 tỷ đồng (Vượt)" in text
    html = response.content.decode()
    assert html.count('class="trend__point') == 2
    assert 'class="trend__point trend__point--estimate"' in html
    assert re.search(r'<polyline class="trend__line" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+">', html)
    assert 'aria-label="Năm 2023: 900; Năm 2024: 1.234,5; mục tiêu 1.000"' in html


def test_dashboard_warns_of_a_target_likely_missed(kh, people, generated):
    target = TargetFactory(campaign=kh.campaign, code="CT02", indicator="Tỷ lệ hộ nghèo giảm",
                           value=Decimal("50"), period_to=dt.date(2025, 1, 1),
                           period_to_precision="year")  # fmt: skip
    for year, amount in ((2022, "30"), (2023, "31")):
        TargetValue.objects.create(
            target=target, unit=kh.campaign.issuer_unit, value=Decimal(amount),
            period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
            label=f"Năm {year}", source="Cục Thống kê",
        )  # fmt: skip

    text = page_text(signed_in(people.secretariat).get(reverse("reports:dashboard")))

    assert "CT02 Chưa đạt Có nguy cơ không đạt Tỷ lệ hộ nghèo giảm" in text
    assert "Dự báo cuối kỳ 33 % (Chưa đạt)" in text


def test_dashboard_shows_submission_per_period_and_units_at_risk(kh, people, province, generated):
    q4 = generated[0]
    put_in_state(report_of(q4, province.health), ReportState.SUBMITTED)
    put_in_state(report_of(q4, province.district_a), ReportState.SUBMITTED, submitted_late=True)
    WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=WorkState.IN_PROGRESS,
                planned_start=dt.date(2024, 6, 1), planned_finish=dt.date(2024, 11, 30))  # fmt: skip

    with at(2024, 12, 20, 9):
        text = page_text(signed_in(people.leader).get(reverse("reports:dashboard")))

    assert "Quý IV/2024 2/4 đã nộp (50 %)" in text
    assert "Đúng hạn 1 Trễ hạn 1 Quá hạn chưa nộp 2" in text
    assert "Quý I/2025 0/4 đã nộp (0 %) Chưa đến hạn 4" in text
    assert "Đang thực hiện 1" in text
    assert "Huyện Cầu Kè" in text
    assert "Quá hạn chưa nộp báo cáo 2" in text
    assert "Có công trình trễ hạn 1" in text
    assert "Sở Nội vụ 1 0/1 —" in text  # a missing report and no work registered
    assert "Xã Phong Phú — 1/1 1" not in text  # a commune with its minimum is not "below"
    assert "Xã Phong Phú — — 1" in text  # its late work


@pytest.mark.parametrize("who", ["leader", "secretariat", "admin"])
def test_dashboard_opens_for_the_province(kh, people, generated, who):
    response = signed_in(getattr(people, who)).get(reverse("reports:dashboard"))

    assert "Chỉ tiêu của phong trào" in page_text(response)


@pytest.mark.parametrize("who", ["health_head", "health_officer", "a1_officer"])
def test_dashboard_is_refused_to_unit_staff(kh, people, generated, who):
    response = signed_in(getattr(people, who)).get(reverse("reports:dashboard"))

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)


def test_site_menu_shows_the_dashboard_to_leaders_only(kh, people, generated):
    leader = signed_in(people.leader).get(reverse("core:home")).content.decode()
    head = signed_in(people.health_head).get(reverse("core:home")).content.decode()

    assert 'href="/bao-cao/bang-dieu-khien/"' in leader
    assert 'href="/bao-cao/bang-dieu-khien/"' not in head
    assert 'href="/bao-cao/">Báo cáo</a>' in head
