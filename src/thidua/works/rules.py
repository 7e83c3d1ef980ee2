"""Permission predicates on works (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.works.models import Work
from thidua.works.transitions import Actor

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def _holds_in(user: Any, unit_id: int, roles: tuple[str, ...]) -> bool:
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in roles)


@rules.predicate
def is_work_unit_staff(user: Any, work: Work | None) -> bool:
    """An officer or head of the work's own unit (not of a parent, not of a sibling)."""
    if work is None:
        return False
    return reach_of(user).is_admin or _holds_in(user, work.unit_id, UNIT_ROLES)


@rules.predicate
def is_work_approver(user: Any, work: Work | None) -> bool:
    """Staff of the approving level: the district's officers or head for its communes'
    works; the secretariat covering the campaign's issuer for everyone else (KH 128 II.2)."""
    if work is None:
        return False
    reach = reach_of(user)
    if reach.is_admin or _holds_in(user, work.approver_unit_id, UNIT_ROLES):
        return True
    if Role.SECRETARIAT not in reach.roles:
        return False
    # Ban TĐKT approves for the issuing level only: a commune's work approved through its
    # district stays with the district (KH 128 II.2.b).
    if work.approver_unit_id != work.campaign.issuer_unit_id:
        return False
    approver_path = work.approver_unit.path
    return any(approver_path.startswith(path) for path in reach.subtree_paths)


@rules.predicate
def can_view_work(user: Any, work: Work | None) -> bool:
    if work is None:
        return False
    from thidua.works.selectors import works_visible_to

    return works_visible_to(user).filter(pk=work.pk).exists()


def may_act(user: Any, work: Work, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.UNIT:
        return bool(is_work_unit_staff(user, work))
    return bool(is_work_approver(user, work))


rules.add_perm("works.view_work", can_view_work)
rules.add_perm("works.edit_work", is_work_unit_staff)
rules.add_perm("works.approve_work", is_work_approver)
