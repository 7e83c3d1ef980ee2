"""The works transition table, exhaustively: every state × every action, and who may act."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.factories.works import ACTUAL_FINISH, NOW, WorkFactory, advance
from thidua.core.errors import DomainError, NotPermitted
from thidua.works import services
from thidua.works.models import Work, WorkEvent, WorkState
from thidua.works.transitions import TRANSITIONS, Action, Actor, allowed_actions

CALLS: dict[Action, Callable[..., Work]] = {
    Action.SUBMIT: lambda actor, work: services.work_submit(actor=actor, work=work),
    Action.APPROVE: lambda actor, work: services.work_approve(actor=actor, work=work, note="Tốt"),
    Action.RETURN: lambda actor, work: services.work_return(
        actor=actor, work=work, reason="Trùng địa điểm", what_to_fix="Chọn ấp khác"
    ),
    Action.START: lambda actor, work: services.work_start(actor=actor, work=work),
    Action.COMPLETE: lambda actor, work: services.work_complete(
        actor=actor, work=work, actual_finish=ACTUAL_FINISH
    ),
    Action.CANCEL: lambda actor, work: services.work_cancel(
        actor=actor, work=work, reason="Không bố trí được vốn"
    ),
}

#: The payload each action stores on its event.
PAYLOADS: dict[Action, dict[str, Any]] = {
    Action.SUBMIT: {},
    Action.APPROVE: {"note": "Tốt"},
    Action.RETURN: {"reason": "Trùng địa điểm", "what_to_fix": "Chọn ấp khác"},
    Action.START: {},
    Action.COMPLETE: {"actual_finish": "2025-02-20"},
    Action.CANCEL: {"reason": "Không bố trí được vốn"},
}

#: People who must be refused, by the kind of actor a transition needs (a commune A1 work).
WRONG_ACTORS = {
    Actor.UNIT: [
        "district_a_officer",  # the approver is not the unit
        "district_a_head",
        "district_a_subtree",  # seeing the commune is not being its staff
        "a2_officer",  # a sibling commune
        "b1_officer",
        "district_b_officer",
        "secretariat",
        "leader",
        "home_affairs_officer",
    ],
    Actor.APPROVER: [
        "a1_officer",  # the unit cannot approve its own work
        "a1_head",
        "a2_officer",
        "b1_officer",
        "district_b_officer",  # the district of another commune
        "secretariat",  # communes register through their district (KH 128 II.2.b)
        "leader",
        "health_officer",
    ],
}

ALL_PAIRS = [(state, action) for state in WorkState for action in Action]
ALLOWED = sorted(TRANSITIONS, key=lambda pair: (pair[0].value, pair[1].value))


def _commune_work(kh, province, state: WorkState) -> Work:
    return WorkFactory(campaign=kh.campaign, unit=province.commune_a1, state=state)


def _right_actor(people, who: Actor):
    return people.a1_officer if who is Actor.UNIT else people.district_a_officer


@pytest.mark.parametrize(("state", "action"), ALL_PAIRS, ids=lambda v: str(v))
def test_transition_table_state_by_action_changes_state_or_refuses(
    kh, province, people, state, action
):
    work = _commune_work(kh, province, state)
    entry = TRANSITIONS.get((state, action))

    if entry is None:
        for actor in (people.a1_officer, people.district_a_officer):
            with pytest.raises(DomainError) as refused:
                CALLS[action](actor, work)
            assert refused.value.code == "invalid_transition"
            assert not isinstance(refused.value, NotPermitted)
        work.refresh_from_db()
        assert work.state == state
        assert not WorkEvent.objects.filter(work=work).exists()
        return
    target, who = entry
    actor = _right_actor(people, who)

    result = CALLS[action](actor, work)

    work.refresh_from_db()
    assert result.state == work.state == target
    event = WorkEvent.objects.get(work=work)
    assert (event.kind, event.actor, event.from_state, event.to_state) == (
        action.value,
        actor,
        state.value,
        target.value,
    )
    assert event.payload == PAYLOADS[action]
    assert event.at == NOW


def test_transition_table_has_no_exit_from_completed_or_cancelled():
    assert allowed_actions(WorkState.COMPLETED) == []
    assert allowed_actions(WorkState.CANCELLED) == []
    assert allowed_actions(WorkState.SUBMITTED) == [Action.APPROVE, Action.RETURN]


@pytest.mark.parametrize(("state", "action"), ALLOWED, ids=lambda v: str(v))
def test_transition_by_wrong_actor_is_denied_and_leaves_no_trace(
    kh, province, people, state, action
):
    work = _commune_work(kh, province, state)
    _target, who = TRANSITIONS[(state, action)]
    accepted = []

    for name in WRONG_ACTORS[who]:
        try:
            CALLS[action](getattr(people, name), work)
        except NotPermitted:
            continue
        accepted.append(name)

    assert accepted == []
    work.refresh_from_db()
    assert work.state == state
    assert not WorkEvent.objects.filter(work=work).exists()


def test_transition_district_head_approves_and_commune_head_submits(kh, province, people):
    work = _commune_work(kh, province, WorkState.DRAFT)

    services.work_submit(actor=people.a1_head, work=work)
    services.work_approve(actor=people.district_a_head, work=work)

    work.refresh_from_db()
    assert work.state == WorkState.APPROVED
    assert [(e.kind, e.actor) for e in work.events.all()] == [
        ("submit", people.a1_head),
        ("approve", people.district_a_head),
    ]


def test_transition_full_path_leaves_one_event_per_step(kh, province, people):
    work = _commune_work(kh, province, WorkState.DRAFT)

    advance(
        work, WorkState.COMPLETED, unit_actor=people.a1_officer, approver=people.district_a_officer
    )

    work.refresh_from_db()
    assert (work.state, work.actual_finish, work.percent_complete) == (
        WorkState.COMPLETED,
        ACTUAL_FINISH,
        100,
    )
    assert [(e.kind, e.from_state, e.to_state, e.actor) for e in work.events.all()] == [
        ("submit", "draft", "submitted", people.a1_officer),
        ("approve", "submitted", "approved", people.district_a_officer),
        ("start", "approved", "in_progress", people.a1_officer),
        ("complete", "in_progress", "completed", people.a1_officer),
    ]


def test_transition_returned_work_is_corrected_and_submitted_again(kh, province, people):
    work = _commune_work(kh, province, WorkState.DRAFT)
    advance(
        work, WorkState.RETURNED, unit_actor=people.a1_officer, approver=people.district_a_officer
    )
    returned = work.events.get(kind="return")

    services.work_update(
        actor=people.a1_officer,
        work=work,
        data=services.WorkData(
            kind="construction",
            title="Cầu bê tông kênh Ba Sơn (nguồn vốn xã)",
            planned_start=work.planned_start,
            planned_finish=work.planned_finish,
            budget_source="Ngân sách xã",
        ),
    )
    services.work_submit(actor=people.a1_officer, work=work)

    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED
    assert returned.payload == {"reason": "Thiếu kinh phí", "what_to_fix": "Ghi nguồn vốn"}
    assert [e.kind for e in work.events.all()] == ["submit", "return", "edited", "submit"]


@pytest.mark.parametrize(
    ("reason", "what_to_fix"), [("", "Ghi nguồn vốn"), ("Thiếu kinh phí", ""), ("  ", "  ")]
)
def test_transition_return_without_reason_or_fix_is_refused(
    kh, province, people, reason, what_to_fix
):
    work = _commune_work(kh, province, WorkState.SUBMITTED)

    with pytest.raises(DomainError) as refused:
        services.work_return(
            actor=people.district_a_officer, work=work, reason=reason, what_to_fix=what_to_fix
        )

    assert refused.value.code == "reason_required"
    assert "lý do" in refused.value.message
    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED
    assert not work.events.exists()


@pytest.mark.parametrize("state", [WorkState.DRAFT, WorkState.APPROVED])
def test_transition_cancel_without_reason_is_refused(kh, province, people, state):
    work = _commune_work(kh, province, state)
    actor = people.a1_officer if state == WorkState.DRAFT else people.district_a_officer

    with pytest.raises(DomainError) as refused:
        services.work_cancel(actor=actor, work=work, reason=" ")

    assert refused.value.code == "reason_required"
    work.refresh_from_db()
    assert work.state == state
    assert not work.events.exists()


def test_transition_refusal_message_names_action_and_state_in_vietnamese(kh, province, people):
    work = _commune_work(kh, province, WorkState.COMPLETED)

    with pytest.raises(DomainError) as refused:
        services.work_submit(actor=people.a1_officer, work=work)

    assert refused.value.message == "Không thể “gửi duyệt” khi công trình đang “Hoàn thành”."
