"""Data for the public-site tests: published rankings and issued decisions, written
directly (the scoring and decisions services are tested in their own packages)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tests.factories import GroupFactory


def published_ranking(
    people: Any, units: list[Any], *, self_total: str = "93.25", **notes: str
) -> Any:
    from thidua.scoring.models import CriteriaSet, Ranking, RankingRow, ScoreSheet

    group = GroupFactory(name="Cụm thi đua các huyện", year=2025, organiser=units[0].parent)
    criteria = CriteriaSet.objects.create(group=group, year=2025, title="Bảng tiêu chí 2025")
    ranking = Ranking.objects.create(
        criteria_set=criteria, published_at=timezone.now(), published_by=people.secretariat
    )
    for rank, unit in enumerate(units, start=1):
        sheet = ScoreSheet.objects.create(
            criteria_set=criteria,
            unit=unit,
            self_note=notes.get("self_note", ""),
            review_note=notes.get("review_note", ""),
        )
        RankingRow.objects.create(
            ranking=ranking,
            unit=unit,
            sheet=sheet,
            rank=rank,
            total=Decimal("88.5") - rank,
            self_total=Decimal(self_total),
        )
    return ranking


def issued_decision(
    kh: Any, people: Any, nomination: Any, *, number: str, amount: int = 0, position: str = ""
) -> Any:
    from thidua.decisions.models import Decision, DecisionEntry

    decision = Decision.objects.create(
        campaign=kh.campaign,
        phase=kh.phase1,
        form=nomination.form,
        grantor_unit=nomination.grantor_unit,
        issuing_body="UBND huyện Cầu Kè",
        grantor_title="Chủ tịch UBND huyện Cầu Kè",
        created_by=people.secretariat,
    )
    DecisionEntry.objects.create(
        decision=decision,
        nomination=nomination,
        subject_kind=nomination.nominee.kind,
        name=nomination.nominee.name,
        position=position,
        unit_name="Xã Phong Phú",
        amount=amount or None,
    )
    Decision.objects.filter(pk=decision.pk).update(
        state="issued", number=number, date=dt.date(2025, 2, 25), content_sha256="a" * 64
    )
    return decision


def drain(response: Any) -> bytes:
    """The body of a streamed (file) response, its file closed without firing
    ``request_finished`` (which would close the test's database connection on PostgreSQL
    in the middle of a test)."""
    body = b"".join(response.streaming_content)
    for close in response._resource_closers:
        close()
    response._resource_closers.clear()
    return body
