"""The proposal workflow: its table, comments answered before the council, the Ban
Thường vụ's opinion before sending, entries only in a draft, who may act."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories.awards import NomineeFactory
from tests.factories.higher_awards import POSTED, World, proposal_in
from thidua.awards.models import AwardForm
from thidua.core.errors import DomainError, NotPermitted
from thidua.higher_awards import workflow
from thidua.higher_awards.models import ProposalEvent, ProposalState
from thidua.higher_awards.transitions import TRANSITIONS, Action

MEETING = dt.date(2026, 1, 20)


@pytest.mark.parametrize("state", list(ProposalState))
@pytest.mark.parametrize("action", list(Action))
def test_transition_table_from_every_state(w: World, state: str, action: Action) -> None:
    proposal = proposal_in(w, state)
    run = {
        Action.POST: lambda: workflow.proposal_post(
            actor=w.board, proposal=proposal, posted_on=POSTED
        ),
        Action.REVIEW: lambda: workflow.proposal_review(
            actor=w.board, proposal=proposal, meeting_on=MEETING, record="BB"
        ),
        Action.SEND: lambda: workflow.proposal_send(
            actor=w.board, proposal=proposal, sent_on=MEETING, reference="CV"
        ),
    }[action]
    target = TRANSITIONS.get((ProposalState(state), action))

    if target is None or (action is Action.SEND and state == "reviewed"):
        if action is Action.SEND and state == "reviewed":
            with pytest.raises(DomainError, match="Ban Thường vụ"):
                run()
            return
        with pytest.raises(DomainError):
            run()
        proposal.refresh_from_db()
        assert proposal.state == state
    else:
        assert run().state == target


def test_unanswered_comment_blocks_the_council(w: World) -> None:
    proposal = proposal_in(w, "posted")
    objection = workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=dt.date(2026, 1, 8),
        channel="post",
        author="Nguyễn Văn A",
        content="Đề nghị xem lại thành tích.",
    )

    with pytest.raises(DomainError, match="1 ý kiến chưa được trả lời"):
        workflow.proposal_review(actor=w.board, proposal=proposal, meeting_on=MEETING, record="B")
    workflow.objection_answer(
        actor=w.board, objection=objection, answer="Đã xác minh.", answered_on=dt.date(2026, 1, 15)
    )
    reviewed = workflow.proposal_review(
        actor=w.board, proposal=proposal, meeting_on=MEETING, record="B", votes={}
    )

    assert reviewed.state == ProposalState.REVIEWED
    assert reviewed.events.get(kind="review").payload["objections"] == [objection.pk]


def test_answer_dated_after_the_meeting_blocks_the_council(w: World) -> None:
    proposal = proposal_in(w, "posted")
    objection = workflow.objection_record(
        actor=w.board,
        proposal=proposal,
        received_on=dt.date(2026, 1, 8),
        channel="email",
        author="B",
        content="Ý kiến.",
    )
    workflow.objection_answer(
        actor=w.board, objection=objection, answer="Trả lời.", answered_on=dt.date(2026, 1, 21)
    )

    with pytest.raises(DomainError, match="chưa được trả lời trước ngày họp"):
        workflow.proposal_review(actor=w.board, proposal=proposal, meeting_on=MEETING, record="B")


def test_comment_before_posting_day_is_refused(w: World) -> None:
    proposal = proposal_in(w, "posted")

    with pytest.raises(DomainError, match="trước ngày công khai"):
        workflow.objection_record(
            actor=w.board,
            proposal=proposal,
            received_on=dt.date(2026, 1, 2),
            channel="post",
            author="C",
            content="Ý kiến.",
        )


def test_votes_are_recorded_with_the_review(w: World) -> None:
    proposal = proposal_in(w, "posted")
    entry = proposal.entries.get(form__code="cstd-toan-quoc")

    workflow.proposal_review(
        actor=w.board, proposal=proposal, meeting_on=MEETING, record="B", votes={entry.pk: (10, 11)}
    )

    entry.refresh_from_db()
    assert (entry.vote_yes, entry.vote_members) == (10, 11)


def test_bad_vote_is_refused_whole(w: World) -> None:
    proposal = proposal_in(w, "posted")
    entry = proposal.entries.first()
    assert entry is not None

    with pytest.raises(DomainError, match="bỏ phiếu không hợp lệ"):
        workflow.proposal_review(
            actor=w.board,
            proposal=proposal,
            meeting_on=MEETING,
            record="B",
            votes={entry.pk: (12, 11)},
        )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.POSTED


def test_sending_needs_the_btv_opinion_only_where_the_data_asks(w: World) -> None:
    proposal = proposal_in(w, "reviewed")

    missing = workflow.missing_btv_opinions(proposal)

    # CSTĐ toàn quốc always; Bằng khen Thủ tướng only for a BTV-managed person (not this one).
    assert [e.form.code for e in missing] == ["cstd-toan-quoc"]
    workflow.btv_opinion_record(
        actor=w.board, entry=missing[0], opinion="Đồng ý.", reference="CV 7", opinion_on=MEETING
    )
    sent = workflow.proposal_send(actor=w.board, proposal=proposal, sent_on=MEETING, reference="CV")
    assert sent.state == ProposalState.SENT
    assert [e.kind for e in sent.events.all()][-3:] == ["review", "btv_opinion", "send"]


def test_entries_only_in_a_draft_and_only_central_forms(w: World) -> None:
    draft = proposal_in(w, "draft")
    posted = proposal_in(w, "posted")
    other = NomineeFactory(unit=w.province.commune_a1)

    with pytest.raises(DomainError, match="không phải hình thức khen thưởng cấp Nhà nước"):
        workflow.entry_add(
            actor=w.board,
            proposal=draft,
            nominee=other,
            form=AwardForm.objects.get(code="bang-khen-tinh"),
            achievement="x",
        )
    with pytest.raises(DomainError, match="Không thể sửa"):
        workflow.entry_add(
            actor=w.board,
            proposal=posted,
            nominee=other,
            form=AwardForm.objects.get(code="bang-khen-thu-tuong"),
            achievement="x",
        )
    with pytest.raises(DomainError, match="đã có trong tờ trình"):
        workflow.entry_add(
            actor=w.board,
            proposal=draft,
            nominee=w.person,
            form=AwardForm.objects.get(code="bang-khen-thu-tuong"),
            achievement="x",
        )


def test_nominee_of_another_province_is_refused(w: World) -> None:
    from tests.factories import UnitFactory

    elsewhere = UnitFactory(code="Q", kind="province")
    stranger = NomineeFactory(unit=elsewhere)
    draft = proposal_in(w, "draft")

    with pytest.raises(NotPermitted):
        workflow.entry_add(
            actor=w.board,
            proposal=draft,
            nominee=stranger,
            form=AwardForm.objects.get(code="bang-khen-thu-tuong"),
            achievement="x",
        )
    assert draft.entries.count() == 2


@pytest.mark.parametrize("who", ["leader", "officer"])
def test_only_the_board_moves_a_proposal(w: World, who: str) -> None:
    proposal = proposal_in(w, "draft")
    events = ProposalEvent.objects.count()

    with pytest.raises(NotPermitted):
        workflow.proposal_post(actor=getattr(w, who), proposal=proposal, posted_on=POSTED)

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DRAFT
    assert ProposalEvent.objects.count() == events


def test_officer_cannot_draft_a_proposal(w: World) -> None:
    with pytest.raises(NotPermitted):
        workflow.proposal_create(actor=w.officer, province=w.province.root, year=2025)


def test_future_date_is_refused(w: World) -> None:
    proposal = proposal_in(w, "draft")

    with pytest.raises(DomainError, match="chưa đến"):
        workflow.proposal_post(actor=w.board, proposal=proposal, posted_on=dt.date(2099, 1, 5))
