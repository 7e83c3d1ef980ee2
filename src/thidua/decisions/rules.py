"""Permission predicates on decisions, certificates and the award history (django-rules).

Sở Nội vụ (Ban Thi đua - Khen thưởng) prepares the province's decisions for the chairman
who signs them (QĐ 11/2024/QĐ-UBND pattern); a department, district or commune prepares
its own Giấy khen. Leaders and council members read; units read what concerns their own
people.
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.core.tree import root_path
from thidua.decisions.models import Decision
from thidua.organisations.models import UnitKind


def province_paths(user: Any, roles: tuple[str, ...]) -> frozenset[str]:
    """The "/<province id>/" prefixes of the provinces where ``user`` holds ``roles``."""
    from thidua.organisations.models import Unit

    reach = reach_of(user)
    ids = sorted({u for role in roles for u in reach.roles.get(role, frozenset())})
    if not ids:
        return frozenset()
    cache_key = "_thidua_province_paths_" + "_".join(roles)
    cached: frozenset[str] | None = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    paths = frozenset(
        root_path(path) for path in Unit.objects.filter(pk__in=ids).values_list("path", flat=True)
    )
    setattr(user, cache_key, paths)
    return paths


UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)


def issuer_units(user: Any) -> frozenset[int]:
    """Units whose own decisions the user prepares (officer or head of the unit)."""
    reach = reach_of(user)
    return frozenset(u for role in UNIT_ROLES for u in reach.roles.get(role, frozenset()))


@rules.predicate
def is_decision_issuer(user: Any, decision: Decision | None = None) -> bool:
    """Who prepares and issues a decision, like the appraisal of its nominations
    (``awards.rules.is_reviewer``): the secretariat (Ban TĐKT, Sở Nội vụ) of the province
    when the province grants (Bằng khen, QĐ 11/2024/QĐ-UBND pattern); otherwise the
    officers and head of the granting unit (a department, district or commune granting
    its Giấy khen, Luật TĐKT 2022 Điều 80). Without a decision: may open the drafting
    page at all."""
    if not getattr(user, "is_authenticated", False):
        return False
    reach = reach_of(user)
    if reach.is_admin:
        return True
    paths = province_paths(user, (Role.SECRETARIAT,))
    if decision is None:
        return bool(paths) or bool(issuer_units(user))
    grantor = decision.grantor_unit
    if grantor.kind == UnitKind.PROVINCE:
        return any(grantor.path.startswith(p) for p in paths)
    return grantor.pk in issuer_units(user)


@rules.predicate
def can_view_decision(user: Any, decision: Decision | None) -> bool:
    if decision is None:
        return False
    from thidua.decisions.selectors import decisions_visible_to

    return decisions_visible_to(user).filter(pk=decision.pk).exists()


rules.add_perm("decisions.view_decision", can_view_decision)
rules.add_perm("decisions.manage_decision", is_decision_issuer)


@rules.predicate
def can_read_whole_decision(user: Any, decision: Decision | None) -> bool:
    """The whole text (DOCX, PDF, every row): those who prepare it, and the secretariat,
    leaders and council members of its province once issued. A unit sees only the rows
    of its own people, so not the files."""
    if decision is None or not getattr(user, "is_authenticated", False):
        return False
    if is_decision_issuer(user, decision):
        return True
    if decision.state == "draft":
        return False
    paths = province_paths(user, (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER))
    return any(decision.grantor_unit.path.startswith(p) for p in paths)


rules.add_perm("decisions.read_whole_decision", can_read_whole_decision)
