"""Registering and correcting a work through the form, and the live look-alike check."""

from __future__ import annotations

from django.urls import reverse

from tests.factories.works import work_in
from tests.pages import page_text, signed_in
from thidua.works.models import Work, WorkEvent, WorkState


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "kind": "construction",
        "title": "Đường bê tông ấp Trà Kha",
        "description": "Dài 1,2 km, rộng 3 m.",
        "planned_start": "01/03/2025",
        "planned_finish": "30/06/2025",
        "budget": "1.250,5",
        "budget_source": "Ngân sách xã và nhân dân đóng góp",
    }
    data.update(overrides)
    return data


def _create_url(kh, unit) -> str:
    return reverse("works:create", args=[kh.campaign.pk, unit.pk])


def test_create_page_lists_the_campaigns_choices(kh, people, province):
    response = signed_in(people.a1_officer).get(_create_url(kh, province.commune_a1))

    text = page_text(response)
    assert "Đăng ký công trình, dự án, phần việc" in text
    assert "Xã Phong Phú · 128/KH-UBND" in text
    assert "ND2. Đầu tư xây dựng hệ thống kết cấu hạ tầng kinh tế - xã hội" in text
    assert "Đợt 1" in text and "Đợt 2" in text
    assert "Xã Hòa Ân" in text  # a commune of the same district, as place
    assert "Xã Tập Sơn" not in text  # another district's commune is no place for it
    html = response.content.decode()
    assert 'placeholder="dd/mm/yyyy"' in html
    similar = reverse("works:similar", args=[kh.campaign.pk, province.commune_a1.pk])
    assert f'hx-get="{similar}"' in html


def test_create_saves_a_draft_with_the_typed_values(kh, people, province):
    client = signed_in(people.a1_officer)
    data = _form(
        content_area=str(kh.area.pk), phase=str(kh.phase2.pk), targets=[str(kh.targets[0].pk)]
    )

    response = client.post(_create_url(kh, province.commune_a1), data, follow=True)

    work = Work.objects.get()
    assert work.state == WorkState.DRAFT
    assert (work.unit, work.approver_unit) == (province.commune_a1, province.district_a)
    assert str(work.budget) == "1250.5"
    assert work.planned_start.isoformat() == "2025-03-01"
    assert list(work.targets.all()) == [kh.targets[0]]
    text = page_text(response)
    assert "Đã lưu bản nháp" in text
    assert "Đường bê tông ấp Trà Kha" in text
    assert "Kinh phí (triệu đồng) 1.250,5" in text


def test_create_accepts_dates_typed_on_a_phone_keypad(kh, people, province):
    client = signed_in(people.a1_officer)
    data = _form(content_area=str(kh.area.pk), phase=str(kh.phase2.pk))
    data.update(planned_start="01032025", planned_finish="30-6-2025")

    client.post(_create_url(kh, province.commune_a1), data)

    work = Work.objects.get()
    assert (work.planned_start.isoformat(), work.planned_finish.isoformat()) == (
        "2025-03-01",
        "2025-06-30",
    )


def test_create_and_submit_in_one_step(kh, people, province):
    client = signed_in(people.a1_officer)

    response = client.post(_create_url(kh, province.commune_a1), _form(submit_now="1"), follow=True)

    assert Work.objects.get().state == WorkState.SUBMITTED
    assert "Đã lưu và gửi công trình lên cấp duyệt." in page_text(response)


def test_create_refuses_bad_dates_with_vietnamese_messages(kh, people, province):
    client = signed_in(people.a1_officer)

    bad_day = client.post(_create_url(kh, province.commune_a1), _form(planned_start="31/02/2025"))
    backwards = client.post(
        _create_url(kh, province.commune_a1), _form(planned_finish="01/01/2025")
    )

    assert "Ngày không hợp lệ. Hãy nhập ngày/tháng/năm, ví dụ 30/06/2025" in (page_text(bad_day))
    assert "Ngày hoàn thành dự kiến phải sau ngày bắt đầu." in page_text(backwards)
    assert not Work.objects.exists()


def test_create_refuses_a_copy_of_a_provincial_work(kh, people, province):
    client = signed_in(people.a1_officer)

    response = client.post(_create_url(kh, province.commune_a1), _form(title="Sân vận động tỉnh"))

    assert "Trùng với công trình của tỉnh “Sân vận động tỉnh”" in page_text(response)
    assert not Work.objects.exists()


def test_create_asks_to_confirm_a_look_alike_then_saves(kh, people, province):
    other = work_in(
        WorkState.SUBMITTED, kh, people, province, unit=province.commune_a2,
        actor=people.a2_officer, title="Nhà văn hóa ấp Bà Tiêm",
    )  # fmt: skip
    client = signed_in(people.a1_officer)
    url = _create_url(kh, province.commune_a1)

    first = client.post(url, _form(title="Nhà văn hoá ấp Bà Tiêm"))
    second = client.post(url, _form(title="Nhà văn hoá ấp Bà Tiêm", confirm_similar="on"))

    text = page_text(first)
    assert "Có công trình tên gần giống" in text
    assert f"“{other.title}” — Xã Hòa Ân" in text
    assert "Tôi xác nhận không trùng" in text
    assert second.status_code == 302
    assert Work.objects.filter(unit=province.commune_a1).count() == 1


def test_live_similarity_check_flags_the_provincial_work(kh, people, province):
    url = reverse("works:similar", args=[kh.campaign.pk, province.commune_a1.pk])
    client = signed_in(people.a1_officer)

    found = client.get(url, {"title": "san van dong tinh"}, HTTP_HX_REQUEST="true")
    none = client.get(url, {"title": "Trạm bơm điện ấp Giồng"}, HTTP_HX_REQUEST="true")

    text = page_text(found)
    assert "“Sân vận động tỉnh” Công trình của tỉnh không được đăng ký trùng" in text
    assert "<html" not in found.content.decode()
    assert "Chưa thấy công trình nào có tên gần giống." in page_text(none)


def test_live_similarity_check_is_for_the_units_staff_only(kh, people, province):
    url = reverse("works:similar", args=[kh.campaign.pk, province.commune_a1.pk])

    response = signed_in(people.b1_officer).get(url, {"title": "Sân vận động"})

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)


def test_edit_returned_work_keeps_it_returned_and_logs_the_edit(kh, people, province):
    work = work_in(WorkState.RETURNED, kh, people, province)
    client = signed_in(people.a1_officer)
    url = reverse("works:edit", args=[work.pk])

    page = client.get(url)
    response = client.post(url, _form(title=work.title, budget_source="Vốn xã hội hóa"))

    text = page_text(page)
    assert "Cấp duyệt đã trả lại công trình này." in text
    assert "Cần sửa: Ghi nguồn vốn" in text
    assert f'value="{work.title}"' in page.content.decode()
    assert response.status_code == 302
    work.refresh_from_db()
    assert (work.state, work.budget_source) == (WorkState.RETURNED, "Vốn xã hội hóa")
    assert WorkEvent.objects.filter(work=work, kind="edited").exists()


def test_edit_submitted_work_sends_back_to_the_work_with_a_message(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)

    response = signed_in(people.a1_officer).get(reverse("works:edit", args=[work.pk]), follow=True)

    assert "hãy gửi đề nghị điều chỉnh" in page_text(response)
    assert response.redirect_chain[-1][0] == reverse("works:detail", args=[work.pk])


def test_create_for_a_sibling_commune_is_forbidden(kh, people, province):
    response = signed_in(people.a2_officer).post(_create_url(kh, province.commune_a1), _form())

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)
    assert not Work.objects.exists()


def test_edit_by_the_district_is_forbidden(kh, people, province):
    work = work_in(WorkState.RETURNED, kh, people, province)

    response = signed_in(people.district_a_officer).get(reverse("works:edit", args=[work.pk]))

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)
