"""Who may grant what, and which rule version applies, as of a date (Luật TĐKT 2022
Điều 80; ND 152/2025 Điều 59).

Both answers are rows with validity windows loaded from ``award-forms.yaml``: the same
question gets the ND 98/2023 answer for 30/6/2025 and the ND 152/2025 answer for
01/7/2025; a district chair's authority ends on 30/6/2025 and a commune chair's CSTĐCS
and TTLĐTT authority starts on 01/7/2025 (ND 129/2025 Điều 59).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Q

from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardRule,
    BaseSalary,
    GrantorKind,
    LegalValueCode,
    SubjectKind,
)
from thidua.awards.sources import legal_value, rounded_reward
from thidua.organisations.models import Unit, UnitKind


def _form_id(form: AwardForm | str) -> Q:
    return Q(form__code=form) if isinstance(form, str) else Q(form=form)


def _in_force(on: dt.date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def grantor_kind_of(unit: Unit) -> str:
    """The kind of grantor the head of ``unit`` is (Luật TĐKT 2022 Điều 80): the unit's
    own kind, except a unit of kind "other" directly under a department (a hospital, a
    school), whose head grants as the head of a unit under a department."""
    if unit.kind == UnitKind.OTHER and unit.parent_id is not None:
        parent_kind = Unit.objects.filter(pk=unit.parent_id).values_list("kind", flat=True).first()
        if parent_kind == UnitKind.DEPARTMENT:
            return GrantorKind.DEPARTMENT_UNIT
    return str(unit.kind)


def authority_for(
    *, form: AwardForm | str, subject_kind: str, grantor_unit: Unit, on: dt.date
) -> AwardAuthority | None:
    """The authority under which the head of ``grantor_unit`` may grant ``form`` to a
    subject of ``subject_kind`` on ``on`` (the decision date), or None.

    None also when the grantor unit itself did not exist on that day (a district after
    30/6/2025). Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59.
    """
    if not grantor_unit.is_valid_on(on):
        return None
    candidates = AwardAuthority.objects.filter(
        _form_id(form), _in_force(on), grantor_kind=grantor_kind_of(grantor_unit)
    ).order_by("valid_from", "pk")
    # JSON containment is not portable to SQLite: the candidates are few, filter here.
    for authority in candidates:
        if subject_kind in authority.subject_kinds:
            return authority
    return None


def province_grants(form: AwardForm | str, on: dt.date) -> bool:
    """Whether the province's chairman grants ``form`` on ``on``: an authority of the
    province is in force for it (Luật TĐKT 2022 Điều 80; in the shipped file Bằng khen,
    CSTĐ tỉnh, TTLĐXS and Cờ thi đua of the province). The grantor of such a nomination
    is the province, and the province's Ban TĐKT appraises it."""
    return AwardAuthority.objects.filter(
        _form_id(form), _in_force(on), grantor_kind=UnitKind.PROVINCE
    ).exists()


def form_for_ranking_proposal(proposal: str, on: dt.date) -> AwardForm | None:
    """The form a Cụm/Khối ranking's ``proposal`` (``flag``, ``merit``) becomes on ``on``:
    the form whose rule in force names it (``ranking_proposal``: the Cờ thi đua for the
    leading units, the Bằng khen for the next; LAW-NOTES §5), or None when none does."""
    rule = (
        AwardRule.objects.filter(_in_force(on), ranking_proposal=proposal)
        .select_related("form")
        .order_by("form__position", "form__code")
        .first()
    )
    return rule.form if rule is not None else None


def rule_for(form: AwardForm | str, on: dt.date) -> AwardRule | None:
    """The rule version of ``form`` in force on ``on`` (ND 152/2025 Điều 59: ND 98/2023
    until 30/6/2025, ND 152/2025 from 01/7/2025), or None when none is loaded."""
    return AwardRule.objects.filter(_form_id(form), _in_force(on)).order_by("-valid_from").first()


def base_salary_on(on: dt.date) -> BaseSalary | None:
    """The lương cơ sở in force on ``on`` (ND 73/2024: 2.340.000 đồng from 01/7/2024)."""
    return BaseSalary.objects.filter(valid_from__lte=on).order_by("-valid_from").first()


def reward_amount(rule: AwardRule, subject_kind: str, on: dt.date) -> int | None:
    """Multiplier × base salary (ND 152/2025 Điều 50, 54), rounded by the rounding rule in
    force on ``on`` (ND 91/2017 Điều 68.2: up to 10.000 đồng; to the đồng without one)."""
    multiplier = {
        SubjectKind.INDIVIDUAL: rule.multiplier_individual,
        SubjectKind.COLLECTIVE: rule.multiplier_collective,
        SubjectKind.ENTERPRISE: rule.multiplier_collective,
        SubjectKind.HOUSEHOLD: rule.multiplier_household,
    }.get(SubjectKind(subject_kind))
    salary = base_salary_on(on)
    if multiplier is None or salary is None:
        return None
    rounding = legal_value(LegalValueCode.REWARD_ROUNDING, on)
    step = rounding.value if rounding is not None else None
    return rounded_reward(Decimal(multiplier) * salary.amount, step)
