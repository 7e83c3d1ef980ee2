"""Registering an initiative and opening the year through the pages; who may."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import Province
from tests.factories.awards import NomineeFactory
from tests.factories.ratings import Staff
from tests.pages import page_text, signed_in
from thidua.campaigns.selectors import regular_campaign
from thidua.ratings.models import Initiative, RatingsEvent


def _initiative_post(province: Province, person_pk: int, **over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "initiative",
        "title": "Số hóa hồ sơ bệnh án",
        "year": 2025,
        "level": "province",
        "recognised_by": "Chủ tịch UBND tỉnh",
        "decision_number": "2150/QĐ-UBND",
        "decision_date": "25/11/2025",
        "nominees": [person_pk],
    }
    return data | over


def test_the_officer_registers_an_initiative(province: Province, staff: Staff) -> None:
    person = NomineeFactory(unit=province.health)

    response = signed_in(staff.officer).post(
        reverse("ratings:initiative_create", args=[province.health.pk]),
        _initiative_post(province, person.pk),
    )

    item = Initiative.objects.get()
    assert response["Location"] == reverse("ratings:unit_year", args=[province.health.pk, 2025])
    assert (item.level, list(item.nominees.all())) == ("province", [person])
    assert RatingsEvent.objects.filter(kind="initiative_created").count() == 1


def test_a_decision_dated_outside_the_year_is_refused_on_the_form(
    province: Province, staff: Staff
) -> None:
    person = NomineeFactory(unit=province.health)

    response = signed_in(staff.officer).post(
        reverse("ratings:initiative_create", args=[province.health.pk]),
        _initiative_post(province, person.pk, decision_date="05/03/2023"),
    )

    assert "Ngày quyết định công nhận phải trong năm 2025" in page_text(response)
    assert not Initiative.objects.exists()


def test_the_board_and_a_sibling_may_not_register_the_units_initiative(
    province: Province, staff: Staff
) -> None:
    person = NomineeFactory(unit=province.health)
    url = reverse("ratings:initiative_create", args=[province.health.pk])

    board = signed_in(staff.secretariat).post(url, _initiative_post(province, person.pk))
    sibling = signed_in(staff.sibling).post(url, _initiative_post(province, person.pk))

    assert (board.status_code, sibling.status_code) == (403, 404)
    assert not Initiative.objects.exists()


def test_the_board_opens_the_year_on_its_page(province: Province, staff: Staff) -> None:
    url = reverse("ratings:open_year", args=[province.root.pk])
    data = {
        "year": 2025,
        "doc_number": "15/KH-UBND",
        "doc_date": "20/01/2025",
        "signer_name": "Lê Văn Hòa",
        "signer_position": "Phó Chủ tịch",
        "title": "",
    }

    refused = signed_in(staff.officer).post(url, data)
    signed_in(staff.secretariat).post(url, data)

    assert refused.status_code in (403, 404)
    campaign = regular_campaign(province.root, 2025)
    assert campaign is not None and campaign.doc_number == "15/KH-UBND"
