"""The public site: no sign-in, lean, cacheable, only published things; 404 otherwise."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.exemplars import story_in
from tests.factories.public import drain
from tests.factories.works import WorkFactory
from tests.pages import csp_problems, page_text
from thidua.exemplars.models import ExemplarState
from thidua.targets.models import TargetValue
from thidua.works.models import WorkState

PAGES = ["index", "works", "stories", "rankings", "decisions"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_need_no_sign_in_and_set_no_cookie(kh, name):
    response = Client().get(reverse(f"public:{name}"))

    assert response.status_code == 200
    assert response.cookies == {}
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert csp_problems(response) == []
    body = response.content.decode()
    assert "Đăng xuất" not in body and "csrfmiddlewaretoken" not in body


def test_home_shows_each_targets_latest_value_and_status(kh, people, province):
    first = kh.targets[0]
    first.indicator = "Tỷ lệ hộ dùng nước sạch"
    first.save()
    for label, value in (("Năm 2023", "8"), ("Năm 2024", "12.5")):
        TargetValue.objects.create(
            target=first,
            period_start=f"{label[-4:]}-01-01",
            period_end=f"{label[-4:]}-12-31",
            label=label,
            value=value,
            source="Cục Thống kê",
            reported_by=people.secretariat,
            unit=province.root,
        )

    text = page_text(Client().get(reverse("public:index")))

    assert "Tỷ lệ hộ dùng nước sạch" in text
    assert "12,5 %" in text and "(Năm 2024)" in text
    assert "1 vượt" in text and "1 chưa đủ số liệu" in text


def test_draft_campaigns_are_not_shown(kh):
    kh.campaign.status = "draft"
    kh.campaign.save()

    text = page_text(Client().get(reverse("public:index")))

    assert kh.campaign.title not in text
    assert "Chưa có phong trào thi đua nào được công bố." in text


def _work(kh, people, unit, state, title, **kw):
    return WorkFactory(
        campaign=kh.campaign,
        unit=unit,
        state=state,
        title=title,
        created_by=people.a1_officer,
        **kw,
    )


def test_works_list_shows_approved_works_only_with_filters(kh, people, province):
    _work(
        kh,
        people,
        province.commune_a1,
        WorkState.IN_PROGRESS,
        "Cầu bê tông kênh Ba Sơn",
        percent_complete=45,
    )
    _work(kh, people, province.commune_b1, WorkState.COMPLETED, "Nhà văn hóa ấp Bà Tiêm")
    _work(kh, people, province.commune_a2, WorkState.SUBMITTED, "Trạm y tế kiểu mẫu")
    _work(kh, people, province.commune_a2, WorkState.DRAFT, "Chợ nông thôn Ninh Thới")
    client = Client()

    text = page_text(client.get(reverse("public:works")))
    assert "Cầu bê tông kênh Ba Sơn" in text and "Nhà văn hóa ấp Bà Tiêm" in text
    assert "45%" in text
    assert "Trạm y tế kiểu mẫu" not in text and "Chợ nông thôn Ninh Thới" not in text

    by_district = page_text(
        client.get(reverse("public:works"), {"district": province.district_a.pk})
    )
    assert "Cầu bê tông kênh Ba Sơn" in by_district and "Nhà văn hóa ấp Bà Tiêm" not in by_district
    folded = page_text(client.get(reverse("public:works"), {"q": "nha van hoa ba tiem"}))
    assert "Nhà văn hóa ấp Bà Tiêm" in folded and "Cầu bê tông" not in folded
    garbage = client.get(reverse("public:works"), {"district": "x'; --", "page": "zz"})
    assert garbage.status_code == 200


def test_schematic_district_grid_counts_communes_under_their_district(kh, people, province):
    _work(kh, people, province.commune_a1, WorkState.COMPLETED, "Cầu bê tông kênh Ba Sơn")
    _work(kh, people, province.commune_a2, WorkState.IN_PROGRESS, "Trạm y tế kiểu mẫu")
    _work(kh, people, province.commune_b1, WorkState.APPROVED, "Nhà văn hóa ấp Bà Tiêm")

    text = page_text(Client().get(reverse("public:works")))

    assert "Huyện Cầu Kè 2 công trình · 1 xong" in text
    assert "Huyện Trà Cú 1 công trình · 0 xong" in text


def test_works_with_coordinates_are_drawn_on_the_sketch_map(kh, people, province):
    _work(kh, people, province.commune_a1, WorkState.COMPLETED, "Cầu bê tông kênh Ba Sơn",
          latitude="9.87", longitude="106.34")  # fmt: skip
    _work(kh, people, province.commune_b1, WorkState.APPROVED, "Nhà văn hóa ấp Bà Tiêm",
          latitude="9.60", longitude="106.20")  # fmt: skip

    body = Client().get(reverse("public:works")).content.decode()

    assert body.count('<circle class="pub-map__dot') == 2
    assert 'cx="576.0" cy="24.0"' in body  # the north-east one, in the top right corner


def test_story_pages_show_published_stories_only(kh, people, province):
    published = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=0)
    client = Client()

    response = client.get(reverse("public:story", args=[published.pk]))
    assert published.title in page_text(response)
    photo = published.photos.get()
    image = client.get(reverse("public:photo", args=[photo.pk]))
    assert image["Content-Type"] == "image/png"
    assert drain(image)[:4] == b"\x89PNG"

    for n, state in enumerate(
        [
            ExemplarState.DRAFT,
            ExemplarState.SUBMITTED,
            ExemplarState.APPROVED,
            ExemplarState.RETURNED,
        ],
        start=1,
    ):
        hidden = story_in(state, kh, people, province.commune_a1, n=n)
        assert client.get(reverse("public:story", args=[hidden.pk])).status_code == 404, state
        hidden_photo = hidden.photos.get()
        assert client.get(reverse("public:photo", args=[hidden_photo.pk])).status_code == 404
        assert hidden.title not in page_text(client.get(reverse("public:stories")))


def test_stories_search_ignores_diacritics(kh, people, province):
    story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=1)
    story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=2)

    text = page_text(Client().get(reverse("public:stories"), {"q": "thap sang duong que"}))

    assert "Tổ tự quản thắp sáng đường quê" in text
    assert "Cô giáo vùng khó" not in text


def test_rankings_and_decisions_show_public_fields(kh, people, province):
    from tests.factories.exemplars import nomination_for
    from tests.factories.public import issued_decision, published_ranking

    published_ranking(people, [province.district_a, province.district_b])
    issued_decision(kh, people, nomination_for(kh, people, province), number="123/QĐ-UBND")
    client = Client()

    rankings = page_text(client.get(reverse("public:rankings")))
    decisions = page_text(client.get(reverse("public:decisions")))

    assert "Cụm thi đua các huyện · 2025" in rankings and "1 Huyện Cầu Kè 87,5" in rankings
    assert "123/QĐ-UBND" in decisions and "25/02/2025" in decisions
    assert "Thạch Thị Sô Phi Xã Phong Phú" in decisions


def test_decisions_page_is_paginated(kh, people, province):
    """Issue #16: the public decisions page shows a page of decisions, not all of them."""
    from tests.factories.exemplars import nomination_for
    from tests.factories.public import issued_decision
    from thidua.public.selectors import DECISIONS_PER_PAGE

    for n in range(DECISIONS_PER_PAGE + 1):
        nomination = nomination_for(kh, people, province, name=f"Người được khen {n}")
        issued_decision(kh, people, nomination, number=f"{n + 1}/QĐ-UBND")
    client = Client()

    first = client.get(reverse("public:decisions")).content.decode()
    second = client.get(reverse("public:decisions"), {"page": 2}).content.decode()

    assert first.count('class="pub-decision"') == DECISIONS_PER_PAGE
    assert second.count('class="pub-decision"') == 1
    assert "Trang 1/2" in first and 'rel="next"' in first
