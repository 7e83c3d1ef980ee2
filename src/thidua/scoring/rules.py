"""Permission predicates on scoring (django-rules).

Who does what comes from the Cụm/Khối rules (LAW-NOTES §5): each member self-scores
(its officers draft, its head submits), the cluster leader reviews the members' sheets
(cross-scoring), the Ban Thi đua - Khen thưởng confirms and publishes. Nobody reviews
their own unit: the leader's own sheet goes to the deputy, or to the Ban TĐKT when the
group has no deputy.
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.organisations.models import GroupMembership, GroupRole
from thidua.scoring.models import CriteriaSet, ScoreSheet
from thidua.scoring.transitions import Actor

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
#: Who acts for the leading (or deputy) unit of a group: its designated cluster leader,
#: or its head (the head of the leading unit is the cụm trưởng: LAW-NOTES §5).
GROUP_ROLES = (Role.CLUSTER_LEADER, Role.UNIT_HEAD)


def _holds_in(user: Any, unit_id: int | None, roles: tuple[str, ...]) -> bool:
    if unit_id is None:
        return False
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in roles)


def leadership(sheet: ScoreSheet) -> tuple[int | None, int | None]:
    """The group's leading unit and (first) deputy unit for ``sheet``.

    Read from the ``leader_unit_id`` / ``deputy_unit_id`` annotations the selectors add
    (no query per row); looked up when a sheet comes without them.
    """
    if hasattr(sheet, "leader_unit_id") and hasattr(sheet, "deputy_unit_id"):
        return sheet.leader_unit_id, sheet.deputy_unit_id
    roles = GroupMembership.objects.filter(
        group_id=sheet.criteria_set.group_id, role__in=[GroupRole.LEADER, GroupRole.DEPUTY]
    ).order_by("unit__code")
    leader = next((m.unit_id for m in roles if m.role == GroupRole.LEADER), None)
    deputy = next((m.unit_id for m in roles if m.role == GroupRole.DEPUTY), None)
    sheet.leader_unit_id = leader  # type: ignore[attr-defined]
    sheet.deputy_unit_id = deputy  # type: ignore[attr-defined]
    return leader, deputy


@rules.predicate
def is_set_secretariat(user: Any, criteria_set: CriteriaSet | None) -> bool:
    """The Ban TĐKT of the province that organises the group (or a system admin): it
    confirms sheets and publishes the ranking (QĐ 11/2024 of Trà Vinh; LAW-NOTES §5)."""
    if criteria_set is None:
        return False
    return secretariat_covers(user, criteria_set.group.organiser.path)


@rules.predicate
def is_sheet_unit_staff(user: Any, sheet: ScoreSheet | None) -> bool:
    """An officer or the head of the sheet's own unit: they fill in the self-assessment."""
    if sheet is None:
        return False
    return reach_of(user).is_admin or _holds_in(user, sheet.unit_id, UNIT_ROLES)


@rules.predicate
def is_sheet_unit_head(user: Any, sheet: ScoreSheet | None) -> bool:
    """The head of the sheet's unit: the self-assessment goes out under their name."""
    if sheet is None:
        return False
    return reach_of(user).is_admin or _holds_in(user, sheet.unit_id, (Role.UNIT_HEAD,))


@rules.predicate
def is_sheet_reviewer(user: Any, sheet: ScoreSheet | None) -> bool:
    """Who cross-scores this sheet: the leading unit (its cluster leader or head) for the
    members; for the leader's own sheet the deputy unit, or the Ban TĐKT without a deputy. Never someone who belongs to
    the sheet's unit, whatever other role they hold (recusal)."""
    if sheet is None:
        return False
    reach = reach_of(user)
    if sheet.unit_id in reach.member_units:
        return False
    leader, deputy = leadership(sheet)
    if sheet.unit_id == leader:
        if deputy is None:
            return bool(is_set_secretariat(user, sheet.criteria_set))
        return reach.is_admin or _holds_in(user, deputy, GROUP_ROLES)
    return reach.is_admin or _holds_in(user, leader, GROUP_ROLES)


@rules.predicate
def is_sheet_secretariat(user: Any, sheet: ScoreSheet | None) -> bool:
    if sheet is None:
        return False
    return bool(is_set_secretariat(user, sheet.criteria_set))


@rules.predicate
def can_view_sheet(user: Any, sheet: ScoreSheet | None) -> bool:
    if sheet is None:
        return False
    from thidua.scoring.selectors import score_sheets_visible_to

    return score_sheets_visible_to(user).filter(pk=sheet.pk).exists()


def may_act(user: Any, sheet: ScoreSheet, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.UNIT_HEAD:
        return bool(is_sheet_unit_head(user, sheet))
    if actor is Actor.REVIEWER:
        return bool(is_sheet_reviewer(user, sheet))
    return bool(is_sheet_secretariat(user, sheet))


rules.add_perm("scoring.view_sheet", can_view_sheet)
rules.add_perm("scoring.edit_sheet", is_sheet_unit_staff)
rules.add_perm("scoring.review_sheet", is_sheet_reviewer)
rules.add_perm("scoring.manage_set", is_set_secretariat)
