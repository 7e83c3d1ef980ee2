"""Reward amounts: multiplier × lương cơ sở on the decision date (ND 152/2025 Điều 50,
54; LAW-NOTES §2.2, R16), rounded to the đồng."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from thidua.awards.models import AwardForm, AwardRule, BaseSalary, SubjectKind
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


def reward_amount(multiplier: Decimal | None, salary: int | None) -> int | None:
    """``multiplier × salary`` rounded half up to the đồng (None when either is missing)."""
    if multiplier is None or salary is None:
        return None
    return int((Decimal(multiplier) * Decimal(salary)).quantize(Decimal(1), ROUND_HALF_UP))
