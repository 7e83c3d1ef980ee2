"""A secret ballot cannot be traced back to a member: after several members vote,
nothing in the database (any model of the app, the events) links a member to a choice.
ND 98/2023/NĐ-CP Điều 30.7: CSTĐCS, CSTĐ tỉnh and Cờ thi đua are voted by secret ballot."""

from __future__ import annotations

import json

from django.apps import apps
from django.db import models

from tests.factories.councils import make_session, nominations, seats
from thidua.councils import services
from thidua.councils.models import (
    BallotReceipt,
    CouncilEvent,
    CouncilMember,
    SecretTally,
    Vote,
    VoteChoice,
)

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
    _session, item = _voted_secretly(kh, people, province)

    for model in apps.get_app_config("councils").get_models():
        if _links_member(model) and _holds_choice(model):
            # Only the open-vote table may hold both: it has no row for the secret item.
            assert model is Vote
            assert not Vote.objects.filter(item=item).exists()
        elif _links_member(model):
            columns = {f.attname for f in model._meta.concrete_fields}
            assert not columns & {"choice", "yes", "no", "abstain", "at", "created_at"}, model

    receipt_columns = {f.attname for f in BallotReceipt._meta.concrete_fields}
    assert receipt_columns == {"id", "item_id", "member_id", "written"}
    tally_columns = {f.attname for f in SecretTally._meta.concrete_fields}
    assert tally_columns == {"id", "item_id", "yes", "no", "abstain"}
    assert BallotReceipt.objects.filter(item=item).count() == 6
    assert (item.tally.yes, item.tally.no, item.tally.abstain) == (3, 2, 1)


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


def test_the_closed_results_are_counts_only(kh, people, province):
    session, item = _voted_secretly(kh, people, province)

    services.session_close(actor=people.secretariat, session=session)

    item.refresh_from_db()
    assert (item.yes_count, item.no_count, item.abstain_count) == (3, 2, 1)
    assert item.passed is False  # 3 of 6 members is below 90 %
    assert not Vote.objects.filter(item=item).exists()
