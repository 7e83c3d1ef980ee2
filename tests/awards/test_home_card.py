"""The home page's commendation card: links by role, and what waits for the person."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tests.factories.awards import Kh, NominationFactory, People
from tests.pages import page_text, signed_in
from thidua.awards.models import NominationState

HOME = "core:home"


def test_home_card_secretariat_counts_nominations_waiting_for_appraisal(kh: Kh, people: People):
    for state in (NominationState.SUBMITTED, NominationState.UNDER_REVIEW, NominationState.DRAFT):
        NominationFactory(
            campaign=kh.campaign,
            phase=kh.phase1,
            proposer_unit=kh.province.health,
            state=state,
            submitted_on=dt.date(2025, 4, 10),
        )

    text = page_text(signed_in(people.secretariat).get(reverse(HOME)))

    assert "Khen thưởng, chấm điểm, sơ kết" in text
    assert "2 đề nghị khen thưởng đang chờ thẩm định hoặc trình Hội đồng." in text
    assert "Thẩm định đề nghị khen thưởng" in text
    assert "Phiên họp Hội đồng" in text


def test_home_card_unit_officer_gets_unit_links_only(kh: Kh, people: People):
    NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        state=NominationState.SUBMITTED,
    )

    text = page_text(signed_in(people.officer).get(reverse(HOME)))

    assert "Đề nghị khen thưởng của đơn vị" in text
    assert "Chấm điểm cụm, khối thi đua" in text
    assert "Thẩm định đề nghị khen thưởng" not in text
    assert "đang chờ thẩm định" not in text


def test_home_card_council_member_is_led_to_their_sessions(kh: Kh, people: People):
    text = page_text(signed_in(people.council).get(reverse(HOME)))

    assert "Phiên họp của tôi" in text
    assert "Thẩm định đề nghị khen thưởng" not in text
