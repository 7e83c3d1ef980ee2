"""Who sees and who records the annual statistical report.

The report is the province's, compiled by Sở Nội vụ (Ban Thi đua - Khen thưởng), which
advises the provincial People's Committee on emulation and commendation in its province
only (Nghị định 152/2025/NĐ-CP Điều 86): its Ban TĐKT and the province's leaders see it;
only the Ban TĐKT records that it was sent. A unit sees none of it.
"""

from __future__ import annotations

from typing import Any

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.core.tree import root_path
from thidua.organisations.models import Unit


def leads_province(user: Any, province: Unit) -> bool:
    """A leader of the provincial People's Committee whose membership is in ``province``."""
    if not getattr(user, "is_authenticated", False):
        return False
    leader_units = reach_of(user).roles.get(Role.LEADER, frozenset())
    if not leader_units:
        return False
    return Unit.objects.filter(pk__in=leader_units, path__startswith=province.path).exists()


def may_view_statistics(user: Any, province: Unit) -> bool:
    """The province's Ban TĐKT, its leaders, or a system administrator."""
    if province.path != root_path(province.path):
        return False
    return secretariat_covers(user, province.path) or leads_province(user, province)


def may_record_statistics(user: Any, province: Unit) -> bool:
    """The province's Ban TĐKT (or a system administrator) records the report as sent."""
    return secretariat_covers(user, province.path)


def may_act(user: Any, report: Any, who: Any) -> bool:
    """The workflow's predicate: the Ban TĐKT of the report's province."""
    return may_record_statistics(user, report.province)
