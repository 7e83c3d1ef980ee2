"""The exemplar workflow table, exhaustively: every (state, action) pair either moves the
story to the table's state with an event, or is refused without a change."""

from __future__ import annotations

import itertools

import pytest
from django.utils import timezone

from tests.factories.exemplars import story_in
from thidua.core.errors import DomainError
from thidua.exemplars import workflow
from thidua.exemplars.models import Exemplar, ExemplarEvent, ExemplarState
from thidua.exemplars.transitions import TRANSITIONS, Action, allowed_actions

CALLS = {
    Action.SUBMIT: lambda actor, s: workflow.exemplar_submit(actor=actor, exemplar=s),
    Action.APPROVE: lambda actor, s: workflow.exemplar_approve(actor=actor, exemplar=s),
    Action.RETURN: lambda actor, s: workflow.exemplar_return(actor=actor, exemplar=s, reason="Sửa"),
    Action.PUBLISH: lambda actor, s: workflow.exemplar_publish(actor=actor, exemplar=s),
    Action.UNPUBLISH: lambda actor, s: workflow.exemplar_unpublish(
        actor=actor, exemplar=s, reason="Đính chính"
    ),
}


@pytest.mark.parametrize(
    ("state", "action"), list(itertools.product(list(ExemplarState), list(Action)))
)
def test_every_state_and_action(kh, people, province, state, action):
    story = story_in(ExemplarState.DRAFT, kh, people, province.commune_a1)
    stamp = timezone.now() if state == ExemplarState.PUBLISHED else None
    Exemplar.objects.filter(pk=story.pk).update(state=state, published_at=stamp)
    story.refresh_from_db()
    before = ExemplarEvent.objects.filter(exemplar=story).count()

    if (state, action) in TRANSITIONS:
        moved = CALLS[action](people.secretariat, story)
        assert moved.state == TRANSITIONS[(state, action)][0]
        last = ExemplarEvent.objects.filter(exemplar=story).latest("pk")
        assert (last.kind, last.from_state, last.to_state) == (action.value, state, moved.state)
    else:
        with pytest.raises(DomainError) as refused:
            CALLS[action](people.secretariat, story)
        assert refused.value.code == "invalid_transition"
        story.refresh_from_db()
        assert story.state == state
        assert ExemplarEvent.objects.filter(exemplar=story).count() == before


def test_allowed_actions_follow_the_table():
    assert allowed_actions(ExemplarState.DRAFT) == [Action.SUBMIT]
    assert allowed_actions(ExemplarState.APPROVED) == [Action.RETURN, Action.PUBLISH]
    assert allowed_actions(ExemplarState.PUBLISHED) == [Action.UNPUBLISH]


def test_return_needs_a_reason_and_keeps_it(kh, people, province):
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1)

    with pytest.raises(DomainError):
        workflow.exemplar_return(actor=people.secretariat, exemplar=story, reason="  ")
    returned = workflow.exemplar_return(
        actor=people.secretariat, exemplar=story, reason="Thiếu ảnh hiện trường"
    )

    assert returned.return_reason == "Thiếu ảnh hiện trường"
    resubmitted = workflow.exemplar_submit(actor=people.a1_officer, exemplar=returned)
    assert resubmitted.return_reason == ""


def test_publish_needs_a_photo_and_sets_the_date(kh, people, province):
    story = story_in(ExemplarState.APPROVED, kh, people, province.commune_a1, photo=False)

    with pytest.raises(DomainError) as refused:
        workflow.exemplar_publish(actor=people.secretariat, exemplar=story)
    assert refused.value.code == "photo_required"

    story = story_in(ExemplarState.PUBLISHED, kh, people, province.commune_a1, n=1)
    assert story.published_at is not None
    back = workflow.exemplar_unpublish(actor=people.secretariat, exemplar=story, reason="Sai tên")
    assert (back.state, back.published_at) == (ExemplarState.APPROVED, None)


def test_events_are_append_only(kh, people, province):
    story = story_in(ExemplarState.SUBMITTED, kh, people, province.commune_a1)
    event = ExemplarEvent.objects.filter(exemplar=story).first()

    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
