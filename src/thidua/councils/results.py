"""Counting a closed session's votes and deciding each nomination.

The share of yes votes is counted over **all members** of the council where the rule
says so (with a standing council: its roster in force on the session's date, absent
members included) (ND 98/2023/NĐ-CP Điều 30.7: ≥ 80 % for CSTĐCS and Cờ thi đua, ≥ 90 % for CSTĐ
tỉnh; absent members vote in writing and are counted), else over the votes cast; a rule
without a threshold needs a simple majority of all members (more than half).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.councils.codes import ErrorCode
from thidua.councils.models import (
    AgendaItem,
    CouncilSession,
    Outcome,
    SecretBallot,
    Vote,
    VoteChoice,
)
from thidua.councils.roster import roster_size
from thidua.councils.secret_ballots import open_counts


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


def item_tally(item: AgendaItem, session: CouncilSession, secret: int | None) -> Tally:
    """The counts of an item: the sums of the secret ballot box opened with the ballot
    key's ``secret`` (``councils.secret_ballots``), or the open votes grouped by choice."""
    if item.secret_ballot:
        if not SecretBallot.objects.filter(item=item).exists():
            return Tally(0, 0, 0)
        if secret is None:
            raise DomainError(
                _("Hãy nhập mã kiểm phiếu đã nhận khi khai mạc để mở hòm phiếu kín."),
                code=ErrorCode.TALLY_CODE,
            )
        opened = open_counts(item, session, secret)
        return Tally(opened[VoteChoice.YES], opened[VoteChoice.NO], opened[VoteChoice.ABSTAIN])
    counts = dict(
        Vote.objects.filter(item=item)
        .values_list("choice")
        .annotate(n=Count("pk"))
        .values_list("choice", "n")
    )
    return Tally(
        counts.get(VoteChoice.YES, 0),
        counts.get(VoteChoice.NO, 0),
        counts.get(VoteChoice.ABSTAIN, 0),
    )


def threshold_passed(
    *, yes: int, cast: int, total: int, threshold: Decimal | None, over_all_members: bool
) -> tuple[bool, int]:
    """Whether ``yes`` reaches the threshold, and the count the share is taken of.

    With a threshold: yes ≥ threshold × (all members, or the votes cast), exact in
    decimals (8 of 10 at 0,8 passes; 7 of 10 does not, however many were present).
    Without one: yes > half of all members.
    """
    if threshold is None:
        return yes * 2 > total, total
    base = total if over_all_members else cast
    return base > 0 and Decimal(yes) >= threshold * base, base


def count_and_decide(
    session: CouncilSession, *, actor: Any, secret: int | None = None, code_lost: bool = False
) -> list[dict[str, Any]]:
    """Fill each item's result and move its nomination to approved or not approved;
    ``secret`` opens the secret ballot box (None when the session has no ballot key).
    With ``code_lost``, a secret item whose box cannot be opened is left uncounted and its
    nomination waits, still sent to the council, for a new session."""
    from thidua.awards import services as awards

    total = roster_size(session)
    summary = []
    for item in session.items.select_related("nomination").order_by("order", "pk"):
        if code_lost and item.secret_ballot and SecretBallot.objects.filter(item=item).exists():
            item.outcome = Outcome.UNCOUNTED
            item.save()
            summary.append(
                {"item": item.pk, "nomination": item.nomination_id, "outcome": item.outcome}
            )
            continue
        tally = item_tally(item, session, secret)
        passed, base = threshold_passed(
            yes=tally.yes,
            cast=tally.cast,
            total=total,
            threshold=item.threshold,
            over_all_members=item.over_all_members,
        )
        item.yes_count, item.no_count, item.abstain_count = tally.yes, tally.no, tally.abstain
        item.base_count, item.passed = base, passed
        note = _result_note(item, session)
        if passed:
            try:
                with transaction.atomic():
                    awards.nomination_approve(item.nomination, by=actor, note=note)
                item.outcome = Outcome.APPROVED
            except DomainError as refusal:
                item.outcome, item.outcome_note = Outcome.REFUSED, refusal.message
                awards.nomination_reject(item.nomination, by=actor, note=refusal.message)
        else:
            item.outcome = Outcome.NOT_APPROVED
            awards.nomination_reject(item.nomination, by=actor, note=note)
        item.save()
        summary.append(
            {
                "item": item.pk,
                "nomination": item.nomination_id,
                "yes": tally.yes,
                "no": tally.no,
                "abstain": tally.abstain,
                "base": base,
                "passed": passed,
                "outcome": item.outcome,
            }
        )
    return summary


def _result_note(item: AgendaItem, session: CouncilSession) -> str:
    return _("%(session)s: %(yes)s/%(base)s phiếu đồng ý") % {
        "session": session.title,
        "yes": item.yes_count,
        "base": item.base_count,
    }


def share_percent(item: AgendaItem) -> Decimal | None:
    """Yes votes as a percentage of the count the threshold is taken of."""
    if item.yes_count is None or not item.base_count:
        return None
    return (Decimal(item.yes_count) * 100 / item.base_count).quantize(Decimal("0.1"))
