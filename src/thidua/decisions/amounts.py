"""Reward amounts: multiplier × lương cơ sở on the decision date (ND 152/2025 Điều 50,
54; LAW-NOTES §2.2, R16), rounded by the rounding rule of that date (ND 91/2017 Điều
68.2: up to 10.000 đồng; where ND 98/2023 and ND 152/2025 keep one is unverified, so
their rule in the data rounds to the đồng), and how an amount is made, for the Ban TĐKT.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from thidua.awards.legal_data import salary_may_have_changed, shown_value
from thidua.awards.models import AwardForm, AwardRule, BaseSalary, LegalValueCode, SubjectKind
from thidua.awards.sources import (
    ValueSource,
    legal_value,
    legal_value_source,
    rounded_reward,
    value_source,
)
from thidua.core.validity import valid_on

#: A household receives 1,5 times an individual's reward (ND 152/2025 Điều 54) when the
#: rule does not give its own multiplier.
HOUSEHOLD_FACTOR = Decimal("1.5")


def base_salary_on(day: dt.date) -> BaseSalary | None:
    """The lương cơ sở in force on ``day`` (the latest one starting on or before it)."""
    return BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


def rule_on(form: AwardForm, day: dt.date) -> AwardRule | None:
    """The form's rule in force on ``day``."""
    return AwardRule.objects.filter(valid_on(day), form=form).order_by("-valid_from").first()


def rounding_step_on(day: dt.date) -> Decimal | None:
    """The rounding step of rewards decided on ``day`` (None when none is loaded)."""
    rounding = legal_value(LegalValueCode.REWARD_ROUNDING, day)
    return rounding.value if rounding is not None else None


def multiplier_for(rule: AwardRule | None, subject_kind: str) -> Decimal | None:
    """The multiplier of ``subject_kind`` under ``rule`` (collective for an enterprise;
    1,5 × individual for a household without its own), or None: no reward."""
    if rule is None:
        return None
    if subject_kind == SubjectKind.INDIVIDUAL:
        return rule.multiplier_individual
    if subject_kind == SubjectKind.HOUSEHOLD:
        if rule.multiplier_household is not None:
            return rule.multiplier_household
        if rule.multiplier_individual is None:
            return None
        return rule.multiplier_individual * HOUSEHOLD_FACTOR
    return rule.multiplier_collective


def reward_amount(
    multiplier: Decimal | None, salary: int | None, step: Decimal | None = None
) -> int | None:
    """``multiplier × salary`` rounded up to a multiple of ``step`` đồng, or half up to
    the đồng without one (None when the multiplier or the salary is missing)."""
    if multiplier is None or salary is None:
        return None
    return rounded_reward(Decimal(multiplier) * Decimal(salary), step)


_MULTIPLIER_FIELDS = {
    SubjectKind.INDIVIDUAL: "multiplier_individual",
    SubjectKind.COLLECTIVE: "multiplier_collective",
    SubjectKind.ENTERPRISE: "multiplier_collective",
    SubjectKind.HOUSEHOLD: "multiplier_household",
}


@dataclass(frozen=True)
class MultiplierLine:
    """One kind of subject's multiplier and where it comes from."""

    label: str
    multiplier: Decimal
    source: ValueSource

    @property
    def shown(self) -> str:
        """ "1,5" (the multiplier as the page shows it)."""
        return shown_value(self.multiplier)


@dataclass(frozen=True)
class AmountExplanation:
    """How the rewards of a decision dated ``day`` are made: the base salary in force,
    the multipliers with their sources, the rounding rule; the unverified sources are
    marked for the Ban TĐKT (``stale_salary_warning`` says when the salary may be old)."""

    day: dt.date
    salary: BaseSalary | None
    lines: list[MultiplierLine]
    rounding_step: Decimal | None
    rounding_source: ValueSource | None


def amount_explanation(form: AwardForm, kinds: list[str], day: dt.date) -> AmountExplanation:
    """The explanation for rows of ``kinds`` of a decision of ``form`` dated ``day``."""
    rule = rule_on(form, day)
    lines = []
    for kind in [k for k in SubjectKind.values if k in set(kinds)]:
        multiplier = multiplier_for(rule, kind)
        if rule is None or multiplier is None:
            continue
        source = value_source(rule, _MULTIPLIER_FIELDS[SubjectKind(kind)])
        lines.append(MultiplierLine(str(SubjectKind(kind).label), multiplier, source))
    rounding = legal_value(LegalValueCode.REWARD_ROUNDING, day)
    return AmountExplanation(
        day=day,
        salary=base_salary_on(day),
        lines=lines,
        rounding_step=rounding.value if rounding is not None else None,
        rounding_source=legal_value_source(rounding) if rounding is not None else None,
    )


def stale_salary_warning(day: dt.date) -> str:
    """The decision page's warning when ``day`` is more than 12 months after the newest
    known base salary (blank otherwise)."""
    stale = salary_may_have_changed(day)
    if stale is None:
        return ""
    return _(
        "Ngày ký %(day)s đã hơn 12 tháng sau mức lương cơ sở mới nhất đã nhập (%(amount)s "
        "đồng, từ %(date)s theo %(basis)s): lương cơ sở có thể đã thay đổi. Hãy kiểm tra ở "
        "trang Dữ liệu pháp lý trước khi ban hành."
    ) % {
        "day": f"{day:%d/%m/%Y}",
        "amount": f"{stale.amount:,}".replace(",", "."),
        "date": f"{stale.valid_from:%d/%m/%Y}",
        "basis": stale.legal_basis,
    }
