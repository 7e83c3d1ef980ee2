"""The unit's side: "Báo cáo định kỳ", the report form, saving and submitting, files.

Today is Tuesday 10/12/2024 09:00: Quý IV/2024 is open and due Sunday 15/12/2024.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import TargetFactory
from tests.factories.reports import at, form_data, put_in_state, report_of
from tests.factories.works import WorkFactory
from tests.pages import page_text, signed_in
from tests.uploads import png_bytes
from thidua.reports.models import ReportState, UnitReport
from thidua.reports.services import (
    report_periods_generate,
    report_return,
    report_save,
    report_submit,
)
from thidua.targets.models import TargetValue
from thidua.works.models import WorkState


def test_unit_list_shows_each_period_with_due_date_and_days_left(kh, people, province, generated):
    client = signed_in(people.health_head)

    text = page_text(client.get(reverse("reports:index")))

    assert "Báo cáo định kỳ" in text
    assert "Sở Y tế" in text
    assert "Quý IV/2024 Chưa nộp" in text
    assert "Hạn nộp 15/12/2024 (Chủ nhật)" in text
    assert "Còn 5 ngày Lập báo cáo" in text
    assert "Quý I/2025" in text and "Kỳ báo cáo bắt đầu từ 01/01/2025 Xem trước" in text


def test_unit_list_shows_the_moved_due_date(kh, people, generated):
    kh.rule.weekend_policy = "previous_working_day"
    kh.rule.save()
    report_periods_generate(kh.campaign)
    client = signed_in(people.health_head)

    text = page_text(client.get(reverse("reports:index")))

    assert "15/12/2024 (Chủ nhật) → hạn áp dụng 13/12/2024" in text
    assert "Còn 3 ngày" in text


def test_unit_list_states_on_time_late_returned_accepted(kh, people, province, generated):
    q4, q1, q2, q3 = generated
    put_in_state(report_of(q4, province.health), ReportState.ACCEPTED, submitted_late=True)
    put_in_state(report_of(q1, province.health), ReportState.SUBMITTED)
    put_in_state(report_of(q2, province.health), ReportState.SUBMITTED, submitted_late=True)
    put_in_state(
        report_of(q3, province.health), ReportState.RETURNED, return_reason="Thiếu số liệu quý III."
    )
    client = signed_in(people.health_officer)

    text = page_text(client.get(reverse("reports:index")))

    assert "Quý IV/2024 Đã tiếp nhận" in text
    assert "Quý I/2025 Đã nộp đúng hạn" in text
    assert "Quý II/2025 Nộp trễ" in text
    assert "Quý III/2025 Trả lại" in text
    assert "Lý do trả lại: Thiếu số liệu quý III." in text


def test_unit_list_for_the_ban_goes_to_the_periods(people, generated):
    response = signed_in(people.secretariat).get(reverse("reports:index"))

    assert response.status_code == 302
    assert response["Location"] == reverse("reports:periods")


def test_report_page_shows_the_prefilled_works_and_targets_read_only(kh, people, province, q4):
    WorkFactory(campaign=kh.campaign, unit=province.health, state=WorkState.IN_PROGRESS,
                percent_complete=40, planned_start=dt.date(2024, 6, 1),
                planned_finish=dt.date(2024, 11, 30))  # fmt: skip
    WorkFactory(campaign=kh.campaign, unit=province.health, state=WorkState.COMPLETED,
                planned_start=dt.date(2024, 6, 1), planned_finish=dt.date(2024, 12, 31),
                actual_finish=dt.date(2024, 11, 20), percent_complete=100)  # fmt: skip
    own = TargetFactory(campaign=kh.campaign, unit=province.health, code="SYT01",
                        indicator="Tỷ lệ trạm y tế đạt chuẩn", value=Decimal("90"))  # fmt: skip
    TargetValue.objects.create(
        target=own, unit=province.health, value=Decimal("95.5"), label="Quý IV/2024",
        period_start=dt.date(2024, 10, 1), period_end=dt.date(2024, 11, 30), source="Sở Y tế",
    )  # fmt: skip
    report = report_of(q4, province.health)
    client = signed_in(people.health_officer)

    text = page_text(client.get(reverse("reports:detail", args=[report.pk])))

    assert "Số liệu tự động" in text
    assert "đến ngày 10/12/2024" in text
    assert "Đã đăng ký 2 Hoàn thành trong kỳ 1 Trễ hạn 1 Vượt tiến độ 1" in text
    assert "Tiến độ bình quân 70 %" in text
    assert "SYT01 Tỷ lệ trạm y tế đạt chuẩn ≥ 90 % 95,5 (Quý IV/2024) Vượt" in text
    report.refresh_from_db()
    assert report.prefill["as_of"] == "2024-12-10"  # stored at the first opening


def test_head_sees_submit_button_officer_sees_the_head_must_submit(people, province, q4):
    report = report_of(q4, province.health)
    url = reverse("reports:detail", args=[report.pk])

    head = signed_in(people.health_head).get(url).content.decode()
    officer = signed_in(people.health_officer).get(url).content.decode()

    assert 'value="submit"' in head and "Xác nhận và nộp" in head
    assert "Trình thủ trưởng xác nhận" not in head
    assert 'value="submit"' not in officer and "Xác nhận và nộp" not in officer
    assert "Lưu nháp" in officer
    assert "chỉ thủ trưởng đơn vị mới xác nhận và nộp báo cáo" in officer


def test_officer_saves_a_draft(kh, people, province, q4):
    report = report_of(q4, province.health)
    client = signed_in(people.health_officer)

    response = client.post(
        reverse("reports:detail", args=[report.pk]), {**form_data(report, kh), "action": "save"},
        follow=True,
    )  # fmt: skip

    assert "Đã lưu nháp báo cáo." in page_text(response)
    report.refresh_from_db()
    assert report.state == ReportState.OPEN
    assert report.summary == "Sở Y tế hoàn thành 2 công trình chào mừng Đại hội."
    assert report.figures == {"Số lượt khám": "1234.5"}
    assert report.sections.get(content_area=kh.areas[0]).narrative.startswith("Khám sàng lọc")
    assert "1.234,5" in page_text(response)  # the figure shown again the Vietnamese way


def test_officer_post_to_submit_is_refused_and_saves_nothing(kh, people, province, q4):
    report = report_of(q4, province.health)
    client = signed_in(people.health_officer)

    response = client.post(
        reverse("reports:detail", args=[report.pk]), {**form_data(report, kh), "action": "submit"}
    )

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)
    report.refresh_from_db()
    assert (report.state, report.summary) == (ReportState.OPEN, "")


def test_head_submits_on_time_and_the_ban_sees_it_on_time(kh, people, province, q4):
    report = report_of(q4, province.health)
    head = signed_in(people.health_head)

    response = head.post(
        reverse("reports:detail", args=[report.pk]), {**form_data(report, kh), "action": "submit"},
        follow=True,
    )  # fmt: skip
    table = page_text(signed_in(people.secretariat).get(reverse("reports:period", args=[q4.pk])))

    assert "Đã nộp báo cáo Quý IV/2024 đúng hạn (hạn áp dụng 15/12/2024)." in page_text(response)
    assert "Đã nộp đúng hạn" in page_text(response)
    report.refresh_from_db()
    assert (report.state, report.submitted_late, report.confirmed_by) == (
        ReportState.SUBMITTED, False, people.health_head,
    )  # fmt: skip
    assert "Sở Y tế Sở, ban, ngành Đã nộp đúng hạn 10/12/2024 09:00" in table
    assert "Phải nộp 4 Đúng hạn 1 Trễ 0 Chưa nộp 3" in table


def test_head_submits_after_the_due_date_and_the_ban_sees_it_late(kh, people, province, q4):
    report = report_of(q4, province.health)
    head = signed_in(people.health_head)

    with at(2024, 12, 16, 0, 1):
        response = head.post(
            reverse("reports:detail", args=[report.pk]),
            {**form_data(report, kh), "action": "submit"},
            follow=True,
        )
        table = page_text(
            signed_in(people.secretariat).get(reverse("reports:period", args=[q4.pk]))
        )

    assert "Đã nộp báo cáo Quý IV/2024 — nộp trễ (hạn áp dụng 15/12/2024)." in page_text(response)
    assert "Sở Y tế Sở, ban, ngành Nộp trễ 16/12/2024 00:01" in table
    assert "Phải nộp 4 Đúng hạn 0 Trễ 1 Chưa nộp 3" in table
    assert "3 đơn vị quá hạn chưa nộp báo cáo." in table


def test_submit_without_summary_keeps_the_draft_and_says_why(kh, people, province, q4):
    report = report_of(q4, province.health)
    data = {**form_data(report, kh, summary=""), "action": "submit"}

    response = signed_in(people.health_head).post(
        reverse("reports:detail", args=[report.pk]), data, follow=True
    )

    assert (
        "Đã lưu nháp nhưng chưa nộp được: Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."
        in page_text(response)
    )
    report.refresh_from_db()
    assert report.state == ReportState.OPEN
    assert report.figures == {"Số lượt khám": "1234.5"}


def test_figure_value_without_a_name_is_refused_beside_the_field(kh, people, province, q4):
    report = report_of(q4, province.health)
    data = {**form_data(report, kh), "figure_name_0": "", "action": "save"}

    response = signed_in(people.health_officer).post(
        reverse("reports:detail", args=[report.pk]), data
    )

    assert response.status_code == 422
    assert "Hãy ghi tên của số liệu này." in page_text(response)
    assert UnitReport.objects.get(pk=report.pk).summary == ""


def test_returned_report_shows_the_reason_prominently(kh, people, province, q4):
    report = report_of(q4, province.health)
    report_save(actor=people.health_head, report=report, summary="Tóm tắt.")
    report_submit(actor=people.health_head, report=report)
    report_return(actor=people.secretariat, report=report, reason="Thiếu số liệu khám bệnh.")

    response = signed_in(people.health_head).get(reverse("reports:detail", args=[report.pk]))

    html = response.content.decode()
    assert 'class="alert alert--warning report-returned" role="alert"' in html
    text = page_text(response)
    assert (
        "Ban Thi đua – Khen thưởng đã trả lại báo cáo này. Lý do: Thiếu số liệu khám bệnh." in text
    )
    assert "Xác nhận và nộp" in text  # the head may submit again


def test_attachment_is_uploaded_checked_and_served_to_those_who_see_the_report(
    kh, people, province, q4
):
    report = report_of(q4, province.health)
    photo = SimpleUploadedFile("kham-benh.png", png_bytes(), content_type="image/png")
    client = signed_in(people.health_officer)

    client.post(
        reverse("reports:detail", args=[report.pk]),
        {**form_data(report, kh), "attachments": photo, "action": "save"},
    )
    item = report.attachments.get()
    url = reverse("reports:attachment", args=[report.pk, item.pk])
    served = client.get(url)
    sibling = signed_in(people.district_b_head).get(url)

    assert item.original_name == "kham-benh.png"
    assert b"".join(served.streaming_content) == png_bytes()
    assert served["Content-Type"] == "image/png"
    assert sibling.status_code == 404
    assert "kham-benh.png" in page_text(client.get(reverse("reports:detail", args=[report.pk])))


def test_a_text_file_posing_as_pdf_is_refused_with_the_reason(kh, people, province, q4):
    report = report_of(q4, province.health)
    fake = SimpleUploadedFile("bao-cao.pdf", b"khong phai pdf", content_type="application/pdf")

    response = signed_in(people.health_officer).post(
        reverse("reports:detail", args=[report.pk]),
        {**form_data(report, kh), "attachments": fake, "action": "save"},
    )

    assert response.status_code == 422
    assert "Tệp “bao-cao.pdf” không phải ảnh (JPEG, PNG, WebP) hay tài liệu" in page_text(response)
    assert not report.attachments.exists()


def test_sibling_unit_gets_404_on_another_units_report(kh, people, province, q4):
    report = report_of(q4, province.health)
    url = reverse("reports:detail", args=[report.pk])
    sibling = signed_in(people.district_b_head)

    seen = sibling.get(url)
    posted = sibling.post(url, {**form_data(report, kh), "action": "submit"})

    assert seen.status_code == 404 and posted.status_code == 404
    assert "Sở Y tế" not in page_text(seen)
    report.refresh_from_db()
    assert (report.state, report.summary) == (ReportState.OPEN, "")


def test_submitted_report_reads_back_without_a_form(kh, people, province, q4):
    report = report_of(q4, province.health)
    report_save(actor=people.health_head, report=report, summary="Tóm tắt quý IV.",
                figures={"Số lượt khám": Decimal("1234.5")},
                sections={kh.areas[0].pk: "Khám sàng lọc."})  # fmt: skip
    report_submit(actor=people.health_head, report=report)

    response = signed_in(people.health_officer).get(reverse("reports:detail", args=[report.pk]))

    text, html = page_text(response), response.content.decode()
    assert "Đã nộp đúng hạn" in text
    assert "Tóm tắt quý IV." in text and "Khám sàng lọc." in text
    assert "Số lượt khám 1.234,5" in text
    assert 'value="save"' not in html and 'value="submit"' not in html
    assert "<textarea" not in html
    assert "Thủ trưởng xác nhận và nộp" in text  # the history


def test_submitting_before_the_period_starts_is_refused_with_a_message(
    kh, people, province, generated
):
    q1 = generated[1]
    report = report_of(q1, province.health)

    response = signed_in(people.health_head).post(
        reverse("reports:detail", args=[report.pk]),
        {**form_data(report, kh), "action": "submit"},
        follow=True,
    )

    assert "Đã lưu nháp nhưng chưa nộp được: Kỳ báo cáo Quý I/2025 chưa bắt đầu." in page_text(
        response
    )
    report.refresh_from_db()
    assert report.state == ReportState.OPEN


def test_staff_refresh_the_prefilled_figures(kh, people, province, q4):
    report = report_of(q4, province.health)
    client = signed_in(people.health_officer)
    client.get(reverse("reports:detail", args=[report.pk]))
    WorkFactory(campaign=kh.campaign, unit=province.health, state=WorkState.APPROVED)

    response = client.post(reverse("reports:refresh", args=[report.pk]), follow=True)
    refused = signed_in(people.secretariat).post(reverse("reports:refresh", args=[report.pk]))

    assert "Đã cập nhật số liệu công trình và chỉ tiêu đến hôm nay." in page_text(response)
    assert "Đã đăng ký 1" in page_text(response)
    assert refused.status_code == 403
