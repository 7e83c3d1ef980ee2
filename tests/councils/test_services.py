"""Preparing, opening, voting and closing: the quorum, the thresholds over all members,
one vote per member, written opinions of absent members, quotas at closing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories.councils import make_session, nominations, seats, secret_counts, vote_all
from thidua.awards.models import NominationState, Quota
from thidua.core.errors import DomainError, NotPermitted
from thidua.councils import services
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    CouncilEvent,
    Outcome,
    SessionState,
    Vote,
    VoteChoice,
)
from thidua.councils.results import threshold_passed

YES, NO, ABSTAIN = VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN


def _open(session, people):
    return services.session_open(actor=people.secretariat, session=session)


def _close(session, people):
    return services.session_close(actor=people.secretariat, session=session)


def test_open_with_exactly_80_percent_present(kh, people, province):
    session = make_session(kh, people, members=10, present=8, items=nominations(kh, province, 1))

    opened = _open(session, people)

    assert opened.state == SessionState.OPEN
    assert opened.opened_at is not None


def test_open_refused_just_below_quorum(kh, people, province):
    session = make_session(
        kh, people, members=10, present=7, written=3, items=nominations(kh, province, 1)
    )

    with pytest.raises(DomainError) as refusal:
        _open(session, people)

    assert refusal.value.code == "no_quorum"
    assert "có mặt 7/10 thành viên" in refusal.value.message
    assert "ít nhất 80 %" in refusal.value.message
    session.refresh_from_db()
    assert session.state == SessionState.PLANNED


def test_quorum_share_is_configurable(kh, people, province):
    session = make_session(
        kh,
        people,
        members=9,
        present=6,
        items=nominations(kh, province, 1),
        quorum_share=Decimal("0.667"),
    )

    with pytest.raises(DomainError):
        _open(session, people)  # 6 < 0,667 × 9 = 6,003

    services.session_set_attendance(
        actor=people.secretariat, member=seats(session)[6], attendance=Attendance.PRESENT
    )
    assert _open(session, people).state == SessionState.OPEN


def test_open_refused_without_agenda(kh, people):
    session = make_session(kh, people, members=3)

    with pytest.raises(DomainError) as refusal:
        _open(session, people)

    assert refusal.value.code == "no_agenda"


@pytest.mark.parametrize(
    ("yes", "cast", "total", "threshold", "over_all", "expected"),
    [
        (8, 10, 10, Decimal("0.8"), True, (True, 10)),
        (7, 7, 10, Decimal("0.8"), True, (False, 10)),
        (6, 8, 8, Decimal("0.8"), False, (False, 8)),
        (9, 10, 10, Decimal("0.9"), True, (True, 10)),
        (8, 10, 10, Decimal("0.9"), True, (False, 10)),
        (6, 7, 10, Decimal("0.8"), False, (True, 7)),
        (6, 6, 11, None, True, (True, 11)),
        (5, 5, 10, None, True, (False, 10)),
        (0, 0, 10, Decimal("0.8"), False, (False, 0)),
    ],
)
def test_threshold_boundaries(yes, cast, total, threshold, over_all, expected):
    assert (
        threshold_passed(
            yes=yes, cast=cast, total=total, threshold=threshold, over_all_members=over_all
        )
        == expected
    )


def test_8_of_10_members_pass_at_80_percent(kh, people, province):
    [nomination] = nominations(kh, province, 1)
    session = _open(make_session(kh, people, members=10, items=[nomination]), people)
    item = session.items.get()
    vote_all(session, item, [YES] * 8 + [NO, ABSTAIN])

    _close(session, people)

    item.refresh_from_db()
    nomination.refresh_from_db()
    assert (item.yes_count, item.no_count, item.abstain_count) == (8, 1, 1)
    assert item.base_count == 10 and item.passed is True
    assert item.outcome == Outcome.APPROVED
    assert nomination.state == NominationState.APPROVED


def test_7_of_10_fail_even_when_every_present_member_said_yes(kh, people, province):
    [nomination] = nominations(kh, province, 1)
    session = make_session(kh, people, members=10, present=8, written=2, items=[nomination])
    session = _open(session, people)
    item = session.items.get()
    vote_all(session, item, [YES] * 7)  # the eighth present member does not vote

    _close(session, people)

    item.refresh_from_db()
    nomination.refresh_from_db()
    assert item.yes_count == 7 and item.base_count == 10
    assert item.passed is False and item.outcome == Outcome.NOT_APPROVED
    assert nomination.state == NominationState.NOT_APPROVED


def test_written_opinions_of_absent_members_are_counted(kh, people, province):
    [nomination] = nominations(kh, province, 1)
    session = make_session(kh, people, members=10, present=8, written=2, items=[nomination])
    session = _open(session, people)
    item = session.items.get()
    vote_all(session, item, [YES] * 7 + [NO])
    absent = [s for s in seats(session) if s.attendance == Attendance.WRITTEN]

    services.council_written_vote(actor=people.secretariat, item=item, member=absent[0], choice=YES)
    services.council_written_vote(
        actor=people.secretariat, item=item, member=absent[1], choice=ABSTAIN
    )
    _close(session, people)

    item.refresh_from_db()
    assert (item.yes_count, item.no_count, item.abstain_count) == (8, 1, 1)
    assert item.passed is True
    assert Vote.objects.filter(item=item, written=True).count() == 2


def test_a_rule_without_threshold_needs_more_than_half_of_all_members(kh, people, province):
    from tests.factories.councils import form_with_rule

    form = form_with_rule(threshold=None)
    first, second = nominations(kh, province, 2, form=form)
    session = _open(make_session(kh, people, members=10, items=[first, second]), people)
    one, two = session.items.order_by("order")
    vote_all(session, one, [YES] * 6 + [NO] * 4)
    vote_all(session, two, [YES] * 5 + [NO] * 5)

    _close(session, people)

    one.refresh_from_db()
    two.refresh_from_db()
    assert one.passed is True and two.passed is False


def test_a_member_votes_once_per_item(kh, people, province):
    session = _open(make_session(kh, people, members=3, items=nominations(kh, province, 1)), people)
    item = session.items.get()
    voter = people.councillors[1]
    services.council_vote(actor=voter, item=item, choice=YES)

    with pytest.raises(DomainError) as refusal:
        services.council_vote(actor=voter, item=item, choice=NO)

    assert refusal.value.code == "already_voted"
    assert Vote.objects.get(item=item, member__user=voter).choice == YES


def test_secret_ballot_once_too(kh, people, province):
    session = make_session(kh, people, members=3, items=nominations(kh, province, 1, form=kh.cstd))
    session = _open(session, people)
    item = session.items.get()
    voter = people.councillors[1]
    services.council_vote(actor=voter, item=item, choice=YES)

    with pytest.raises(DomainError):
        services.council_vote(actor=voter, item=item, choice=YES)

    assert secret_counts(item, session.tally_code)[:2] == (1, 0)


def test_a_bad_choice_is_refused(kh, people, province):
    session = _open(make_session(kh, people, members=3, items=nominations(kh, province, 1)), people)

    with pytest.raises(DomainError) as refusal:
        services.council_vote(actor=people.councillors[0], item=session.items.get(), choice="có")

    assert "Đồng ý" in refusal.value.message


def test_an_absent_member_cannot_vote_in_person(kh, people, province):
    session = make_session(
        kh, people, members=5, present=4, written=1, items=nominations(kh, province, 1)
    )
    session = _open(session, people)
    absent = seats(session)[-1]

    with pytest.raises(DomainError) as refusal:
        services.council_vote(actor=absent.user, item=session.items.get(), choice=YES)

    assert refusal.value.code == "not_present"


def test_written_votes_only_for_members_absent_with_an_opinion(kh, people, province):
    session = make_session(kh, people, members=5, present=4, items=nominations(kh, province, 1))
    session = _open(session, people)
    plain_absent = seats(session)[-1]

    with pytest.raises(DomainError) as refusal:
        services.council_written_vote(
            actor=people.secretariat, item=session.items.get(), member=plain_absent, choice=YES
        )

    assert refusal.value.code == "not_written"


def test_a_stranger_cannot_vote(kh, people, province):
    session = _open(make_session(kh, people, members=3, items=nominations(kh, province, 1)), people)

    with pytest.raises(NotPermitted):
        services.council_vote(
            actor=people.outsider_councillor, item=session.items.get(), choice=YES
        )


def test_quota_refusal_is_recorded_as_not_approved_with_its_message(kh, people, province):
    Quota.objects.create(campaign=kh.campaign, form=kh.bang_khen, maximum=1)
    first, second = nominations(kh, province, 2)
    session = _open(make_session(kh, people, members=5, items=[first, second]), people)
    for item in session.items.all():
        vote_all(session, item, [YES] * 5)

    _close(session, people)

    one, two = AgendaItem.objects.filter(session=session).order_by("order")
    first.refresh_from_db()
    second.refresh_from_db()
    assert one.outcome == Outcome.APPROVED and first.state == NominationState.APPROVED
    assert two.passed is True and two.outcome == Outcome.REFUSED
    assert second.state == NominationState.NOT_APPROVED
    assert two.outcome_note


def test_only_candidates_join_the_agenda(kh, people, province):
    [draft] = nominations(kh, province, 1)
    draft.state = NominationState.DRAFT
    draft.save()
    [other_phase] = nominations(kh, province, 1)
    other_phase.phase = kh.phase2
    other_phase.save()
    session = make_session(kh, people, members=3)

    for nomination in (draft, other_phase):
        with pytest.raises(DomainError) as refusal:
            services.session_add_items(
                actor=people.secretariat, session=session, nominations=[nomination]
            )
        assert refusal.value.code == "not_candidate"


def test_a_nomination_is_on_one_open_agenda_at_a_time(kh, people, province):
    [nomination] = nominations(kh, province, 1)
    make_session(kh, people, members=3, items=[nomination])
    second = make_session(kh, people, members=3, title="Phiên khác")

    with pytest.raises(DomainError):
        services.session_add_items(
            actor=people.secretariat, session=second, nominations=[nomination]
        )


def test_rule_is_copied_to_the_item(kh, people, province):
    items = nominations(kh, province, 1) + nominations(kh, province, 1, form=kh.cstd)

    session = make_session(kh, people, members=3, items=items)

    plain, secret = session.items.order_by("order")
    assert (plain.secret_ballot, plain.threshold) == (False, Decimal("0.800"))
    assert (secret.secret_ballot, secret.threshold) == (True, Decimal("0.900"))
    assert not secret.ballots.exists()


def test_one_chair_and_one_secretary(kh, people):
    session = make_session(kh, people, members=3)

    with pytest.raises(DomainError) as refusal:
        services.session_add_member(
            actor=people.secretariat, session=session, name="Ông Khác", role="chair"
        )

    assert refusal.value.code == "duplicate_role"


def test_only_council_member_accounts_are_seated(kh, people):
    session = make_session(kh, people, members=3)

    with pytest.raises(DomainError) as refusal:
        services.session_add_member(
            actor=people.secretariat, session=session, user=people.unit_officer
        )

    assert refusal.value.code == "not_council_member"


def test_closing_leaves_events_and_minutes(kh, people, province):
    session = _open(make_session(kh, people, members=3, items=nominations(kh, province, 2)), people)

    closed = _close(session, people)

    assert closed.minutes.name.endswith(".docx") and len(closed.minutes_sha256) == 64
    kinds = list(CouncilEvent.objects.filter(session=session).values_list("kind", flat=True))
    assert kinds[0] == "created" and kinds[-1] == "close"
    results = CouncilEvent.objects.get(session=session, kind="close").payload["results"]
    assert [r["outcome"] for r in results] == [Outcome.NOT_APPROVED] * 2


def test_events_are_append_only(kh, people):
    session = make_session(kh, people, members=1)
    event = CouncilEvent.objects.filter(session=session).first()

    with pytest.raises(ValueError, match="append-only"):
        event.save()
