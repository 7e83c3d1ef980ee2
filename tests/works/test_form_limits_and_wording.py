"""Day-one defects of the works pages: length limits said plainly, Vietnamese empty
choices, and a quota beyond its minimum said in words ("2 (tối thiểu 1)", never "2/1")."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.works import TITLES, Kh, People, advance, register
from tests.html_blocks import FIELD, block_with, text_of
from tests.pages import page_text, signed_in
from thidua.works.models import Work, WorkState

#: What a commune officer types to register a work (the registration form's fields).
TYPED = {
    "title": "Cầu bê tông ấp Trà Kha",
    "kind": "construction",
    "planned_finish": "30/06/2025",
    "planned_start": "01/03/2025",
}


def _form(**overrides: str) -> dict[str, str]:
    return {**TYPED, **overrides}


def _create_url(plan: Kh, unit) -> str:  # type: ignore[no-untyped-def]
    return reverse("works:create", args=[plan.campaign.pk, unit.pk])


def test_a_93000_character_description_is_refused_with_its_length(kh, people, province):  # type: ignore[no-untyped-def]
    response = signed_in(people.a1_officer).post(
        _create_url(kh, province.commune_a1), _form(description="Đ" * 93_000)
    )

    assert "Mô tả dài 93.000 ký tự, tối đa 5.000: hãy rút gọn." in page_text(response)
    assert not Work.objects.exists()


def test_a_title_over_500_characters_is_refused_not_cut(kh, people, province):  # type: ignore[no-untyped-def]
    response = signed_in(people.a1_officer).post(
        _create_url(kh, province.commune_a1), _form(title="Đường " * 100)
    )

    assert "Tên công trình, dự án, phần việc dài 599 ký tự, tối đa 500: hãy rút gọn." in page_text(
        response
    )
    assert not Work.objects.exists()


def test_the_form_shows_limits_without_the_browser_cutting_a_paste(kh, people, province):  # type: ignore[no-untyped-def]
    html = signed_in(people.a1_officer).get(_create_url(kh, province.commune_a1)).content.decode()

    title = re.search(r'<input[^>]*name="title"[^>]*>', html).group(0)  # type: ignore[union-attr]
    description = re.search(r'<textarea[^>]*name="description"[^>]*>', html).group(0)  # type: ignore[union-attr]
    assert "maxlength=" not in title.replace("data-maxlength", "")
    assert 'data-maxlength="500"' in title
    assert 'data-maxlength="5000"' in description


def test_selects_name_what_to_choose_instead_of_dashes(kh, people, province):  # type: ignore[no-untyped-def]
    html = signed_in(people.a1_officer).get(_create_url(kh, province.commune_a1)).content.decode()

    assert "---------" not in html
    assert "— Chọn nội dung thi đua —" in html
    assert "— Chọn địa điểm (xã, phường, thị trấn) —" in html


def _registered(plan: Kh, staff: People, province, count: int) -> None:  # type: ignore[no-untyped-def]
    for title in TITLES[:count]:
        work = register(staff.a1_officer, plan, province.commune_a1, title=title)
        advance(
            work,
            WorkState.SUBMITTED,
            unit_actor=staff.a1_officer,
            approver=staff.district_a_officer,
        )


def test_a_quota_beyond_its_minimum_is_said_in_words(kh, people, province):  # type: ignore[no-untyped-def]
    _registered(kh, people, province, 2)

    unit_page = page_text(signed_in(people.a1_officer).get(reverse("works:unit")))
    queue = page_text(signed_in(people.district_a_officer).get(reverse("works:queue")))

    assert "Đã đăng ký 2 công trình (tối thiểu 1) — đã đủ số lượng tối thiểu" in unit_page
    assert "Xã Phong Phú 2 (tối thiểu 1) 2 đã đủ" in queue
    assert "2/1" not in unit_page and "2/1" not in queue


def test_a_refused_evidence_file_is_shown_beside_the_file_input(kh, people, province):  # type: ignore[no-untyped-def]
    work = advance(
        register(people.a1_officer, kh, province.commune_a1, title=TITLES[0]),
        WorkState.IN_PROGRESS,
        unit_actor=people.a1_officer,
        approver=people.district_a_officer,
    )
    fake = SimpleUploadedFile("anh.jpg", b"day khong phai anh", content_type="image/jpeg")

    response = signed_in(people.a1_officer).post(
        reverse("works:progress", args=[work.pk]),
        {
            "progress-on": "01/03/2025",
            "progress-percent": "50",
            "progress-narrative": "Có ảnh giả.",
            "progress-evidence": [fake],
        },
    )

    field = block_with(response.content.decode(), FIELD, 'name="progress-evidence"')
    assert "Tệp “anh.jpg” không phải ảnh (JPEG, PNG, WebP) hay tài liệu" in text_of(field)
