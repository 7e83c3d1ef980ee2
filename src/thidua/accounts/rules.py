"""Role predicates (django-rules). Object rules live in each capability's rules.py."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role


@rules.predicate
def is_admin(user: Any) -> bool:
    """A system administrator (Role.ADMIN or a Django superuser)."""
    return has_role(user, Role.ADMIN)


@rules.predicate
def is_secretariat(user: Any) -> bool:
    """Staff of the Ban Thi đua - Khen thưởng, Sở Nội vụ (NĐ 152/2025, Điều 86)."""
    return has_role(user, Role.SECRETARIAT)


@rules.predicate
def is_leader(user: Any) -> bool:
    """A provincial leader (Chủ tịch, Phó Chủ tịch UBND tỉnh)."""
    return has_role(user, Role.LEADER)


@rules.predicate
def is_unit_staff(user: Any) -> bool:
    """A unit officer or unit head."""
    return has_role(user, Role.UNIT_OFFICER, Role.UNIT_HEAD)


@rules.predicate
def is_cluster_leader(user: Any) -> bool:
    return has_role(user, Role.CLUSTER_LEADER)


@rules.predicate
def is_council_member(user: Any) -> bool:
    """A member of the Hội đồng Thi đua - Khen thưởng (Luật TĐKT 2022, Điều 89)."""
    return has_role(user, Role.COUNCIL_MEMBER)


rules.add_perm("accounts.use_admin", is_admin)
