"""A secret ballot cannot be traced back to a member: after several members vote,
nothing in the database (any model of the app, the events) links a member to a choice,
and the sealed ballots open only as sums, with the tally code that the database never
holds. ND 98/2023/NĐ-CP Điều 30.7: CSTĐCS, CSTĐ tỉnh and Cờ thi đua are voted by secret
ballot."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.db import models

from tests.factories.councils import make_session, nominations, seats, secret_counts
from thidua.core.errors import DomainError
from thidua.councils import ballot_box, services
from thidua.councils.models import (
    AgendaItem,
    BallotReceipt,
    CouncilEvent,
    CouncilMember,
    CouncilSession,
    SecretBallot,
    SessionState,
    Vote,
    VoteChoice,
)
from thidua.councils.secret_ballots import counts_verified

CHOICES = [VoteChoice.YES, VoteChoice.NO, VoteChoice.YES, VoteChoice.ABSTAIN, VoteChoice.YES]


def _voted_secretly(kh, people, province):
    items = nominations(kh, province, 1, form=kh.cstd)
    session = make_session(kh, people, members=6, present=5, written=1, items=items)
    session = services.session_open(actor=people.secretariat, session=session)
    item = session.items.get()
    present = [s for s in seats(session) if s.attendance == "present"]
    for seat, choice in zip(present, CHOICES, strict=True):
        services.council_vote(actor=seat.user, item=item, choice=choice)
    services.council_written_vote(
        actor=people.secretariat, item=item, member=seats(session)[-1], choice=VoteChoice.NO
    )
    return session, item


def _links_member(model: type[models.Model]) -> bool:
    for field in model._meta.get_fields():
        target = getattr(field, "related_model", None)
        if target is CouncilMember and (field.many_to_one or field.one_to_one):
            return True
    return False


def _holds_choice(model: type[models.Model]) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.choices and set(VoteChoice.values) <= {value for value, _label in f.choices}
    ]


def test_no_row_relates_a_member_to_a_secret_choice(kh, people, province):
    session, item = _voted_secretly(kh, people, province)

    for model in apps.get_app_config("councils").get_models():
        if _links_member(model) and _holds_choice(model):
            # Only the open-vote table may hold both: it has no row for the secret item.
            assert model is Vote
            assert not Vote.objects.filter(item=item).exists()
        elif _links_member(model):
            columns = {f.attname for f in model._meta.concrete_fields}
            assert not columns & {"choice", "sealed", "at", "created_at"}, model

    receipt_columns = {f.attname for f in BallotReceipt._meta.concrete_fields}
    assert receipt_columns == {"id", "item_id", "member_id", "written"}
    ballot_columns = {f.attname for f in SecretBallot._meta.concrete_fields}
    assert ballot_columns == {"id", "item_id", "sealed"}
    assert BallotReceipt.objects.filter(item=item).count() == 6
    assert SecretBallot.objects.filter(item=item).count() == 6
    assert secret_counts(item, session.tally_code) == (3, 2, 1)


def test_a_sealed_ballot_reads_the_same_whatever_the_choice(kh, people, province):
    _session, item = _voted_secretly(kh, people, province)

    sealed = [
        bytes(b) for b in SecretBallot.objects.filter(item=item).values_list("sealed", flat=True)
    ]

    # Every ballot is 3 ciphertexts of 2 group elements, 256 bytes each, all different:
    # a yes and a no ballot differ only in what the key alone can open.
    assert {len(ballot) for ballot in sealed} == {3 * 2 * ballot_box.WIDTH}
    numbers = [
        ballot[i : i + ballot_box.WIDTH]
        for ballot in sealed
        for i in range(0, len(ballot), ballot_box.WIDTH)
    ]
    assert len(numbers) == 6 * 3 * 2 == len(set(numbers))
    assert all(1 < int.from_bytes(value, "big") < ballot_box.P for value in numbers)


def test_the_database_never_holds_the_tally_code_or_its_secret(kh, people, province):
    session, _item = _voted_secretly(kh, people, province)
    secret = ballot_box.secret_of(session.tally_code, session.ballot_salt)

    stored = CouncilSession.objects.get(pk=session.pk)
    every_value = json.dumps(
        [list(model.objects.values()) for model in apps.get_app_config("councils").get_models()],
        default=str,
    )

    assert stored.ballot_key == format(ballot_box.public_of(secret), "x")
    assert stored.tally_code == ""
    assert ballot_box.normalise_code(session.tally_code) not in every_value.upper()
    assert format(secret, "x") not in every_value


def test_ballot_ids_are_random_not_in_casting_order(kh, people, province):
    _session, item = _voted_secretly(kh, people, province)

    ids = [str(pk) for pk in SecretBallot.objects.filter(item=item).values_list("pk", flat=True)]

    assert len(set(ids)) == 6
    assert all(len(value) == 36 for value in ids)  # UUID4, not a sequence


def test_events_of_secret_votes_say_only_who_voted_on_what(kh, people, province):
    session, item = _voted_secretly(kh, people, province)

    events = CouncilEvent.objects.filter(session=session, kind="secret_ballot_cast")

    assert events.count() == 6
    member_ids = set(CouncilMember.objects.filter(session=session).values_list("pk", flat=True))
    for event in events:
        assert set(event.payload) == {"member", "item"}
        assert event.payload["item"] == item.pk and event.payload["member"] in member_ids
    every_payload = json.dumps(
        list(CouncilEvent.objects.filter(session=session).values_list("payload", flat=True))
    )
    assert "choice" not in every_payload
    assert not CouncilEvent.objects.filter(session=session, kind="vote_cast").exists()


def test_the_closed_results_are_counts_only_with_a_proof_anyone_can_check(kh, people, province):
    session, item = _voted_secretly(kh, people, province)

    services.session_close(actor=people.secretariat, session=session)

    item.refresh_from_db()
    assert (item.yes_count, item.no_count, item.abstain_count) == (3, 2, 1)
    assert item.passed is False  # 3 of 6 members is below 90 %
    assert not Vote.objects.filter(item=item).exists()
    assert item.tally_proof["ballots"] == 6
    assert counts_verified(item, CouncilSession.objects.get(pk=session.pk))


def test_a_forged_count_fails_the_proof(kh, people, province):
    session, item = _voted_secretly(kh, people, province)
    services.session_close(actor=people.secretariat, session=session)

    AgendaItem.objects.filter(pk=item.pk).update(yes_count=5, no_count=0)  # a direct edit

    forged = AgendaItem.objects.get(pk=item.pk)
    assert not counts_verified(forged, CouncilSession.objects.get(pk=session.pk))


def test_closing_needs_the_right_tally_code_and_changes_nothing_without_it(kh, people, province):
    session, item = _voted_secretly(kh, people, province)
    stored = CouncilSession.objects.get(pk=session.pk)  # as a page loads it: no code

    with pytest.raises(DomainError, match="Hãy nhập mã kiểm phiếu"):
        services.session_close(actor=people.secretariat, session=stored)
    with pytest.raises(DomainError, match="Mã kiểm phiếu không đúng"):
        services.session_close(
            actor=people.secretariat, session=stored, tally_code=ballot_box.new_code()
        )

    assert CouncilSession.objects.get(pk=session.pk).state == SessionState.OPEN
    assert AgendaItem.objects.get(pk=item.pk).yes_count is None
    typed = session.tally_code.lower().replace("-", " ")  # read aloud, typed loosely
    closed = services.session_close(actor=people.secretariat, session=stored, tally_code=typed)
    assert closed.state == SessionState.CLOSED


def test_a_session_without_secret_items_has_no_ballot_key(kh, people, province):
    session = make_session(kh, people, members=3, items=nominations(kh, province, 1))

    opened = services.session_open(actor=people.secretariat, session=session)

    assert opened.tally_code == "" and opened.ballot_key == ""


def test_a_lost_code_leaves_the_secret_items_uncounted_for_a_new_session(kh, people, province):
    session, item = _voted_secretly(kh, people, province)
    stored = CouncilSession.objects.get(pk=session.pk)

    services.session_close(actor=people.secretariat, session=stored, code_lost=True)

    item.refresh_from_db()
    assert item.outcome == "uncounted" and item.yes_count is None
    assert item.nomination.state == "to_council"  # waits for a new session
