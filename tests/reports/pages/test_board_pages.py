"""The Ban TĐKT's side: the periods, one period's submission table, accept and return.

Units owing Quý IV/2024 (the `province` tree): Sở Nội vụ, Sở Y tế, Huyện Cầu Kè, Huyện
Trà Cú. Today is 10/12/2024 unless a test travels past the due date 15/12/2024.
"""

from __future__ import annotations

from django.urls import reverse

from tests.factories.reports import at, put_in_state, report_of
from tests.pages import HX, page_text, signed_in
from thidua.reports.models import ReportState
from thidua.reports.services import report_save, report_submit


def _submitted(people, province, q4, unit_name: str = "health"):  # type: ignore[no-untyped-def]
    heads = {"health": people.health_head, "district_a": people.district_a_head}
    report = report_of(q4, getattr(province, unit_name))
    report_save(actor=heads[unit_name], report=report, summary="Tóm tắt.")
    return report_submit(actor=heads[unit_name], report=report)


def test_periods_page_counts_each_period(people, province, generated):
    q4 = generated[0]
    _submitted(people, province, q4)

    text = page_text(signed_in(people.secretariat).get(reverse("reports:periods")))

    assert "Kỳ báo cáo" in text
    assert (
        "Quý IV/2024 Hạn nộp: 15/12/2024 (Chủ nhật) Phải nộp 4 Đúng hạn 1 Trễ 0 Chưa nộp 3" in text
    )
    assert "Quý III/2025 Hạn nộp: 15/09/2025 (Thứ Hai) Phải nộp 4" in text


def test_period_table_lists_every_unit_with_state_and_highlights_missing(people, province, q4):
    _submitted(people, province, q4)
    put_in_state(report_of(q4, province.district_b), ReportState.RETURNED, return_reason="Sai.")

    with at(2024, 12, 16, 8):
        response = signed_in(people.secretariat).get(reverse("reports:period", args=[q4.pk]))

    text = page_text(response)
    html = response.content.decode()
    assert "Phải nộp 4 Đúng hạn 1 Trễ 0 Chưa nộp 2 Trả lại 1 Đã tiếp nhận 0" in text
    assert "2 đơn vị quá hạn chưa nộp báo cáo." in text
    assert "Sở Nội vụ Sở, ban, ngành Quá hạn chưa nộp" in text
    assert "Huyện Cầu Kè Huyện, thị xã, thành phố Quá hạn chưa nộp" in text
    assert "Huyện Trà Cú Huyện, thị xã, thành phố Trả lại" in text
    assert "Sở Y tế Sở, ban, ngành Đã nộp đúng hạn 10/12/2024 09:00" in text
    assert html.count('class="submission is-missing"') == 2
    assert html.count(">Tiếp nhận</button>") == 1  # only the submitted report


def test_period_table_filters_by_state_and_kind(people, province, q4):
    _submitted(people, province, q4)
    _submitted(people, province, q4, "district_a")
    client = signed_in(people.secretariat)
    url = reverse("reports:period", args=[q4.pk])

    submitted = page_text(client.get(url, {"state": "submitted"}))
    districts = page_text(client.get(url, {"state": "submitted", "kind": "district"}))
    nonsense = page_text(client.get(url, {"state": "khong-co", "kind": "x"}))

    assert "2 đơn vị (đang lọc)" in submitted
    assert "Sở Y tế" in submitted and "Huyện Cầu Kè" in submitted
    assert "Sở Nội vụ Sở, ban, ngành" not in submitted
    assert "1 đơn vị (đang lọc)" in districts and "Sở Y tế Sở, ban" not in districts
    assert "4 đơn vị" in nonsense  # an unknown filter filters nothing


def test_period_filter_as_htmx_returns_only_the_results(people, province, q4):
    response = signed_in(people.secretariat).get(
        reverse("reports:period", args=[q4.pk]), {"kind": "department"}, headers=HX
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="submission-results"')
    assert "2 đơn vị" in page_text(response)
    assert "<html" not in html


def test_accept_through_htmx_swaps_the_row(people, province, q4):
    report = _submitted(people, province, q4)

    response = signed_in(people.secretariat).post(
        reverse("reports:accept", args=[report.pk]), headers=HX
    )

    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="report-row-{report.pk}"')
    assert "Đã tiếp nhận." in page_text(response)
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED


def test_return_needs_a_reason_and_says_so_in_the_row(people, province, q4):
    report = _submitted(people, province, q4)

    response = signed_in(people.secretariat).post(
        reverse("reports:return", args=[report.pk]), {"reason": "  "}, headers=HX
    )

    assert response.status_code == 422
    assert "Hãy ghi lý do trả lại báo cáo." in page_text(response)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_return_with_a_reason_goes_back_with_a_message(people, province, q4):
    report = _submitted(people, province, q4)
    client = signed_in(people.secretariat)

    response = client.post(
        reverse("reports:return", args=[report.pk]),
        {"reason": "Thiếu số liệu.", "next": reverse("reports:period", args=[q4.pk])},
        follow=True,
    )

    assert "Đã trả lại báo cáo của Sở Y tế." in page_text(response)
    assert "Sở Y tế Sở, ban, ngành Trả lại" in page_text(response)
    report.refresh_from_db()
    assert (report.state, report.return_reason) == (ReportState.RETURNED, "Thiếu số liệu.")


def test_accepting_twice_is_refused_with_a_vietnamese_message(people, province, q4):
    report = _submitted(people, province, q4)
    client = signed_in(people.secretariat)
    client.post(reverse("reports:accept", args=[report.pk]), headers=HX)

    again = client.post(reverse("reports:accept", args=[report.pk]), headers=HX)

    assert again.status_code == 422
    assert "Không thể “tiếp nhận” khi báo cáo đang “Đã tiếp nhận”." in page_text(again)


def test_unit_head_cannot_accept_its_own_report(people, province, q4):
    report = _submitted(people, province, q4)
    client = signed_in(people.health_head)

    plain = client.post(reverse("reports:accept", args=[report.pk]))
    row = client.post(reverse("reports:accept", args=[report.pk]), headers=HX)

    assert plain.status_code == 403 and "Không có quyền truy cập" in page_text(plain)
    assert row.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này." in page_text(row)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_leader_reads_the_table_without_actions(people, province, q4):
    _submitted(people, province, q4)

    response = signed_in(people.leader).get(reverse("reports:period", args=[q4.pk]))

    assert "Sở Y tế Sở, ban, ngành Đã nộp đúng hạn" in page_text(response)
    html = response.content.decode()
    assert ">Tiếp nhận</button>" not in html
    assert "Tổng hợp báo cáo</button>" not in html


def test_unit_staff_following_a_period_link_land_on_their_report(people, province, q4):
    response = signed_in(people.health_officer).get(reverse("reports:period", args=[q4.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reports:detail", args=[report_of(q4, province.health).pk]
    )


def test_other_province_and_communes_cannot_open_the_period(people, q4):
    other = signed_in(people.other_secretariat).get(reverse("reports:period", args=[q4.pk]))
    commune = signed_in(people.a1_officer).get(reverse("reports:period", args=[q4.pk]))
    periods = signed_in(people.health_officer).get(reverse("reports:periods"))

    assert other.status_code == 404 and "Sở Y tế" not in page_text(other)
    assert commune.status_code == 404 and "Sở Y tế" not in page_text(commune)
    assert periods.status_code == 403 and q4.label not in page_text(periods)


def test_sibling_cannot_return_another_units_report(people, province, q4):
    report = _submitted(people, province, q4)

    response = signed_in(people.district_b_head).post(
        reverse("reports:return", args=[report.pk]), {"reason": "x"}
    )

    assert response.status_code == 404
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
