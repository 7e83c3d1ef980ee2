"""The unit's works page: quota, states, flags and the next step of each work, per role."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tests.factories import UserFactory
from tests.factories.works import work_in
from tests.pages import page_text, signed_in
from thidua.works.models import WorkState

UNIT_PAGE = reverse("works:unit")


def test_unit_page_empty_commune_shows_minimum_and_registration_buttons(kh, people, province):
    client = signed_in(people.a1_officer)

    response = client.get(UNIT_PAGE)

    text = page_text(response)
    assert "Công trình của đơn vị" in text
    assert "Xã Phong Phú · 128/KH-UBND" in text
    assert "Đã đăng ký 0/1 — còn thiếu 1" in text
    assert "Đơn vị chưa đăng ký công trình nào" in text
    html = response.content.decode()
    args = [kh.campaign.pk, province.commune_a1.pk]
    assert reverse("works:create", args=args) in html
    assert reverse("works:excel_template", args=args) in html
    assert reverse("works:excel_upload", args=args) in html


def test_unit_page_district_counts_submitted_against_minimum_of_two(kh, people, province):
    work_in(
        WorkState.SUBMITTED, kh, people, province,
        unit=province.district_a, actor=people.district_a_officer,
    )  # fmt: skip
    work_in(
        WorkState.DRAFT, kh, people, province,
        unit=province.district_a, actor=people.district_a_officer,
    )  # fmt: skip

    text = page_text(signed_in(people.district_a_officer).get(UNIT_PAGE))

    assert "Huyện Cầu Kè · 128/KH-UBND" in text
    assert "Đã đăng ký 1/2 — còn thiếu 1" in text
    assert "Còn 1 bản nháp hoặc bị trả lại chưa được tính." in text
    assert "Chờ UBND tỉnh Thử duyệt" in text


def test_unit_page_shows_state_and_next_step_of_each_work(kh, people, province):
    draft = work_in(WorkState.DRAFT, kh, people, province)
    returned = work_in(WorkState.RETURNED, kh, people, province)
    submitted = work_in(WorkState.SUBMITTED, kh, people, province)
    running = work_in(WorkState.IN_PROGRESS, kh, people, province)

    response = signed_in(people.a1_officer).get(UNIT_PAGE)

    text = page_text(response)
    assert "Đã đăng ký 2 công trình (tối thiểu 1) — đã đủ số lượng tối thiểu" in text
    for work in (draft, returned, submitted, running):
        assert work.title in text
    assert "Nháp" in text and "Trả lại" in text and "Chờ duyệt" in text
    assert "Đang thực hiện" in text
    assert "Việc tiếp theo: Gửi duyệt" in text
    assert "Việc tiếp theo: Sửa theo yêu cầu: Ghi nguồn vốn" in text
    assert "Lý do trả lại: Thiếu kinh phí" in text
    assert "Việc tiếp theo: Chờ Huyện Cầu Kè duyệt" in text
    assert "Việc tiếp theo: Cập nhật tiến độ" in text
    html = response.content.decode()
    assert reverse("works:submit", args=[draft.pk]) in html
    assert reverse("works:edit", args=[returned.pk]) in html


def test_unit_page_flags_late_at_risk_and_ahead(kh, people, province):
    late = work_in(WorkState.IN_PROGRESS, kh, people, province, planned_finish=dt.date(2025, 2, 15))
    at_risk = work_in(WorkState.IN_PROGRESS, kh, people, province)  # 0 % after a third
    ahead = work_in(WorkState.COMPLETED, kh, people, province)  # done 20/02, due 30/06

    text = page_text(signed_in(people.a1_officer).get(UNIT_PAGE))

    assert f"{late.title} Đang thực hiện Công trình Trễ hạn" in text
    assert f"{at_risk.title} Đang thực hiện Công trình Có nguy cơ chậm" in text
    assert f"{ahead.title} Hoàn thành Công trình Vượt tiến độ" in text
    assert "Hoàn thành: 20/02/2025" in text
    assert "Dự kiến: 01/01/2025 – 15/02/2025" in text


def test_unit_page_never_lists_a_sibling_communes_works(kh, people, province):
    mine = work_in(WorkState.SUBMITTED, kh, people, province)

    text = page_text(signed_in(people.a2_officer).get(UNIT_PAGE))

    assert "Xã Hòa Ân" in text
    assert mine.title not in text
    assert "Đã đăng ký 0/1 — còn thiếu 1" in text


def test_unit_page_sends_secretariat_to_compliance_and_others_to_register(kh, people):
    secretariat = signed_in(people.secretariat).get(UNIT_PAGE + f"?campaign={kh.campaign.pk}")
    nobody = signed_in(UserFactory()).get(UNIT_PAGE)

    assert secretariat.status_code == 302
    assert secretariat.headers["Location"] == (
        reverse("works:compliance") + f"?campaign={kh.campaign.pk}"
    )
    assert nobody.headers["Location"] == reverse("works:register")


def test_unit_page_redirects_anonymous_to_sign_in(db):
    from django.test import Client

    response = Client().get(UNIT_PAGE)

    assert response.headers["Location"].startswith(reverse("accounts:login"))


def test_home_card_and_menu_lead_to_the_works_pages_of_the_role(kh, people, province):
    work_in(WorkState.SUBMITTED, kh, people, province)

    commune = signed_in(people.a1_officer).get(reverse("core:home"))
    district = page_text(signed_in(people.district_a_officer).get(reverse("core:home")))
    ban = page_text(signed_in(people.secretariat).get(reverse("core:home")))

    text = page_text(commune)
    assert f'href="{UNIT_PAGE}"' in commune.content.decode()  # "Công trình" in the menu
    assert "Công trình, dự án, phần việc" in text and "Công trình của đơn vị" in text
    assert "Duyệt đăng ký công trình" not in text  # a commune approves nobody
    assert "1 công trình đang chờ bạn duyệt." in district
    assert "Duyệt đăng ký công trình" in district
    assert "Theo dõi đăng ký của các đơn vị" in ban and "Công trình của đơn vị" not in ban


def test_unit_page_lets_a_person_of_two_units_choose(kh, people, province):
    from tests.factories import MembershipFactory

    MembershipFactory(user=people.a1_officer, unit=province.commune_a2)
    work = work_in(WorkState.DRAFT, kh, people, province, unit=province.commune_a2)
    client = signed_in(people.a1_officer)

    first = page_text(client.get(UNIT_PAGE))
    chosen = page_text(client.get(UNIT_PAGE, {"unit": province.commune_a2.pk}))

    assert "Đơn vị Xã Hòa Ân Xã Phong Phú" in first  # the choice, by name
    assert "Xã Hòa Ân · 128/KH-UBND" in first and work.title in first
    assert "Xã Phong Phú · 128/KH-UBND" not in first
    assert "Xã Phong Phú · 128/KH-UBND" in page_text(
        client.get(UNIT_PAGE, {"unit": province.commune_a1.pk})
    )
    assert work.title in chosen
