"""Permission predicates on nominations (django-rules).

Who does what follows the provincial procedure (LAW-NOTES §4.5; KH 128 III.2): the
proposing unit's officers draft the nomination and its dossier, its head signs and
submits the tờ trình; the appraising body reviews, returns, sends to the Council and
records the Council's outcome — Ban TĐKT (Sở Nội vụ) for what the province's chairman
grants, the granting unit for its own Giấy khen (Luật TĐKT 2022 Điều 80).
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.awards.models import Nomination
from thidua.awards.transitions import Actor
from thidua.organisations.models import Unit, UnitKind

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def _holds_in(user: Any, unit_id: int, roles: tuple[str, ...]) -> bool:
    reach = reach_of(user)
    return any(unit_id in reach.roles.get(role, frozenset()) for role in roles)


def _secretariat_over(user: Any, unit: Unit) -> bool:
    return secretariat_covers(user, unit.path, admins=False)


@rules.predicate
def can_propose_for(user: Any, unit: Unit | None) -> bool:
    """An officer or head of ``unit`` itself (never of a parent or a sibling)."""
    if unit is None:
        return False
    return reach_of(user).is_admin or _holds_in(user, unit.pk, UNIT_ROLES)


@rules.predicate
def is_proposer_staff(user: Any, nomination: Nomination | None) -> bool:
    """An officer or head of the proposing unit: drafts, edits and uploads the dossier."""
    if nomination is None:
        return False
    return reach_of(user).is_admin or _holds_in(user, nomination.proposer_unit_id, UNIT_ROLES)


@rules.predicate
def is_proposer_head(user: Any, nomination: Nomination | None) -> bool:
    """The head of the proposing unit: signs and submits the tờ trình (Luật TĐKT Điều 84)."""
    if nomination is None:
        return False
    return reach_of(user).is_admin or _holds_in(
        user, nomination.proposer_unit_id, (Role.UNIT_HEAD,)
    )


@rules.predicate
def is_reviewer(user: Any, nomination: Nomination | None) -> bool:
    """The appraising body: Ban TĐKT covering the province when the province grants
    (Bằng khen, CSTĐ tỉnh, TTLĐXS, Cờ), else the granting unit's officers and head."""
    if nomination is None:
        return False
    if reach_of(user).is_admin:
        return True
    grantor = nomination.grantor_unit
    if grantor.kind == UnitKind.PROVINCE:
        return _secretariat_over(user, grantor)
    return _holds_in(user, grantor.pk, UNIT_ROLES)


@rules.predicate
def can_view_nomination(user: Any, nomination: Nomination | None) -> bool:
    if nomination is None:
        return False
    from thidua.awards.selectors import nominations_visible_to

    return nominations_visible_to(user).filter(pk=nomination.pk).exists()


@rules.predicate
def is_commendation_board(user: Any) -> bool:
    """The Ban TĐKT (Sở Nội vụ) of some province, or an administrator: who keeps the legal
    data (base salary, holidays) and sees which values are unverified or settings."""
    if not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    return reach.is_admin or Role.SECRETARIAT in reach.roles


def may_act(user: Any, nomination: Nomination, actor: Actor) -> bool:
    """Whether ``user`` is the kind of actor a transition needs."""
    if actor is Actor.UNIT_HEAD:
        return bool(is_proposer_head(user, nomination))
    if actor is Actor.REVIEWER:
        return bool(is_reviewer(user, nomination))
    return bool(is_proposer_head(user, nomination) or is_reviewer(user, nomination))


rules.add_perm("awards.view_nomination", can_view_nomination)
rules.add_perm("awards.edit_nomination", is_proposer_staff)
rules.add_perm("awards.submit_nomination", is_proposer_head)
rules.add_perm("awards.review_nomination", is_reviewer)
rules.add_perm("awards.keep_legal_data", is_commendation_board)
