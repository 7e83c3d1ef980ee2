"""The campaign list and the campaign page: content, visibility, query counts, HTMX."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import member
from tests.factories.campaigns import make_campaign
from tests.pages import page_text, signed_in
from thidua.accounts.models import Role
from thidua.campaigns.models import CampaignStatus


def test_campaign_list_shows_visible_campaigns_with_current_phase(world, jan_2025):
    officer = member(world.province.commune_a1)

    response = signed_in(officer).get(reverse("campaigns:list"))

    text = page_text(response)
    assert "128/KH-UBND" in text
    assert "Thi đua chào mừng Đại hội" in text
    assert "11/2024 – 30/09/2025" in text
    assert "Đang triển khai · Đợt 1" in text


def test_campaign_list_hides_sibling_district_campaign(world):
    officer = member(world.province.commune_a1)

    text = page_text(signed_in(officer).get(reverse("campaigns:list")))

    assert "77/KH-UBND" not in text
    assert "Trà Cú" not in text


def test_campaign_list_search_ignores_diacritics(world):
    secretariat = member(world.province.home_affairs, role=Role.SECRETARIAT)
    client = signed_in(secretariat)

    found = page_text(client.get(reverse("campaigns:list"), {"q": "tra cu"}))
    missing = page_text(client.get(reverse("campaigns:list"), {"q": "khong co dau"}))

    assert "77/KH-UBND" in found
    assert "128/KH-UBND" not in found
    assert "1 phong trào khớp với “tra cu”" in found
    assert "Không tìm thấy phong trào nào" in missing


def test_campaign_list_paginates(province):
    secretariat = member(province.home_affairs, role=Role.SECRETARIAT)
    for n in range(21):
        make_campaign(province.root, number=f"{n + 1}/KH-UBND", phases=1, targets=0)
    client = signed_in(secretariat)

    first = page_text(client.get(reverse("campaigns:list")))
    second = page_text(client.get(reverse("campaigns:list"), {"page": 2}))

    assert "21 phong trào" in first
    assert "Trang 1/2" in first
    assert "Trang 2/2" in second
    assert second.count("/KH-UBND") == 1


def test_campaign_list_htmx_request_returns_results_fragment(world):
    officer = member(world.province.commune_a1)

    response = signed_in(officer).get(
        reverse("campaigns:list"), {"q": "dai hoi"}, headers={"HX-Request": "true"}
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="campaign-results"')
    assert "<html" not in body
    assert "128/KH-UBND" in body
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize("count", [1, 3])
def test_campaign_list_query_count_is_constant(province, django_assert_num_queries, count):
    officer = member(province.commune_a1)
    for n in range(count):
        make_campaign(province.root, number=f"{n + 1}/KH-UBND")
    client = signed_in(officer)

    # session, user, memberships (reach), count, page, phases: none per row
    with django_assert_num_queries(6):
        response = client.get(reverse("campaigns:list"))

    assert page_text(response).count("/KH-UBND") == count


def test_campaign_page_renders_the_kh128_plan(kh128, jan_2025):
    officer = member(kh128.issuer_unit.children.get(code="TV-CK"), role=Role.UNIT_OFFICER)

    response = signed_in(officer).get(reverse("campaigns:detail", args=[kh128.pk]))

    text = page_text(response)
    for expected in [
        "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
        "Số: 128/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Trà Vinh, ngày 11 tháng 11 năm 2024",
        "KẾ HOẠCH",
        "Thực hiện Chỉ thị số 39/CT-TTg ngày 15/10/2024 của Thủ tướng Chính phủ",
        "Mục đích",
        "Yêu cầu",
        "Đợt 1 11/2024 – 30/04/2025",
        "Đợt 2 05/2025 – 30/09/2025",
        "Hôm nay 10/01/2025",
        "≥ 99,5 %",
        "10 – 11 %",
        "≥ 23.000 lao động",
        "trước 01/01/2025",
        "Quý IV/2024 15/12/2024 (Chủ nhật)",
        "Quý I/2025 15/03/2025 (Thứ Bảy)",
        "Quý III/2025 15/09/2025 (Thứ Hai)",
        "Kỳ tới – còn 64 ngày",
        "Hạ tầng Hồ chứa nước ngọt dọc bờ sông Láng Thé",
        "trước 09/2025",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Giấy khen",
        "Sở Văn hóa, Thể thao và Du lịch",
        "CHỦ TỊCH",
    ]:
        assert expected in text, expected
    assert "<h1" in response.content.decode()


def test_campaign_page_highlights_next_due_date(world, jan_2025):
    officer = member(world.province.commune_a1)

    body = signed_in(officer).get(reverse("campaigns:detail", args=[world.campaign.pk])).content

    rows = re.findall(r'<tr class="([^"]*)"[^>]*>(.*?)</tr>', body.decode(), re.S)
    states = {
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cells)).split("(")[0].strip(): cls
        for cls, cells in rows
    }
    assert states["Quý IV/2024 15/12/2024"] == "is-past"
    assert states["Quý I/2025 15/03/2025"] == "is-next"
    assert states["Quý II/2025 15/06/2025"] == ""


def test_campaign_page_content_areas_are_collapsible(kh128):
    secretariat = member(kh128.issuer_unit.children.get(code="TV-SNV"), role=Role.SECRETARIAT)

    body = signed_in(secretariat).get(reverse("campaigns:detail", args=[kh128.pk])).content

    assert body.decode().count('<details class="disclosure">') == kh128.content_areas.count() + 1


def test_campaign_page_of_sibling_district_is_404_for_commune_officer(world):
    officer = member(world.province.commune_a1)

    response = signed_in(officer).get(reverse("campaigns:detail", args=[world.sibling.pk]))

    assert response.status_code == 404
    assert "Không tìm thấy trang" in page_text(response)
    assert "Trà Cú" not in page_text(response)


def test_campaign_page_of_own_district_is_visible_to_its_commune(province):
    campaign = make_campaign(province.district_a, number="5/KH-UBND", title="Phong trào huyện")
    officer = member(province.commune_a1)

    response = signed_in(officer).get(reverse("campaigns:detail", args=[campaign.pk]))

    assert "Phong trào huyện" in page_text(response)


def test_campaign_page_draft_is_404_for_unit_officer(province):
    draft = make_campaign(province.root, number="9/KH-UBND", status=CampaignStatus.DRAFT)
    officer = member(province.commune_a1)

    response = signed_in(officer).get(reverse("campaigns:detail", args=[draft.pk]))

    assert response.status_code == 404
    assert "Không tìm thấy trang" in page_text(response)


def test_campaign_page_missing_pk_is_404(world):
    officer = member(world.province.commune_a1)

    response = signed_in(officer).get(reverse("campaigns:detail", args=[999999]))

    assert "Không tìm thấy trang" in page_text(response)
    assert response.status_code == 404


@pytest.mark.parametrize(("phases", "targets"), [(1, 1), (3, 6)])
def test_campaign_page_query_count_does_not_grow(
    province, django_assert_num_queries, phases, targets
):
    campaign = make_campaign(province.root, number="1/KH-UBND", phases=phases, targets=targets)
    officer = member(province.commune_a1)
    client = signed_in(officer)

    # session, user, memberships, campaign (+ issuer, reporting rule), then one query per
    # prefetched part: bases, areas, phases, targets, rules, works, awards, duties
    with django_assert_num_queries(12):
        response = client.get(reverse("campaigns:detail", args=[campaign.pk]))

    assert page_text(response).count("≥ 99,5 %") == targets
