"""Whether an entry's vote reaches its form's council threshold (counted over all the
council's members: Nghị định 98/2023/NĐ-CP Điều 30 khoản 7 — CSTĐ toàn quốc ≥ 90 %, Cờ
thi đua của Chính phủ ≥ 80 %), read from the form's rule in force on the meeting day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from thidua.awards.authority import rule_for
from thidua.awards.sources import ValueSource, value_source
from thidua.higher_awards.models import ProposalEntry


@dataclass(frozen=True)
class VoteCheck:
    threshold: Decimal
    source: ValueSource
    reaches: bool | None  # None: no vote recorded

    @property
    def percent(self) -> str:
        return f"{self.threshold * 100:.0f}"


def vote_check(entry: ProposalEntry, on: dt.date) -> VoteCheck | None:
    """The threshold of the entry's form on ``on`` and whether its vote reaches it; None
    when the form's rule sets no threshold."""
    rule = rule_for(entry.form, on)
    if rule is None or rule.council_threshold is None:
        return None
    reaches = None
    if entry.vote_yes is not None and entry.vote_members:
        reaches = Decimal(entry.vote_yes) >= rule.council_threshold * entry.vote_members
    return VoteCheck(rule.council_threshold, value_source(rule, "council_threshold"), reaches)
