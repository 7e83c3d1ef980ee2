"""Permission predicates on a unit's year results (django-rules).

The unit that manages a person records their rating and proposes their titles (Luật Thi
đua, khen thưởng 2022 Điều 84): its officers and head enter ratings and initiatives and
draft the year's nominations; the units above it whose roles cover it (and the Ban TĐKT of
the province) read them; a sibling unit never does."""

from __future__ import annotations

from typing import Any

import rules

from thidua.awards.rules import can_propose_for
from thidua.organisations.models import Unit
from thidua.ratings.selectors import units_covered


@rules.predicate
def can_view_results(user: Any, unit: Unit | None) -> bool:
    """The user's roles cover ``unit`` (exactly or from above)."""
    if unit is None:
        return False
    return units_covered(user).filter(pk=unit.pk).exists()


@rules.predicate
def can_record_results(user: Any, unit: Unit | None) -> bool:
    """An officer or head of ``unit`` itself (or an admin): enters ratings and initiatives
    and drafts the year's nominations."""
    return bool(can_propose_for(user, unit))


rules.add_perm("ratings.view_results", can_view_results)
rules.add_perm("ratings.record_results", can_record_results)
