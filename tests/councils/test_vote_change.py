"""A member changes their vote until the session closes: confirmed first, recorded as an
event, refused after closing; a secret ballot only from the device that cast it, and
still without any row relating the member to a choice."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.councils import make_session, nominations, seats, secret_counts
from tests.pages import page_text, signed_in
from thidua.core.errors import DomainError
from thidua.councils import services
from thidua.councils.models import CouncilEvent, Vote, VoteChoice


def _open(kh, people, province, *, form=None):
    items = nominations(kh, province, 1, form=form)
    session = make_session(kh, people, members=5, items=items)
    return services.session_open(actor=people.secretariat, session=session)


def _vote(client: Client, session, item, choice: str, **extra: str):
    url = reverse("councils:vote", args=[session.pk, item.pk])
    return client.post(url, {"choice": choice, **extra}, follow=bool(extra))


def test_an_open_vote_is_changed_after_a_confirmation_and_logged(kh, people, province):
    session = _open(kh, people, province)
    item = session.items.get()
    client = signed_in(people.councillors[1])
    _vote(client, session, item, "yes", confirmed="1")

    asked = _vote(client, session, item, "no")
    unchanged = Vote.objects.get(item=item).choice
    done = _vote(client, session, item, "no", confirmed="1")

    assert "Bạn đổi ý kiến thành Không đồng ý" in page_text(asked)
    assert "Đổi phiếu: Không đồng ý" in page_text(asked)
    assert unchanged == "yes"
    assert Vote.objects.get(item=item).choice == "no"
    text = page_text(done)
    assert "Đã đổi ý kiến của bạn." in text and "Ý kiến của bạn: Không đồng ý" in text
    assert "Đổi ý kiến (đến khi kết thúc phiên họp)" in text
    event = CouncilEvent.objects.get(session=session, kind="vote_changed")
    assert (event.payload["from"], event.payload["to"]) == ("yes", "no")
    assert event.actor == people.councillors[1]


def test_no_change_after_the_session_closes(kh, people, province):
    session = _open(kh, people, province)
    item = session.items.get()
    for seat in seats(session):
        services.council_vote(actor=seat.user, item=item, choice=VoteChoice.YES)
    services.session_close(actor=people.secretariat, session=session)
    client = signed_in(people.councillors[1])

    response = _vote(client, session, item, "no", confirmed="1")

    assert "Phiên họp đã kết thúc" in page_text(response)
    assert "Đổi ý kiến" not in page_text(response)
    assert set(Vote.objects.values_list("choice", flat=True)) == {"yes"}
    assert not CouncilEvent.objects.filter(kind="vote_changed").exists()


def test_the_same_choice_again_is_refused(kh, people, province):
    session = _open(kh, people, province)
    item = session.items.get()
    services.council_vote(actor=people.councillors[1], item=item, choice="yes")

    with pytest.raises(DomainError, match="đã là “Đồng ý”"):
        services.council_vote_change(actor=people.councillors[1], item=item, choice="yes")


def test_a_secret_ballot_is_changed_from_the_device_that_cast_it(kh, people, province):
    session = _open(kh, people, province, form=kh.cstd)
    item = session.items.get()
    phone = signed_in(people.councillors[1])
    _vote(phone, session, item, "yes", confirmed="1")
    other = signed_in(people.councillors[2])
    _vote(other, session, item, "yes", confirmed="1")

    done = _vote(phone, session, item, "no", confirmed="1")

    assert secret_counts(item, session.tally_code) == (1, 1, 0)
    assert "Đã đổi ý kiến của bạn." in page_text(done)
    event = CouncilEvent.objects.get(session=session, kind="secret_ballot_changed")
    assert set(event.payload) == {"member", "item"}
    assert not Vote.objects.exists()


def test_a_secret_ballot_is_not_changed_without_its_proof(kh, people, province):
    session = _open(kh, people, province, form=kh.cstd)
    item = session.items.get()
    _vote(signed_in(people.councillors[1]), session, item, "yes", confirmed="1")
    theirs = services.council_vote(actor=people.councillors[2], item=item, choice="no")
    other_device = signed_in(people.councillors[1])

    page = page_text(_vote(other_device, session, item, "abstain", confirmed="1"))
    with pytest.raises(DomainError, match="thiết bị bạn đã dùng"):
        services.council_vote_change(
            actor=people.councillors[1], item=item, choice="yes", proof=theirs
        )

    assert "Phiếu kín chỉ đổi được trên thiết bị bạn đã dùng để bỏ phiếu" in page
    assert secret_counts(item, session.tally_code) == (1, 1, 0)
    assert not CouncilEvent.objects.filter(kind="secret_ballot_changed").exists()
