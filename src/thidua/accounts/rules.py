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


rules.add_perm("accounts.use_admin", is_admin)
