"""The /xep-loai/ pages: a unit's year with the computed titles and their articles, the
rating form, drafting the year's nominations; refusals and sibling leaks; query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import Province
from tests.factories.awards import AwardRecordFactory, NomineeFactory, form
from tests.factories.ratings import AnnualRatingFactory, Staff, initiative, open_year_2025
from tests.pages import csp_problems, page_text, signed_in
from thidua.awards.models import AwardBasis, Nomination
from thidua.ratings.models import AnnualRating, RatingsEvent


def _url(province: Province, year: int = 2025) -> str:
    return reverse("ratings:unit_year", args=[province.health.pk, year])


def test_the_unit_year_page_shows_titles_with_rule_and_reason(
    province: Province, staff: Staff
) -> None:
    hoa = AnnualRatingFactory(
        nominee__unit=province.health, nominee__name="Nguyễn Thị Hoa", rating="excellent"
    ).nominee
    AnnualRatingFactory(nominee__unit=province.health, nominee__name="Trần Văn Bình", rating="good")
    AwardRecordFactory(nominee=hoa, form=form("cstdcs"), year=2024)
    initiative(hoa, title="Số hóa hồ sơ bệnh án")

    response = signed_in(staff.officer).get(_url(province))

    text = page_text(response)
    assert "Nguyễn Thị Hoa" in text and "Trần Văn Bình" in text
    assert "Số hóa hồ sơ bệnh án" in text
    assert "CSTĐCS 2024" in text
    assert "Đủ: đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ" in text
    assert "Chưa đủ: 2/3 năm liên tục CSTĐCS" in text
    assert "Luật Thi đua, khen thưởng 2022 Điều 22" in text
    assert "Luật Thi đua, khen thưởng 2022 Điều 23" in text
    assert csp_problems(response) == []


def test_a_sibling_unit_sees_nothing(province: Province, staff: Staff) -> None:
    AnnualRatingFactory(nominee__unit=province.health, nominee__name="Nguyễn Thị Hoa")

    page = signed_in(staff.sibling).get(_url(province))
    index = page_text(signed_in(staff.sibling).get(reverse("ratings:index")))

    assert page.status_code == 404
    assert "Nguyễn Thị Hoa" not in page.content.decode()
    assert "Sở Y tế" not in index


def test_the_board_reads_but_may_not_enter(province: Province, staff: Staff) -> None:
    person = NomineeFactory(unit=province.health)

    page = signed_in(staff.secretariat).get(_url(province))
    post = signed_in(staff.secretariat).post(
        _url(province), {"action": "rating", "nominee": person.pk, "rating": "good"}
    )

    assert page.status_code == 200
    assert post.status_code == 403
    assert not AnnualRating.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(province: Province, forms: None) -> None:
    from django.test import Client

    response = Client().get(_url(province))

    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_officer_enters_a_rating_with_its_discipline(province: Province, staff: Staff) -> None:
    person = NomineeFactory(unit=province.health)

    signed_in(staff.officer).post(
        _url(province),
        {
            "action": "rating",
            "nominee": person.pk,
            "rating": "good",
            "discipline": "reprimand",
            "discipline_source": "12/QĐ-SYT ngày 05/3/2025",
        },
    )

    row = AnnualRating.objects.get(nominee=person, year=2025)
    assert (row.rating, row.discipline) == ("good", "reprimand")
    assert RatingsEvent.objects.filter(kind="rating_set", unit=province.health).count() == 1


def test_a_discipline_without_its_decision_is_refused_on_the_form(
    province: Province, staff: Staff
) -> None:
    person = NomineeFactory(unit=province.health)

    response = signed_in(staff.officer).post(
        _url(province),
        {"action": "rating", "nominee": person.pk, "rating": "good", "discipline": "warning"},
    )

    assert "Hãy ghi số, ngày quyết định kỷ luật." in page_text(response)
    assert not AnnualRating.objects.exists()


def test_creating_the_nominations_drafts_annual_ones_once(province: Province, staff: Staff) -> None:
    person = AnnualRatingFactory(nominee__unit=province.health, rating="excellent").nominee
    campaign = open_year_2025(province, staff.secretariat)
    client = signed_in(staff.head)

    client.post(_url(province), {"action": "draft", "choice": [f"{person.pk}:cstdcs"]})
    client.post(_url(province), {"action": "draft", "choice": [f"{person.pk}:cstdcs"]})

    nomination = Nomination.objects.get()
    assert nomination.campaign == campaign
    assert (nomination.basis, nomination.form.code, nomination.state) == (
        AwardBasis.ANNUAL,
        "cstdcs",
        "draft",
    )
    assert nomination.phase.name == "Năm 2025"


def test_without_the_regular_campaign_nothing_is_drafted(province: Province, staff: Staff) -> None:
    person = AnnualRatingFactory(nominee__unit=province.health, rating="excellent").nominee

    response = signed_in(staff.head).post(
        _url(province), {"action": "draft", "choice": [f"{person.pk}:cstdcs"]}, follow=True
    )

    assert "chưa mở phong trào thi đua thường xuyên năm 2025" in page_text(response)
    assert not Nomination.objects.exists()


def test_a_sibling_may_not_draft_the_units_nominations(province: Province, staff: Staff) -> None:
    person = AnnualRatingFactory(nominee__unit=province.health, rating="excellent").nominee
    open_year_2025(province, staff.secretariat)

    response = signed_in(staff.sibling).post(
        _url(province), {"action": "draft", "choice": [f"{person.pk}:cstdcs"]}
    )

    assert response.status_code == 404
    assert not Nomination.objects.exists()


def _people(province: Province, n: int) -> None:
    for index in range(n):
        nominee = AnnualRatingFactory(nominee__unit=province.health, rating="excellent").nominee
        AwardRecordFactory(nominee=nominee, form=form("cstdcs"), year=2024)
        AwardRecordFactory(nominee=nominee, form=form("ldtt"), year=2023 - index)
        initiative(nominee)


# One person: the rating form's person select has one choice, chosen for the officer
# (FormConventions), which costs the one query more.
@pytest.mark.parametrize(("n", "queries"), [(1, 15), (3, 14)])
def test_the_unit_year_page_costs_the_same_queries_for_1_or_3_people(
    province: Province, staff: Staff, n: int, queries: int, django_assert_num_queries: object
) -> None:
    _people(province, n)
    client = signed_in(staff.officer)
    client.get(_url(province))

    with django_assert_num_queries(queries):  # type: ignore[operator]
        response = client.get(_url(province))

    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 3])
def test_the_initiatives_list_costs_the_same_queries(
    province: Province, staff: Staff, n: int, django_assert_num_queries: object
) -> None:
    _people(province, n)
    client = signed_in(staff.officer)

    with django_assert_num_queries(6):  # type: ignore[operator]
        response = client.get(reverse("ratings:initiatives"))

    assert page_text(response).count("Sáng kiến cải tiến quy trình số") == n
