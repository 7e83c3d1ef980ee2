"""Nomination services: drafting, editing, dossier files, the workflow's guards, events
and notifications."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

import pytest
import time_machine

from tests.factories.awards import (
    PDF,
    Kh,
    NominationFactory,
    NomineeFactory,
    People,
    form,
    full_dossier,
)
from thidua.awards import services
from thidua.awards.models import Nomination, NominationState
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.models import Notification

pytestmark = pytest.mark.django_db


def _draft(kh: Kh, people: People, **kw: object) -> Nomination:
    nominee = NomineeFactory(unit=kh.province.health)
    values = {"by": people.officer, "campaign": kh.campaign, "phase": kh.phase1,
              "proposer_unit": kh.province.health, "nominee": nominee, "form": form("bang-khen-tinh")}  # fmt: skip
    values.update(kw)
    return services.nomination_create(**values)  # type: ignore[arg-type]


def test_create_sets_grantor_to_the_province_for_bang_khen(kh: Kh, people: People) -> None:
    nomination = _draft(kh, people, achievement={"results": "Vượt 120% kế hoạch"})

    assert nomination.grantor_unit == kh.province.root
    assert nomination.state == NominationState.DRAFT
    assert nomination.achievement == {"results": "Vượt 120% kế hoạch"}
    assert nomination.events.get().kind == "create"


def test_create_picks_the_nearest_granting_unit_for_giay_khen(kh: Kh, people: People) -> None:
    commune = kh.province.commune_a1
    from tests.factories import member

    officer = member(commune)
    nominee = NomineeFactory(unit=commune)

    nomination = services.nomination_create(
        by=officer, campaign=kh.campaign, phase=kh.phase1, proposer_unit=commune,
        nominee=nominee, form=form("cstdcs"),
    )  # fmt: skip

    assert nomination.grantor_unit == kh.province.district_a  # 3-level: the district chair


def test_create_for_a_sibling_unit_is_refused(kh: Kh, people: People) -> None:
    with pytest.raises(NotPermitted):
        _draft(kh, people, proposer_unit=kh.province.home_affairs)


def test_second_live_nomination_is_a_vietnamese_error_not_a_500(kh: Kh, people: People) -> None:
    first = _draft(kh, people)

    with pytest.raises(DomainError) as caught:
        _draft(
            kh,
            people,
            nominee=first.nominee,
            form=form("giay-khen"),
            grantor_unit=kh.province.health,
        )

    assert caught.value.code == "one_award"
    assert "một thành tích chỉ được khen một hình thức" in caught.value.message


def test_form_must_suit_the_subject(kh: Kh, people: People) -> None:
    with pytest.raises(DomainError) as caught:
        _draft(kh, people, form=form("ttldtt"), grantor_unit=kh.province.health)

    assert "không tặng cho đối tượng loại này" in caught.value.message


def test_update_edits_a_draft_and_links_works_but_not_after_submit(kh: Kh, people: People) -> None:
    nomination = _draft(kh, people)

    services.nomination_update(
        nomination, by=people.officer, summary="Mới", achievement={"situation": "A"}
    )
    nomination.refresh_from_db()
    Nomination.objects.filter(pk=nomination.pk).update(state=NominationState.SUBMITTED)

    assert nomination.summary == "Mới" and nomination.achievement == {"situation": "A"}
    with pytest.raises(DomainError) as caught:
        services.nomination_update(nomination, by=people.officer, summary="Sửa sau khi gửi")
    assert caught.value.code == "not_editable"


def test_unknown_achievement_section_is_refused(kh: Kh, people: People) -> None:
    with pytest.raises(DomainError) as caught:
        _draft(kh, people, achievement={"khac": "x"})

    assert "Mục báo cáo thành tích không có" in caught.value.message


def test_dossier_file_checked_by_content(kh: Kh, people: People) -> None:
    nomination = _draft(kh, people)

    saved = services.dossier_file_add(
        nomination,
        by=people.officer,
        kind="cover",
        stream=BytesIO(PDF),
        name="tờ trình.pdf",
        size=len(PDF),
    )
    with pytest.raises(DomainError) as caught:
        services.dossier_file_add(
            nomination,
            by=people.officer,
            kind="report",
            stream=BytesIO(b"MZ\x90\x00 exe"),
            name="bao-cao.pdf",
            size=9,
        )

    assert saved.content_type == "application/pdf" and saved.original_name == "tờ trình.pdf"
    assert "không phải ảnh" in caught.value.message
    assert list(nomination.files.values_list("kind", flat=True)) == ["cover"]


def test_sibling_officer_cannot_upload(kh: Kh, people: People) -> None:
    nomination = _draft(kh, people)

    with pytest.raises(NotPermitted):
        services.dossier_file_add(
            nomination,
            by=people.sibling_officer,
            kind="cover",
            stream=BytesIO(PDF),
            name="a.pdf",
            size=len(PDF),
        )


def test_submit_refused_while_the_dossier_is_incomplete(kh: Kh, people: People) -> None:
    nomination = _draft(kh, people)

    with pytest.raises(DomainError) as caught:
        services.nomination_submit(nomination, by=people.head, today=dt.date(2025, 3, 1))

    nomination.refresh_from_db()
    assert "Hồ sơ còn thiếu" in caught.value.message
    assert nomination.state == NominationState.DRAFT


@time_machine.travel(dt.datetime(2025, 3, 10, 9, tzinfo=dt.UTC))
def test_full_workflow_with_return_and_notifications(
    kh: Kh, people: People, django_capture_on_commit_callbacks: Any
) -> None:
    nomination = _draft(kh, people)
    full_dossier(nomination)

    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_submit(nomination, by=people.head)
        services.nomination_review_start(nomination, by=people.secretariat)
        services.nomination_return(nomination, by=people.secretariat, reason="Thiếu chữ ký")
        nomination.refresh_from_db()
        returned_reason = nomination.return_reason
        services.nomination_submit(nomination, by=people.head)
        services.nomination_review_start(nomination, by=people.secretariat)
        services.nomination_send_to_council(nomination, by=people.secretariat)
        services.nomination_approve(nomination, by=people.secretariat, note="Hội đồng đồng ý 9/10")
        services.nomination_mark_decided(
            nomination, by=people.secretariat, decision_ref="12/QĐ-UBND"
        )

    nomination.refresh_from_db()
    assert nomination.state == NominationState.DECIDED
    assert returned_reason == "Thiếu chữ ký" and nomination.return_reason == ""
    assert nomination.submitted_on == dt.date(2025, 3, 10)
    kinds = list(nomination.events.values_list("kind", flat=True))
    assert kinds[-8:] == [
        "submit",
        "review_start",
        "return",
        "submit",
        "review_start",
        "send_to_council",
        "approve",
        "mark_decided",
    ]
    told = Notification.objects.filter(user__in=[people.officer, people.head])
    assert {n.kind for n in told} == {"nomination_returned", "nomination_approved"}
    assert not Notification.objects.filter(user=people.sibling_officer).exists()


def test_return_needs_a_reason(kh: Kh, people: People) -> None:
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        grantor_unit=kh.province.root,
        state=NominationState.UNDER_REVIEW,
    )

    with pytest.raises(DomainError) as caught:
        services.nomination_return(nomination, by=people.secretariat, reason="  ")

    assert "lý do" in caught.value.message


def test_approve_refused_when_the_quota_is_full(kh: Kh, people: People) -> None:
    from tests.factories.awards import QuotaFactory

    QuotaFactory(campaign=kh.campaign, maximum=1)
    NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        grantor_unit=kh.province.root,
        state=NominationState.APPROVED,
    )
    nomination = NominationFactory(
        campaign=kh.campaign,
        phase=kh.phase1,
        proposer_unit=kh.province.health,
        grantor_unit=kh.province.root,
        state=NominationState.TO_COUNCIL,
    )
    full_dossier(nomination)

    with pytest.raises(DomainError) as caught:
        services.nomination_approve(nomination, by=people.secretariat)

    assert caught.value.code == "quota" and "Đã đủ chỉ tiêu 1" in caught.value.message


def test_giay_khen_goes_straight_to_approved_by_the_granting_unit(kh: Kh, people: People) -> None:
    nomination = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health,
        grantor_unit=kh.province.health, form=form("giay-khen"), state=NominationState.UNDER_REVIEW,
    )  # fmt: skip
    full_dossier(nomination)

    with pytest.raises(NotPermitted):
        services.nomination_approve(nomination, by=people.secretariat)
    services.nomination_approve(nomination, by=people.head)

    nomination.refresh_from_db()
    assert nomination.state == NominationState.APPROVED
