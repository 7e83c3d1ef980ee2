"""Permission predicates on units and clusters."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.rules import is_admin
from thidua.organisations.models import Unit
from thidua.organisations.selectors import units_visible_to


@rules.predicate
def can_view_unit(user: Any, unit: Unit | None) -> bool:
    """The unit lies within the user's reach (its own unit, subtree, province or cluster)."""
    if unit is None:
        return False
    return units_visible_to(user).filter(pk=unit.pk).exists()


rules.add_perm("organisations.view_unit", can_view_unit)
rules.add_perm("organisations.change_unit", is_admin)
