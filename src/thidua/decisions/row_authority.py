"""The signer's authority over each row of a decision, checked while drafting.

Each row is judged as of the decision's date (today while the date is not set): may the
head of the granting unit grant the decision's form to that row's kind of subject on
that day (Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59; ``awards.authority_verdict``)? A
refusal names the row and its real cause (e.g. "Người ký không có thẩm quyền từ
01/7/2025: tỉnh Trà Vinh đã hợp nhất vào tỉnh Vĩnh Long"), and where the recorded
successor of the granting unit holds the authority, it is offered. The verdict depends
only on the subject kind, so a decision costs one verdict per kind of subject it lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.authority_verdict import (
    AuthorityVerdict,
    authority_verdict,
    load_unit_tables,
    signer_of,
)
from thidua.awards.models import AwardAuthority, AwardForm, SubjectKind
from thidua.decisions.models import Decision, DecisionEntry
from thidua.organisations.models import Unit


@dataclass(frozen=True)
class RowAuthority:
    """One row (its number in the list, name and kind of subject) and its verdict."""

    order: int
    name: str
    subject_kind: str
    verdict: AuthorityVerdict

    @property
    def ok(self) -> bool:
        return self.verdict.ok

    @property
    def label(self) -> str:
        """ "Dòng 2 – Công ty Cổ phần Cấp nước (doanh nghiệp)"."""
        return _("Dòng %(order)s – %(name)s (%(kind)s)") % {
            "order": self.order,
            "name": self.name,
            "kind": str(SubjectKind(self.subject_kind).label).lower(),
        }


@dataclass(frozen=True)
class Successor:
    """The unit that took over the granting unit and the authority its head holds."""

    unit: Unit
    authority: AwardAuthority

    @property
    def signer(self) -> str:
        """ "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long"."""
        return signer_of(self.authority, self.unit)


@dataclass(frozen=True)
class SigningCheck:
    """Every row's authority on ``day``; ``refused`` the rows the signer may not sign;
    ``successor`` offered when every refused row has the same one."""

    day: dt.date
    rows: list[RowAuthority]
    grantor: Unit
    #: True when the day is today because the decision has no date yet.
    from_today: bool = False

    @property
    def signer(self) -> str:
        """Who signs every row when none is refused ("Chủ tịch Ủy ban nhân dân tỉnh …")."""
        authority = self.rows[0].verdict.authority if self.rows else None
        return signer_of(authority, self.grantor) if authority is not None else ""

    @property
    def refused(self) -> list[RowAuthority]:
        return [row for row in self.rows if not row.ok]

    @property
    def refused_orders(self) -> set[int]:
        return {row.order for row in self.refused}

    @property
    def successor(self) -> Successor | None:
        offers = {(row.verdict.successor, row.verdict.successor_authority) for row in self.refused}
        if len(offers) != 1:
            return None
        unit, authority = offers.pop()
        return Successor(unit, authority) if unit is not None and authority is not None else None


def decision_day(decision: Decision) -> dt.date:
    """The day a draft's rows are judged as of: its date, or today until one is set."""
    return decision.date or timezone.localdate()


def verdicts_by_kind(
    form: AwardForm, grantor_unit: Unit, kinds: Iterable[str], on: dt.date
) -> dict[str, AuthorityVerdict]:
    """One verdict per kind of subject (the verdict depends on nothing else), from one
    read of the authority rows and successions (``load_unit_tables``)."""
    tables = load_unit_tables([form.pk], [grantor_unit])
    return {
        kind: authority_verdict(
            form=form, subject_kind=kind, grantor_unit=grantor_unit, on=on, tables=tables
        )
        for kind in sorted(set(kinds))
    }


def signing_check(
    decision: Decision, entries: list[DecisionEntry], *, on: dt.date | None = None
) -> SigningCheck:
    """The authority over each of ``entries`` (in their order) as of ``on`` (default: the
    decision's date, or today)."""
    day = on or decision_day(decision)
    from_today = on is None and decision.date is None
    verdicts = verdicts_by_kind(
        decision.form, decision.grantor_unit, (e.subject_kind for e in entries), day
    )
    rows = [
        RowAuthority(index, entry.name, entry.subject_kind, verdicts[entry.subject_kind])
        for index, entry in enumerate(entries, start=1)
    ]
    return SigningCheck(day=day, rows=rows, grantor=decision.grantor_unit, from_today=from_today)


def refusal_summary(check: SigningCheck, limit: int = 3) -> str:
    """The refused rows, each with its cause, for a message: at most ``limit`` named."""
    named = [f"{row.label}: {row.verdict.reason}" for row in check.refused[:limit]]
    more = len(check.refused) - limit
    if more > 0:
        named.append(_("và %(n)s dòng khác") % {"n": more})
    return " ".join(named)
