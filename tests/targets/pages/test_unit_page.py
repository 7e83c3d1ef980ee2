"""The page "Chỉ tiêu của đơn vị": a unit sets its own targets in line with the
province's and records their values (KH 128 IV.1)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from tests.factories import Province
from tests.factories.targets import Kh, People
from tests.pages import page_text, signed_in
from tests.targets.pages.forms import add_target, record
from thidua.targets.models import Target, TargetValue


def test_unit_page_head_adds_target_and_records_value(kh: Kh, people: People, province: Province):
    client = signed_in(people.district_b_head)

    added = add_target(client, kh, province.district_b)
    target = Target.objects.get(unit=province.district_b)
    recorded = record(client, target.pk)
    page = client.get(reverse("targets:unit"))

    assert added.status_code == 302
    assert recorded.status_code == 302
    assert (target.code, target.value, target.measure_unit) == ("T10", Decimal(2000), "lao động")
    text = page_text(page)
    assert "Huyện Trà Cú" in text
    assert "Số lao động được tạo việc làm mới của huyện" in text
    assert "≥ 2.000 lao động" in text
    assert "Cụ thể hóa chỉ tiêu T10 của phong trào (≥ 23.000 lao động)" in text
    assert "Năm 2024 2.100 lao động" in text
    assert "Nguồn: Báo cáo số 15/BC-UBND ngày 10/01/2025" in text
    assert (
        '<span class="target-status target-status--exceeded">Vượt</span>' in page.content.decode()
    )


def test_unit_page_shows_campaign_targets_read_only(kh: Kh, people: People):
    client = signed_in(people.district_b_head)

    page = client.get(reverse("targets:unit"))

    text = page_text(page)
    assert "Chỉ tiêu của phong trào" in text
    assert "T10 Số lao động được tạo việc làm mới ≥ 23.000 lao động · 2024 – 2025" in text
    assert "T07 Tỉnh đạt chuẩn nông thôn mới trước 01/01/2025 Chưa đạt" in text
    assert page.content.decode().count('action="/chi-tieu/') == 1  # the add form only


def test_unit_page_accepts_decimal_comma(kh: Kh, people: People, province: Province):
    client = signed_in(people.district_b_head)

    add_target(
        client, kh, province.district_b, parent="", indicator="Tỷ lệ hồ sơ đúng hạn",
        kind="level", value="99,5", measure_unit="%",
    )  # fmt: skip

    target = Target.objects.get(unit=province.district_b)
    assert (target.code, target.value) == ("DV1", Decimal("99.5"))
    assert "≥ 99,5 %" in page_text(client.get(reverse("targets:unit")))


def test_unit_page_contradicting_comparator_is_refused(kh: Kh, people: People, province: Province):
    client = signed_in(people.district_b_head)

    response = add_target(client, kh, province.district_b, comparator="lt")

    assert response.status_code == 422
    assert (
        "Phép so sánh “&lt;” ngược chiều với chỉ tiêu T10 của phong trào (“≥”)."
        in response.content.decode()
    )
    assert not Target.objects.filter(unit=province.district_b).exists()


def test_unit_page_bad_number_and_date_are_explained(kh: Kh, people: People, province: Province):
    client = signed_in(people.district_b_head)

    bad_number = add_target(client, kh, province.district_b, value="abc")
    bad_deadline = add_target(client, kh, province.district_b, deadline="31/02/2025")
    add_target(client, kh, province.district_b)
    target = Target.objects.get(unit=province.district_b)
    bad_date = record(client, target.pk, period_end="32/12/2024")
    bad_value = record(client, target.pk, value="abc")

    assert "Hãy nhập một số, ví dụ 99,5 hoặc 23.000." in page_text(bad_number)
    assert "Ngày không hợp lệ. Hãy nhập ngày/tháng/năm" in page_text(bad_deadline)
    assert "Ngày không hợp lệ. Hãy nhập ngày/tháng/năm" in page_text(bad_date)
    assert "Hãy nhập một số, ví dụ 99,5 hoặc 23.000." in page_text(bad_value)
    assert Target.objects.filter(unit=province.district_b).count() == 1
    assert not TargetValue.objects.filter(target=target).exists()


def test_unit_page_value_refused_by_service_shows_on_form(
    kh: Kh, people: People, province: Province
):
    client = signed_in(people.district_b_head)
    add_target(client, kh, province.district_b)
    target = Target.objects.get(unit=province.district_b)

    response = record(client, target.pk, period_start="01/01/2025", period_end="31/12/2025")

    assert response.status_code == 422
    assert (
        "Kỳ số liệu chưa kết thúc (đến 31/12/2025): chỉ ghi được số ước tính (is_estimate)."
        in page_text(response)
    )
    assert not TargetValue.objects.filter(target=target).exists()


def test_unit_page_sibling_unit_stays_out(kh: Kh, people: People, province: Province):
    add_target(signed_in(people.district_b_head), kh, province.district_b)
    target_b = Target.objects.get(unit=province.district_b)
    sibling = signed_in(people.district_a_officer)

    own_page = sibling.get(reverse("targets:unit"))
    other_page = sibling.get(reverse("targets:unit"), {"unit": province.district_b.pk})
    add = add_target(sibling, kh, province.district_b, indicator="Chen vào")
    value = record(sibling, target_b.pk, value="1")

    assert "Số lao động được tạo việc làm mới của huyện" not in page_text(own_page)
    assert "Huyện Cầu Kè" in page_text(own_page)
    assert other_page.status_code == 404
    assert "Không tìm thấy" in page_text(other_page)
    assert add.status_code == 403
    assert "Không có quyền truy cập" in page_text(add)
    assert value.status_code == 404
    assert list(Target.objects.filter(unit=province.district_b)) == [target_b]
    assert not TargetValue.objects.filter(target=target_b).exists()


def test_unit_page_without_unit_role_explains(kh: Kh, people: People, province: Province):
    from tests.factories import UserFactory

    response = signed_in(UserFactory()).get(reverse("targets:unit"))

    assert "không phải cán bộ hoặc thủ trưởng của đơn vị nào" in page_text(response)


def test_unit_page_secretariat_goes_to_summary(kh: Kh, people: People):
    response = signed_in(people.secretariat).get(reverse("targets:unit"))

    assert response["Location"] == reverse("targets:summary")
