"""The phase-review workflow: the table exhaustively, who may act, and the selections."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tests.factories.reviews import known_figures, open_review
from thidua.core.errors import DomainError, NotPermitted
from thidua.reviews import workflow
from thidua.reviews.models import PhaseReview, PhaseReviewEvent, ReviewKind, ReviewState
from thidua.reviews.selectors import reviews_visible_to
from thidua.reviews.transitions import TRANSITIONS, Action

CALLS = {
    Action.ISSUE: lambda actor, r: workflow.review_issue(actor=actor, review=r),
    Action.REOPEN: lambda actor, r: workflow.review_reopen(actor=actor, review=r, reason="Sửa số"),
}


@pytest.mark.parametrize(
    ("state", "action"), list(itertools.product(list(ReviewState), list(Action)))
)
def test_every_state_and_action(kh, people, state, action):
    review = open_review(kh, people)
    if state == ReviewState.ISSUED:
        review = workflow.review_issue(actor=people.secretariat, review=review)
    before = PhaseReviewEvent.objects.filter(review=review).count()

    if (state, action) in TRANSITIONS:
        moved = CALLS[action](people.secretariat, review)
        assert moved.state == TRANSITIONS[(state, action)]
        last = PhaseReviewEvent.objects.filter(review=review).latest("pk")
        assert (last.kind, last.from_state, last.to_state) == (action.value, state, moved.state)
    else:
        with pytest.raises(DomainError) as refused:
            CALLS[action](people.secretariat, review)
        assert refused.value.code == "invalid_transition"
        assert PhaseReviewEvent.objects.filter(review=review).count() == before


def test_issue_generates_and_freezes_the_report(kh, people):
    review = open_review(kh, people)

    issued = workflow.review_issue(actor=people.secretariat, review=review)

    assert issued.report.name.endswith(".docx")
    assert len(issued.report_sha256) == 64 and issued.issued_at is not None
    with pytest.raises(DomainError) as refused:
        workflow.review_update(
            actor=people.secretariat,
            review=issued,
            held_on=dt.date(2025, 3, 1),
            shortcomings="x",
            directions="y",
            notes="",
        )
    assert refused.value.code == "not_editable"


def test_reopen_needs_a_reason(kh, people):
    issued = workflow.review_issue(actor=people.secretariat, review=open_review(kh, people))

    with pytest.raises(DomainError) as refused:
        workflow.review_reopen(actor=people.secretariat, review=issued, reason=" ")
    assert refused.value.code == "reason_required"


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("secretariat", True),
        ("admin", True),
        ("leader", False),
        ("district_a_head", False),
        ("a1_officer", False),
        ("other_secretariat", False),
    ],
)
def test_only_the_secretariat_opens_and_issues(kh, people, who, allowed):
    actor = getattr(people, who)
    if allowed:
        review = workflow.review_open(
            actor=actor,
            campaign=kh.campaign,
            phase=kh.phase1,
            kind="interim",
            held_on=dt.date(2025, 5, 1),
        )
        assert workflow.review_issue(actor=actor, review=review).state == ReviewState.ISSUED
    else:
        with pytest.raises(NotPermitted):
            workflow.review_open(
                actor=actor,
                campaign=kh.campaign,
                phase=kh.phase1,
                kind="interim",
                held_on=dt.date(2025, 5, 1),
            )
        review = open_review(kh, people)
        with pytest.raises(NotPermitted):
            workflow.review_issue(actor=actor, review=review)
        PhaseReview.objects.all().delete()


def test_one_review_per_phase_and_kind(kh, people):
    open_review(kh, people)

    with pytest.raises(DomainError) as refused:
        open_review(kh, people)
    assert refused.value.code == "duplicate"
    with pytest.raises(DomainError):
        open_review(kh, people, phase=None)
    final = open_review(kh, people, kind=ReviewKind.FINAL, phase=kh.phase2)
    assert final.phase is None


def test_only_works_ahead_of_schedule_can_be_selected(kh, people, province):
    ahead = known_figures(kh, people, province)["ahead"]
    from thidua.works.models import Work

    slow = Work.objects.get(title="Trạm y tế kiểu mẫu")
    review = open_review(kh, people)

    with pytest.raises(DomainError) as refused:
        workflow.review_select_works(
            actor=people.secretariat, review=review, commend=[slow.pk], publicise=[]
        )
    assert refused.value.code == "not_ahead"
    chosen = workflow.review_select_works(
        actor=people.secretariat, review=review, commend=[ahead[0].pk], publicise=[ahead[1].pk]
    )
    assert list(chosen.works_to_commend.all()) == [ahead[0]]
    assert list(chosen.works_to_publicise.all()) == [ahead[1]]


def test_visibility_of_reviews(kh, people):
    review = open_review(kh, people)

    for who in ("secretariat", "leader", "admin"):
        assert list(reviews_visible_to(getattr(people, who))) == [review], who
    for who in ("a1_officer", "district_a_head", "health_officer", "other_secretariat"):
        assert not reviews_visible_to(getattr(people, who)).exists(), who
