"""Permission predicates on unit reports (django-rules).

A report belongs to its unit: the unit's officers and head write it, only the head
confirms and submits it ("thủ trưởng xác nhận"), and the Ban Thi đua - Khen thưởng
(Sở Nội vụ, the recipient named by KH 128 section IV.2) receives or returns it.
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.reports.models import UnitReport
from thidua.reports.transitions import Actor


def _holds_in(user: Any, unit_id: int, roles: tuple[str, ...]) -> bool:
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in roles)


@rules.predicate
def is_report_unit_staff(user: Any, report: UnitReport | None) -> bool:
    """An officer or the head of the report's own unit (or a system administrator).

    Not a parent unit's staff, not a sibling's: a report is written by its unit.
    """
    if report is None or not getattr(user, "is_authenticated", False):
        return False
    return reach_of(user).is_admin or _holds_in(
        user, report.unit_id, (Role.UNIT_OFFICER, Role.UNIT_HEAD)
    )


@rules.predicate
def is_report_unit_head(user: Any, report: UnitReport | None) -> bool:
    """The head (thủ trưởng) of the report's unit, who confirms and submits it.

    Deliberately no administrator override: the confirmation is the head's own act.
    """
    if report is None or not getattr(user, "is_authenticated", False):
        return False
    return _holds_in(user, report.unit_id, (Role.UNIT_HEAD,))


@rules.predicate
def is_report_secretariat(user: Any, report: UnitReport | None) -> bool:
    """The Ban Thi đua - Khen thưởng covering the report's unit (its province), or an admin.

    Sở Nội vụ (Ban TĐKT) receives the reports (KH 128 IV.2; NĐ 152/2025, Điều 86).
    """
    if report is None:
        return False
    return secretariat_covers(user, report.unit.path)


@rules.predicate
def can_view_report(user: Any, report: UnitReport | None) -> bool:
    """Whether ``reports_visible_to(user)`` contains the report."""
    if report is None:
        return False
    from thidua.reports.selectors import reports_visible_to

    return reports_visible_to(user).filter(pk=report.pk).exists()


def may_act(user: Any, report: UnitReport, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.HEAD:
        return bool(is_report_unit_head(user, report))
    return bool(is_report_secretariat(user, report))


rules.add_perm("reports.view_unitreport", can_view_report)
rules.add_perm("reports.change_unitreport", is_report_unit_staff)
rules.add_perm("reports.submit_unitreport", is_report_unit_head)
rules.add_perm("reports.review_unitreport", is_report_secretariat)
