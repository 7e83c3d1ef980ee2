"""Who may create accounts in which units.

Accounts are created by the Ban Thi đua - Khen thưởng of the Sở Nội vụ (or a system
administrator) of a province, for the units of that province only: the secretariat is the
province's standing body for emulation and commendation (Nghị định 152/2025/NĐ-CP, Điều 86),
not another province's. A Django superuser (the installation's operator) may create them
anywhere.
"""

from __future__ import annotations

from typing import Any

from thidua.accounts.models import Role
from thidua.accounts.selectors import memberships_of
from thidua.core.tree import root_path

#: The roles whose holders may create accounts in their province.
CREATING_ROLES = frozenset({Role.SECRETARIAT, Role.ADMIN})


def account_provinces(user: Any) -> frozenset[str] | None:
    """The tree paths of the provinces ``user`` may create accounts in (``"/1/"`` …);
    None for a superuser (every province), empty when they may create none."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if getattr(user, "is_superuser", False):
        return None
    return frozenset(
        root_path(membership.unit.path)
        for membership in memberships_of(user)
        if membership.role in CREATING_ROLES
    )


def may_import_accounts(user: Any) -> bool:
    """True when ``user`` may open the account import page at all."""
    provinces = account_provinces(user)
    return provinces is None or bool(provinces)


def may_create_in(provinces: frozenset[str] | None, unit_path: str) -> bool:
    """True when a unit at ``unit_path`` lies in one of ``provinces`` (None: any)."""
    return provinces is None or root_path(unit_path) in provinces
