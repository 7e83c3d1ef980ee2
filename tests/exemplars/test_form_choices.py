"""The story form chooses what there is only one of, and says the length of a long reason."""

from __future__ import annotations

from django.urls import reverse

from tests.factories import CampaignFactory
from tests.factories.exemplars import story_in
from tests.pages import page_text, signed_in
from thidua.exemplars.models import ExemplarState


def test_a_single_campaign_and_unit_are_chosen_already(kh, people, province):  # type: ignore[no-untyped-def]
    html = signed_in(people.a1_officer).get(reverse("exemplars:create")).content.decode()

    assert f'<option value="{kh.campaign.pk}" selected>' in html
    assert f'<option value="{province.commune_a1.pk}" selected>' in html
    assert "---------" not in html
    assert "— Chọn nội dung thi đua —" in html


def test_several_campaigns_leave_the_choice_to_the_person(kh, people, province):  # type: ignore[no-untyped-def]
    CampaignFactory(issuer_unit=kh.campaign.issuer_unit, doc_number="99/KH-UBND")

    html = signed_in(people.a1_officer).get(reverse("exemplars:create")).content.decode()

    assert f'<option value="{kh.campaign.pk}" selected>' not in html
    assert '<option value="" selected>— Chọn phong trào —</option>' in html


def test_a_reason_too_long_is_refused_with_its_length(kh, people, province):  # type: ignore[no-untyped-def]
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1, n=0)

    response = signed_in(people.secretariat).post(
        reverse("exemplars:action", args=[story.pk, "return"]), {"reason": "x" * 2500}, follow=True
    )

    assert "Lý do dài 2.500 ký tự, tối đa 2.000: hãy rút gọn." in page_text(response)
    story.refresh_from_db()
    assert story.state == ExemplarState.SUBMITTED
