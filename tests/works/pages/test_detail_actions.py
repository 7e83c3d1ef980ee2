"""One work's page and the actions taken through it, allowed and refused."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.works import work_in
from tests.pages import page_text, signed_in
from tests.uploads import png_bytes, png_upload
from thidua.works.models import (
    ChangeRequest,
    ChangeRequestState,
    Evidence,
    ProgressUpdate,
    WorkState,
)


def _url(name: str, work) -> str:
    return reverse(f"works:{name}", args=[work.pk])


def test_detail_shows_facts_history_and_reasons(kh, people, province):
    work = work_in(WorkState.RETURNED, kh, people, province, content_area=kh.area)

    response = signed_in(people.a1_officer).get(_url("detail", work))

    text = page_text(response)
    assert work.title in text
    assert "Trả lại" in text
    assert "Cấp duyệt Huyện Cầu Kè" in text
    assert "Thời gian dự kiến 01/01/2025 – 30/06/2025" in text
    assert "ND2. Đầu tư xây dựng hệ thống kết cấu hạ tầng" in text
    assert "Lý do: Thiếu kinh phí" in text and "Cần sửa: Ghi nguồn vốn" in text
    # history, newest first, with time dd/mm/yyyy HH:MM and the actor
    actor = str(people.district_a_officer)
    assert f"Trả lại để sửa 01/03/2025 09:00 · {actor} Lý do: Thiếu kinh phí" in text
    assert text.index("Trả lại để sửa 01/03") < text.index("Gửi duyệt 01/03")
    assert text.index("Gửi duyệt 01/03") < text.index("Tạo bản đăng ký 01/03")


def test_detail_offers_only_the_actions_of_the_user(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)

    unit = page_text(signed_in(people.a1_officer).get(_url("detail", work)))
    district = signed_in(people.district_a_officer).get(_url("detail", work))
    leader = page_text(signed_in(people.leader).get(_url("detail", work)))

    assert "Duyệt công trình" not in unit and "Trả lại để sửa" not in unit
    assert "Bạn chỉ xem công trình này" in unit
    html = district.content.decode()
    assert reverse("works:approve", args=[work.pk]) in html
    assert reverse("works:return", args=[work.pk]) in html
    assert "Bạn chỉ xem công trình này" in leader


def test_submit_then_district_approves_through_the_page(kh, people, province):
    work = work_in(WorkState.DRAFT, kh, people, province)

    submitted = signed_in(people.a1_officer).post(_url("submit", work), follow=True)
    approved = signed_in(people.district_a_officer).post(
        _url("approve", work), {"approve-note": "Đồng ý"}, follow=True
    )

    assert "Đã gửi công trình lên cấp duyệt." in page_text(submitted)
    text = page_text(approved)
    assert "Đã duyệt công trình." in text
    assert "Đã duyệt 01/03/2025 09:00" in text and "Ý kiến: Đồng ý" in text
    work.refresh_from_db()
    assert work.state == WorkState.APPROVED


def test_return_needs_a_reason_and_what_to_fix(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)
    client = signed_in(people.district_a_officer)

    refused = client.post(_url("return", work), {"return-reason": "Thiếu dự toán"})
    done = client.post(
        _url("return", work),
        {"return-reason": "Thiếu dự toán", "return-what_to_fix": "Bổ sung dự toán"},
        follow=True,
    )

    assert "Hãy ghi nội dung cần sửa." in page_text(refused)
    assert "Đã trả lại công trình để đơn vị sửa." in page_text(done)
    work.refresh_from_db()
    assert work.state == WorkState.RETURNED


def test_other_district_cannot_see_or_approve(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)
    client = signed_in(people.district_b_officer)

    page = client.get(_url("detail", work))
    approve = client.post(_url("approve", work), {"approve-note": ""})

    assert page.status_code == 404 and approve.status_code == 404
    assert "Không tìm thấy" in page_text(approve)
    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED


def test_unit_approving_its_own_work_gets_the_403_page(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)

    response = signed_in(people.a1_officer).post(_url("approve", work), {"approve-note": ""})

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)
    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED


def test_refused_transition_is_a_message_not_an_error(kh, people, province):
    work = work_in(WorkState.DRAFT, kh, people, province)

    response = signed_in(people.a1_officer).post(_url("start", work))

    assert response.status_code == 200
    assert "Không thể “bắt đầu thực hiện” khi công trình đang “Nháp”." in page_text(response)


def test_progress_with_photo_starts_the_work_and_shows_a_thumbnail(kh, people, province):
    work = work_in(WorkState.APPROVED, kh, people, province)
    client = signed_in(people.a1_officer)
    data = {
        "progress-on": "01/03/2025",
        "progress-percent": "40",
        "progress-narrative": "Đã đổ xong móng.",
        "progress-evidence": [png_upload()],
    }

    response = client.post(_url("progress", work), data, follow=True)

    work.refresh_from_db()
    assert (work.state, work.percent_complete) == (WorkState.IN_PROGRESS, 40)
    evidence = Evidence.objects.get()
    assert (evidence.kind, evidence.content_type) == ("photo", "image/png")
    text = page_text(response)
    assert "Đã cập nhật tiến độ." in text
    assert "01/03/2025 · 40 %" in text and "Đã đổ xong móng." in text
    file_url = reverse("works:evidence", args=[work.pk, evidence.pk])
    assert f'<img src="{file_url}"' in response.content.decode()
    assert "/media/" not in response.content.decode()
    served = client.get(file_url)
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == png_bytes()
    served.close()


def test_progress_refuses_a_renamed_text_file_and_saves_nothing(kh, people, province):
    work = work_in(WorkState.IN_PROGRESS, kh, people, province)
    fake = SimpleUploadedFile("anh.jpg", b"day khong phai anh", content_type="image/jpeg")
    data = {
        "progress-on": "01/03/2025",
        "progress-percent": "50",
        "progress-narrative": "Có ảnh giả.",
        "progress-evidence": [fake],
    }

    response = signed_in(people.a1_officer).post(_url("progress", work), data)

    assert "Tệp “anh.jpg” không phải ảnh (JPEG, PNG, WebP) hay tài liệu" in page_text(response)
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()
    work.refresh_from_db()
    assert work.percent_complete == 0


def test_progress_refuses_bad_percent_and_bad_date(kh, people, province):
    work = work_in(WorkState.IN_PROGRESS, kh, people, province)
    client = signed_in(people.a1_officer)
    base = {"progress-on": "01/03/2025", "progress-percent": "40", "progress-narrative": "Ok"}

    too_much = client.post(_url("progress", work), {**base, "progress-percent": "140"})
    bad_day = client.post(_url("progress", work), {**base, "progress-on": "30/02/2025"})
    future = client.post(_url("progress", work), {**base, "progress-on": "02/03/2025"})

    assert "Tiến độ phải từ 0 đến 100%." in page_text(too_much)
    assert "Ngày không hợp lệ" in page_text(bad_day)
    assert "Ngày cập nhật không được sau hôm nay." in page_text(future)
    assert 'open id="cap-nhat-tien-do"' in future.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_complete_before_the_planned_finish_is_ahead(kh, people, province):
    work = work_in(WorkState.IN_PROGRESS, kh, people, province)
    client = signed_in(people.a1_officer)

    future = client.post(_url("complete", work), {"complete-actual_finish": "05/03/2025"})
    done = client.post(
        _url("complete", work), {"complete-actual_finish": "28/02/2025"}, follow=True
    )

    assert "Ngày hoàn thành không được sau hôm nay." in page_text(future)
    text = page_text(done)
    assert "Đã ghi nhận công trình hoàn thành." in text
    assert "Hoàn thành Công trình Vượt tiến độ" in text
    assert "Ngày hoàn thành: 28/02/2025" in text


def test_cancel_needs_a_reason(kh, people, province):
    work = work_in(WorkState.DRAFT, kh, people, province)
    client = signed_in(people.a1_officer)

    refused = client.post(_url("cancel", work), {"cancel-reason": ""})
    done = client.post(_url("cancel", work), {"cancel-reason": "Trùng kế hoạch"}, follow=True)

    assert "Hãy ghi lý do hủy." in page_text(refused)
    assert "Hủy 01/03/2025 09:00" in page_text(done) and "Lý do: Trùng kế hoạch" in page_text(done)
    work.refresh_from_db()
    assert work.state == WorkState.CANCELLED


def test_change_request_accepted_by_the_district_is_applied(kh, people, province):
    work = work_in(WorkState.APPROVED, kh, people, province)

    asked = signed_in(people.a1_officer).post(
        _url("change", work),
        {"change-planned_finish": "31/07/2025", "change-reason": "Mưa kéo dài"},
        follow=True,
    )
    change = ChangeRequest.objects.get()
    decided = signed_in(people.district_a_officer).post(
        reverse("works:decide_change", args=[work.pk, change.pk]),
        {"decide-decision": "accept", "decide-note": "Đồng ý gia hạn"},
        follow=True,
    )

    assert "Đã gửi đề nghị điều chỉnh" in page_text(asked)
    assert "Ngày hoàn thành dự kiến 31/07/2025 Lý do Mưa kéo dài" in page_text(asked)
    assert "Đã chấp thuận đề nghị điều chỉnh." in page_text(decided)
    work.refresh_from_db()
    change.refresh_from_db()
    assert work.planned_finish.isoformat() == "2025-07-31"
    assert change.state == ChangeRequestState.ACCEPTED


def test_change_request_without_any_change_is_refused(kh, people, province):
    work = work_in(WorkState.APPROVED, kh, people, province)

    response = signed_in(people.a1_officer).post(
        _url("change", work), {"change-reason": "Không rõ"}
    )

    assert "Hãy nhập ít nhất một nội dung cần điều chỉnh." in page_text(response)
    assert not ChangeRequest.objects.exists()


def test_sibling_commune_gets_404_for_the_work_and_its_evidence(kh, people, province):
    work = work_in(WorkState.APPROVED, kh, people, province)
    signed_in(people.a1_officer).post(
        _url("progress", work),
        {
            "progress-on": "01/03/2025",
            "progress-percent": "10",
            "progress-narrative": "Khởi công.",
            "progress-evidence": [png_upload()],
        },
    )
    evidence = Evidence.objects.get()
    sibling = signed_in(people.a2_officer)

    page = sibling.get(_url("detail", work))
    file = sibling.get(reverse("works:evidence", args=[work.pk, evidence.pk]))
    other_work_path = sibling.get(reverse("works:evidence", args=[work.pk + 999, evidence.pk]))

    assert page.status_code == file.status_code == other_work_path.status_code == 404
    assert "Không tìm thấy" in page_text(file)
    district = signed_in(people.district_a_officer).get(
        reverse("works:evidence", args=[work.pk, evidence.pk])
    )
    assert district["Content-Type"] == "image/png"
    assert b"".join(district.streaming_content) == png_bytes()
    district.close()
