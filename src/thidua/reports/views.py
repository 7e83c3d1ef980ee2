"""Report pages (báo cáo định kỳ) under /bao-cao/: what the three page modules share.

``views_unit`` is the unit's side (its reports, the report form, attachments),
``views_board`` the Ban Thi đua – Khen thưởng's (periods, the submission table, accept
and return, the consolidated report), ``views_dashboard`` the leaders' dashboard. Every
page starts from a selector that applies visibility (``reports_visible_to``,
``campaigns_visible_to``) and checks permission before it acts.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role, reach_of
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.selectors import campaigns_visible_to

#: Roles that follow every unit's reports of their province (and see the dashboard).
BOARD_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)

T = TypeVar("T")


def staff_unit_ids(user: Any) -> list[int]:
    """The units in which the user is an officer or the head (they write its reports)."""
    reach = reach_of(user)
    return sorted({u for role in UNIT_ROLES for u in reach.roles.get(role, ())})


def is_board(user: Any) -> bool:
    """The Ban TĐKT, the provincial leaders, the council, or an administrator."""
    return has_role(user, *BOARD_ROLES)


def require_board(user: Any) -> None:
    if not is_board(user):
        raise PermissionDenied(_("Trang này dành cho Ban Thi đua – Khen thưởng và lãnh đạo tỉnh."))


def covers_campaign(user: Any, campaign: Campaign) -> bool:
    """An administrator, or a province-wide role (Ban TĐKT, leader, council) of the
    province that issued the campaign: they read every unit's report and the
    consolidated report made for the Ủy ban nhân dân tỉnh (KH 128 IV.2)."""
    reach = reach_of(user)
    if reach.is_admin:
        return True
    if not any(role in reach.roles for role in BOARD_ROLES):
        return False
    path = campaign.issuer_unit.path
    return any(path.startswith(prefix) for prefix in reach.subtree_paths)


def board_campaigns(user: Any) -> list[Campaign]:
    """Launched campaigns the user sees, running ones first, newest first (one query)."""
    return list(
        campaigns_visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit")
        .order_by("status", "-doc_date", "code")
    )


def pick(options: list[T], raw: str | None) -> T | None:
    """The option whose ``pk`` the query string names, else the first one."""
    wanted = int(raw) if raw and raw.isdigit() else None
    return next(
        (o for o in options if getattr(o, "pk", None) == wanted), options[0] if options else None
    )
