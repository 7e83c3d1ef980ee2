"""R9 across phases (issue 12 item 20): the same form for the same nominee in another phase
of the campaign asks the reviewer to confirm a distinct achievement (Luật TĐKT 2022 Điều
5); an award already decided is said to be awarded ("đã được khen"), not pending."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.awards import (
    AwardRecordFactory,
    Kh,
    NominationFactory,
    People,
    form,
    full_dossier,
)
from thidua.awards.eligibility import CheckResult, check_nomination
from thidua.awards.models import Nomination, NominationEvent, NominationState
from thidua.awards.nominations import nomination_confirm_distinct, nomination_create
from thidua.core.errors import DomainError, NotPermitted

AS_OF = dt.date(2025, 9, 30)


def _nomination(kh: Kh, phase: Any, **kw: Any) -> Nomination:
    values: dict[str, Any] = {
        "campaign": kh.campaign,
        "phase": phase,
        "proposer_unit": kh.province.health,
        "grantor_unit": kh.province.root,
    }
    nomination = NominationFactory(**(values | kw))
    full_dossier(nomination)
    return nomination


def _one_award(nomination: Nomination) -> CheckResult:
    return {r.code: r for r in check_nomination(nomination, as_of=AS_OF)}["one_award"]


def test_same_form_pending_in_another_phase_warns_the_unit(kh: Kh) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.UNDER_REVIEW)

    second = _nomination(kh, kh.phase2, nominee=first.nominee)

    result = _one_award(second)
    assert not result.ok and result.severity == "warn"
    assert "đang được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” trong Đợt 1" in (
        result.message
    )
    assert "(đang xử lý)" in result.message and "người thẩm định phải xác nhận" in result.message
    assert result.article == "Luật TĐKT 2022 Điều 5"


def test_same_form_already_awarded_says_so_and_blocks_the_appraisal(kh: Kh) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.DECIDED)
    AwardRecordFactory(
        nomination=first,
        nominee=first.nominee,
        form=first.form,
        decision_number="88/QĐ-UBND",
        decision_date=dt.date(2025, 5, 20),
    )

    second = _nomination(kh, kh.phase2, nominee=first.nominee, state=NominationState.UNDER_REVIEW)

    result = _one_award(second)
    assert result.blocks
    assert "đã được khen “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” trong Đợt 1" in (
        result.message
    )
    assert "Quyết định số 88/QĐ-UBND ngày 20/05/2025" in result.message
    assert "đang xử lý" not in result.message


def test_the_reviewers_confirmation_lets_it_pass(kh: Kh, people: People) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.DECIDED)
    second = _nomination(kh, kh.phase2, nominee=first.nominee, state=NominationState.UNDER_REVIEW)

    with pytest.raises(NotPermitted):
        nomination_confirm_distinct(second, by=people.head, note="Công trình khác")
    with pytest.raises(DomainError):
        nomination_confirm_distinct(second, by=people.secretariat, note="  ")
    nomination_confirm_distinct(
        second, by=people.secretariat, note="Đợt 2: công trình cầu Kênh Xáng, khác Đợt 1"
    )

    second.refresh_from_db()
    result = _one_award(second)
    assert result.ok and "khác Đợt 1" in result.message
    assert second.distinct_confirmed_by == people.secretariat
    event = NominationEvent.objects.get(nomination=second, kind="distinct_confirmed")
    assert event.actor == people.secretariat


def test_another_form_in_another_phase_asks_nothing(kh: Kh) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.DECIDED)

    second = _nomination(kh, kh.phase2, nominee=first.nominee, form=form("giay-khen"))

    result = _one_award(second)
    assert result.ok and result.message == "Thành tích này chưa được đề nghị khen hình thức khác."


def test_same_phase_decided_says_awarded_not_pending(kh: Kh, people: People) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.DECIDED)
    second = Nomination(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.home_affairs,
        grantor_unit=kh.province.root, nominee=first.nominee, form=form("giay-khen"),
    )  # fmt: skip

    result = _one_award(second)
    with pytest.raises(DomainError) as refused:
        nomination_create(
            by=people.officer,
            campaign=kh.campaign,
            phase=kh.phase1,
            proposer_unit=kh.province.health,
            nominee=first.nominee,
            form=form("giay-khen"),
        )

    assert result.blocks and "đã được khen “Bằng khen" in result.message
    assert "đã được khen “Bằng khen" in refused.value.message
    assert "đang xử lý" not in refused.value.message


def test_the_reviewer_confirms_on_the_nomination_page(kh: Kh, people: People) -> None:
    first = _nomination(kh, kh.phase1, state=NominationState.DECIDED)
    second = _nomination(
        kh,
        kh.phase2,
        nominee=first.nominee,
        state=NominationState.UNDER_REVIEW,
        submitted_on=dt.date(2025, 9, 1),
    )
    client = Client()
    client.force_login(people.secretariat)

    page = client.get(reverse("awards:detail", args=[second.pk])).content.decode()
    client.post(
        reverse("awards:distinct_confirm", args=[second.pk]), {"note": "Thành tích Đợt 2 khác"}
    )

    assert "Xác nhận thành tích khác" in page
    second.refresh_from_db()
    assert second.distinct_achievement == "Thành tích Đợt 2 khác"
    head = Client()
    head.force_login(people.head)
    assert (
        "Xác nhận thành tích khác"
        not in head.get(reverse("awards:detail", args=[second.pk])).content.decode()
    )
