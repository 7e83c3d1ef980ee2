"""The report transition table, exhaustively: every state × every action, and who may act."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import Province
from tests.factories.reports import VN, People, at, put_in_state, report_of
from thidua.core.dates import WeekendPolicy
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.models import Notification
from thidua.reports import services
from thidua.reports.models import ReportEvent, ReportPeriod, ReportState, UnitReport
from thidua.reports.transitions import TRANSITIONS, Action, Actor, allowed_actions

CALLS: dict[Action, Callable[[Any, UnitReport], UnitReport]] = {
    Action.SUBMIT: lambda actor, report: services.report_submit(actor=actor, report=report),
    Action.RETURN: lambda actor, report: services.report_return(
        actor=actor, report=report, reason="Thiếu số liệu chỉ tiêu"
    ),
    Action.ACCEPT: lambda actor, report: services.report_accept(actor=actor, report=report),
}
PAYLOADS = {
    Action.SUBMIT: {"late": False},
    Action.RETURN: {"reason": "Thiếu số liệu chỉ tiêu"},
    Action.ACCEPT: {},
}

#: People who must be refused, by the kind of actor a transition needs (Sở Y tế's report).
WRONG_ACTORS = {
    Actor.HEAD: [
        "health_officer",  # an officer drafts; only the head confirms and submits
        "home_head",  # the head of another unit
        "district_a_head",
        "secretariat",
        "leader",
        "admin",  # the confirmation is the head's own act
        "a1_officer",
    ],
    Actor.SECRETARIAT: [
        "health_officer",  # a unit cannot accept or return its own report
        "health_head",
        "home_head",
        "district_a_subtree",
        "leader",
        "other_secretariat",  # another province's Ban TĐKT
    ],
}
RIGHT_ACTOR = {Actor.HEAD: "health_head", Actor.SECRETARIAT: "secretariat"}

ALL_PAIRS = [(state, action) for state in ReportState for action in Action]
ALLOWED = sorted(TRANSITIONS, key=lambda pair: (pair[0].value, pair[1].value))


@pytest.fixture(autouse=True)
def _in_q4() -> Iterator[None]:
    """10/12/2024 09:00 in Vietnam: inside quý IV/2024, before its due date."""
    with at(2024, 12, 10, 9):
        yield


@pytest.fixture
def q4(generated: list[ReportPeriod]) -> ReportPeriod:
    return generated[0]


def health_report(q4: ReportPeriod, province: Province, state: ReportState) -> UnitReport:
    report = report_of(q4, province.health)
    return put_in_state(report, state, summary="Kết quả thực hiện quý IV/2024")


@pytest.mark.parametrize(("state", "action"), ALL_PAIRS, ids=str)
def test_transition_table_state_by_action_changes_state_or_refuses(
    q4: ReportPeriod, province: Province, people: People, state: ReportState, action: Action
) -> None:
    report = health_report(q4, province, state)
    entry = TRANSITIONS.get((state, action))

    if entry is None:
        for actor in (people.health_head, people.secretariat):
            with pytest.raises(DomainError) as refused:
                CALLS[action](actor, report)
            assert refused.value.code == "invalid_transition"
            assert not isinstance(refused.value, NotPermitted)
        report.refresh_from_db()
        assert report.state == state
        assert not report.events.exclude(kind="created").exists()
        return
    target, who = entry
    actor = getattr(people, RIGHT_ACTOR[who])

    result = CALLS[action](actor, report)

    report.refresh_from_db()
    assert result.state == report.state == target
    event = report.events.exclude(kind="created").get()
    assert (event.kind, event.actor, event.from_state, event.to_state) == (
        action.value,
        actor,
        state.value,
        target.value,
    )
    assert event.payload == PAYLOADS[action]
    assert event.at == timezone.now()


@pytest.mark.parametrize(("state", "action"), ALLOWED, ids=str)
def test_transition_by_wrong_actor_is_denied_and_leaves_no_trace(
    q4: ReportPeriod, province: Province, people: People, state: ReportState, action: Action
) -> None:
    report = health_report(q4, province, state)
    _target, who = TRANSITIONS[(state, action)]
    accepted = []

    for name in WRONG_ACTORS[who]:
        try:
            CALLS[action](getattr(people, name), report)
        except NotPermitted:
            continue
        accepted.append(name)

    assert accepted == []
    report.refresh_from_db()
    assert report.state == state
    assert not report.events.exclude(kind="created").exists()


def test_transition_table_ends_at_accepted() -> None:
    assert allowed_actions(ReportState.ACCEPTED) == []
    assert allowed_actions(ReportState.SUBMITTED) == [Action.RETURN, Action.ACCEPT]
    assert allowed_actions(ReportState.OPEN) == [Action.SUBMIT]


def test_submit_records_the_confirming_head(
    q4: ReportPeriod, province: Province, people: People
) -> None:
    report = health_report(q4, province, ReportState.OPEN)

    services.report_submit(actor=people.health_head, report=report)

    report.refresh_from_db()
    now = timezone.now()
    assert (report.confirmed_by, report.confirmed_at, report.submitted_at) == (
        people.health_head,
        now,
        now,
    )
    assert report.submitted_late is False
    assert report.prefill["as_of"] == "2024-12-10"  # a snapshot is kept with what was submitted


@pytest.mark.parametrize(
    ("policy", "moment", "late"),
    [
        (WeekendPolicy.KEEP, (2024, 12, 15, 23, 59), False),  # the due day itself, 23:59
        (WeekendPolicy.KEEP, (2024, 12, 16, 0, 1), True),  # one minute into the next day
        (WeekendPolicy.PREVIOUS_WORKING_DAY, (2024, 12, 13, 23, 59), False),
        (WeekendPolicy.PREVIOUS_WORKING_DAY, (2024, 12, 14, 0, 1), True),
        (WeekendPolicy.NEXT_WORKING_DAY, (2024, 12, 16, 23, 59), False),
        (WeekendPolicy.NEXT_WORKING_DAY, (2024, 12, 17, 0, 1), True),
    ],
)
def test_submit_late_flag_on_both_sides_of_the_effective_due_date(
    kh: Any,
    province: Province,
    people: People,
    policy: WeekendPolicy,
    moment: tuple[int, ...],
    late: bool,
) -> None:
    kh.rule.weekend_policy = policy.value
    kh.rule.save()
    services.report_periods_generate(kh.campaign)
    period = ReportPeriod.objects.get(campaign=kh.campaign, year=2024, number=4)
    report = health_report(period, province, ReportState.OPEN)

    with at(*moment):
        services.report_submit(actor=people.health_head, report=report)

    report.refresh_from_db()
    assert report.submitted_late is late
    assert report.submitted_at is not None
    assert report.submitted_at.astimezone(VN).timetuple()[:5] == moment
    assert report.events.get(kind="submit").payload == {"late": late}


def test_transition_full_path_leaves_one_event_per_step(
    q4: ReportPeriod, province: Province, people: People
) -> None:
    report = health_report(q4, province, ReportState.OPEN)

    services.report_submit(actor=people.health_head, report=report)
    services.report_return(actor=people.secretariat, report=report, reason="Bổ sung số liệu")
    report.refresh_from_db()
    returned_reason = report.return_reason
    with at(2024, 12, 17, 10):
        services.report_submit(actor=people.health_head, report=report)
        services.report_accept(actor=people.secretariat, report=report)

    report.refresh_from_db()
    assert returned_reason == "Bổ sung số liệu"
    assert (report.state, report.return_reason, report.submitted_late) == ("accepted", "", True)
    assert report.accepted_at is not None
    assert [
        (e.kind, e.from_state, e.to_state, e.actor, e.payload)
        for e in ReportEvent.objects.filter(report=report).order_by("at", "pk")
    ] == [
        ("created", "", "open", None, {}),
        ("submit", "open", "submitted", people.health_head, {"late": False}),
        ("return", "submitted", "returned", people.secretariat, {"reason": "Bổ sung số liệu"}),
        ("submit", "returned", "submitted", people.health_head, {"late": True}),
        ("accept", "submitted", "accepted", people.secretariat, {}),
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_return_without_reason_is_refused(
    q4: ReportPeriod, province: Province, people: People, reason: str
) -> None:
    report = health_report(q4, province, ReportState.SUBMITTED)

    with pytest.raises(DomainError) as refused:
        services.report_return(actor=people.secretariat, report=report, reason=reason)

    assert refused.value.code == "reason_required"
    assert refused.value.message == "Hãy ghi lý do trả lại báo cáo."
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_submit_empty_summary_is_refused(
    q4: ReportPeriod, province: Province, people: People
) -> None:
    report = put_in_state(report_of(q4, province.health), ReportState.OPEN, summary=" ")

    with pytest.raises(DomainError) as refused:
        services.report_submit(actor=people.health_head, report=report)

    assert refused.value.code == "summary_required"
    report.refresh_from_db()
    assert (report.state, report.submitted_at) == (ReportState.OPEN, None)
    assert not report.events.filter(kind="submit").exists()


def test_submit_before_the_period_starts_is_refused(
    generated: list[ReportPeriod], province: Province, people: People
) -> None:
    report = health_report(generated[1], province, ReportState.OPEN)  # quý I/2025

    with pytest.raises(DomainError) as refused:
        services.report_submit(actor=people.health_head, report=report)

    assert refused.value.code == "period_not_started"
    assert refused.value.message == "Kỳ báo cáo Quý I/2025 chưa bắt đầu."


def test_refusal_message_names_action_and_state_in_vietnamese(
    q4: ReportPeriod, province: Province, people: People
) -> None:
    report = health_report(q4, province, ReportState.ACCEPTED)

    with pytest.raises(DomainError) as refused:
        services.report_submit(actor=people.health_head, report=report)

    assert refused.value.message == "Không thể “nộp” khi báo cáo đang “Đã tiếp nhận”."


@pytest.mark.django_db(transaction=True)
def test_return_and_accept_notify_the_unit_staff_only(
    q4: ReportPeriod, province: Province, people: People
) -> None:
    report = health_report(q4, province, ReportState.SUBMITTED)

    services.report_return(actor=people.secretariat, report=report, reason="Thiếu phụ lục")
    services.report_submit(actor=people.health_head, report=report)
    services.report_accept(actor=people.secretariat, report=report)

    rows = list(Notification.objects.order_by("kind", "user_id").values_list("kind", "user_id"))
    staff = sorted([people.health_officer.pk, people.health_head.pk])
    assert rows == [("report_accepted", pk) for pk in staff] + [
        ("report_returned", pk) for pk in staff
    ]
    returned = Notification.objects.filter(kind="report_returned").first()
    assert returned is not None
    assert (returned.title, returned.body) == (
        "Báo cáo Quý IV/2024 theo 128/KH-UBND bị trả lại",
        "Lý do: Thiếu phụ lục",
    )
