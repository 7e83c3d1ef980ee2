"""Concurrency on PostgreSQL: the quota lock and the nomination row lock."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from tests.factories.awards import (
    Kh,
    NominationFactory,
    NomineeFactory,
    People,
    QuotaFactory,
    full_dossier,
)
from thidua.awards import services
from thidua.awards.models import Nomination, NominationState
from thidua.core.errors import DomainError

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database: row locks (select_for_update) need PostgreSQL",
    ),
]


def _race(calls: list[Callable[[], object]]) -> list[str]:
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except DomainError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return sorted(outcomes)


def _waiting(kh: Kh, state: str) -> Nomination:
    nomination = NominationFactory(
        campaign=kh.campaign, phase=kh.phase1, proposer_unit=kh.province.health,
        grantor_unit=kh.province.root, nominee=NomineeFactory(unit=kh.province.health), state=state,
    )  # fmt: skip
    full_dossier(nomination)
    return nomination


def test_two_approvals_of_the_last_quota_slot_one_wins(kh: Kh, people: People) -> None:
    QuotaFactory(campaign=kh.campaign, maximum=1)
    first, second = (
        _waiting(kh, NominationState.TO_COUNCIL),
        _waiting(kh, NominationState.TO_COUNCIL),
    )

    outcomes = _race([
        lambda: services.nomination_approve(Nomination.objects.get(pk=first.pk), by=people.secretariat),
        lambda: services.nomination_approve(Nomination.objects.get(pk=second.pk), by=people.secretariat),
    ])  # fmt: skip

    assert outcomes == ["ok", "quota"]
    assert Nomination.objects.filter(state=NominationState.APPROVED).count() == 1


def test_two_reviewers_advance_one_nomination_one_wins(kh: Kh, people: People) -> None:
    nomination = _waiting(kh, NominationState.UNDER_REVIEW)

    outcomes = _race([
        lambda: services.nomination_send_to_council(Nomination.objects.get(pk=nomination.pk), by=people.secretariat),
        lambda: services.nomination_return(Nomination.objects.get(pk=nomination.pk), by=people.secretariat, reason="Thiếu"),
    ])  # fmt: skip

    assert outcomes == ["invalid_transition", "ok"]
    assert nomination.events.filter(kind__in=["send_to_council", "return"]).count() == 1
