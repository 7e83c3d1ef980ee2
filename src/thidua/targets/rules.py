"""Permission predicates on targets and their actual values (django-rules), and the
rules that keep a unit's own target in line with the campaign target it refines."""

from __future__ import annotations

import datetime as dt
from typing import Any

import rules
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.campaigns.models import Campaign
from thidua.core.dates import PartialDate, format_date
from thidua.targets.models import Comparator, Target, TargetKind
from thidua.targets.selectors import targets_visible_to

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def covers_campaign(user: Any, campaign: Campaign) -> bool:
    """The user is an administrator, or the secretariat (Ban Thi đua - Khen thưởng, Sở Nội
    vụ) of the province that issued the campaign: it follows the plan through (KH 128 IV.5:
    "Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) theo dõi, kiểm tra, đôn đốc")."""
    return secretariat_covers(user, campaign.issuer_unit.path)


def is_unit_staff_of(user: Any, unit_id: int | None) -> bool:
    """An officer or head of exactly this unit (not of a parent, not of a sibling)."""
    if unit_id is None:
        return False
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in UNIT_ROLES)


#: The kinds a unit's target may take under a campaign target of each kind: the same
#: measure, or the yearly share of it ("2.500 doanh nghiệp trong 5 năm" → so many a year).
KINDS_UNDER = {
    TargetKind.LEVEL: (TargetKind.LEVEL, TargetKind.PER_YEAR),
    TargetKind.PER_YEAR: (TargetKind.PER_YEAR, TargetKind.LEVEL),
    TargetKind.CUMULATIVE: (TargetKind.CUMULATIVE, TargetKind.PER_YEAR),
    TargetKind.AVERAGE_GROWTH: (TargetKind.AVERAGE_GROWTH, TargetKind.PER_YEAR),
    TargetKind.ANNUAL_REDUCTION: (TargetKind.ANNUAL_REDUCTION, TargetKind.PER_YEAR),
    TargetKind.MILESTONE: (TargetKind.MILESTONE,),
}
#: Which way is better: a unit may not turn "at least" into "at most".
DIRECTION = {
    Comparator.GTE: "up",
    Comparator.GT: "up",
    Comparator.BETWEEN: "up",
    Comparator.LTE: "down",
    Comparator.LT: "down",
    Comparator.EQ: "eq",
    Comparator.BEFORE: "before",
}


def line_problems(
    parent: Target,
    *,
    kind: str,
    comparator: str,
    deadline: dt.date | None,
    period_to: PartialDate | None,
) -> list[str]:
    """Where a unit's own target would contradict the campaign target it refines, in
    Vietnamese (empty when it is in line): the same measure (or its yearly share), the
    same direction, no later deadline or end. KH 128 I.2 and IV.1: every body takes part
    "có chỉ tiêu, thời gian cụ thể" to "thực hiện đạt và vượt các chỉ tiêu" of the province
    (II.1.a), so its own targets must not pull the other way."""
    problems = []
    names = {"code": parent.code}
    allowed = KINDS_UNDER[TargetKind(parent.kind)]
    if kind not in allowed:
        problems.append(
            _("Chỉ tiêu %(code)s của phong trào thuộc loại “%(parent)s”: chỉ tiêu của đơn vị "
              "phải thuộc một trong các loại %(allowed)s.")
            % {**names, "parent": TargetKind(parent.kind).label,
               "allowed": ", ".join(f"“{TargetKind(k).label}”" for k in allowed)}
        )  # fmt: skip
    if DIRECTION[Comparator(comparator)] != DIRECTION[Comparator(parent.comparator)]:
        problems.append(
            _("Phép so sánh “%(mine)s” ngược chiều với chỉ tiêu %(code)s của phong trào (“%(parent)s”).")
            % {**names, "mine": Comparator(comparator).label,
               "parent": Comparator(parent.comparator).label}
        )  # fmt: skip
    if deadline and parent.deadline and deadline > parent.deadline:
        problems.append(
            _("Thời hạn của đơn vị (%(mine)s) không được muộn hơn thời hạn của chỉ tiêu %(code)s (%(parent)s).")
            % {**names, "mine": format_date(deadline), "parent": format_date(parent.deadline)}
        )  # fmt: skip
    mine_end, parent_end = period_to, parent.period_to_partial
    if mine_end and parent_end and mine_end.last_day() > parent_end.last_day():
        problems.append(
            _("Thời gian của đơn vị (đến %(mine)s) không được sau thời gian của chỉ tiêu %(code)s (đến %(parent)s).")
            % {**names, "mine": mine_end.display(), "parent": parent_end.display()}
        )  # fmt: skip
    return problems


@rules.predicate
def can_manage_target(user: Any, target: Target | None) -> bool:
    """Record actual values of ``target`` (or set it, for a unit's own target).

    The campaign's targets: the secretariat covering the campaign, or an administrator.
    A unit's own target (KH 128 IV.1: each body's plan sets out "các chỉ tiêu, nhiệm vụ
    của cơ quan, đơn vị, địa phương"): also
    that unit's officers and head — never a sibling's, nor the level above's.
    """
    if target is None or not getattr(user, "is_authenticated", False):
        return False
    if covers_campaign(user, target.campaign):
        return True
    return is_unit_staff_of(user, target.unit_id)


@rules.predicate
def can_view_target(user: Any, target: Target | None) -> bool:
    """The target is among ``targets_visible_to(user)``."""
    if target is None:
        return False
    return targets_visible_to(user).filter(pk=target.pk).exists()


rules.add_perm("targets.view_target", can_view_target)
rules.add_perm("targets.record_value", can_manage_target)
rules.add_perm("targets.add_unit_target", can_manage_target)
