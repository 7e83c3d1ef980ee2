"""Permission predicates on proposals to higher levels (django-rules).

The province's Ban TĐKT (Sở Nội vụ) prepares, posts and sends the proposal; the
province's leaders and council members read it; no unit sees it (a unit's staff only
read the posted shortlist on the public site)."""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of, secretariat_covers
from thidua.higher_awards.models import Proposal

#: Roles that read a province's proposals (besides the Ban TĐKT).
READER_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)


def _province_path(proposal: Any) -> str:
    return str(proposal.province.path)


@rules.predicate
def is_proposal_secretariat(user: Any, proposal: Proposal | None) -> bool:
    """The Ban TĐKT of the proposal's province (or a system administrator)."""
    if proposal is None or not getattr(user, "is_authenticated", False):
        return False
    return secretariat_covers(user, _province_path(proposal))


def may_prepare_for(user: Any, province: Any) -> bool:
    """Whether ``user`` may draft a proposal of ``province`` (its Ban TĐKT)."""
    return secretariat_covers(user, str(province.path))


@rules.predicate
def can_view_proposal(user: Any, proposal: Proposal | None) -> bool:
    """The Ban TĐKT, leaders and council members of the province."""
    if proposal is None:
        return False
    from thidua.higher_awards.selectors import proposals_visible_to

    return proposals_visible_to(user).filter(pk=proposal.pk).exists()


def may_act(user: Any, proposal: Proposal, who: Any) -> bool:
    """Every move of the workflow is the Ban TĐKT's."""
    return bool(is_proposal_secretariat(user, proposal))


def is_reader(user: Any) -> bool:
    """Whether the user holds a role that reads proposals at all."""
    reach = reach_of(user)
    return reach.is_admin or any(role in reach.roles for role in READER_ROLES)


rules.add_perm("higher_awards.view_proposal", can_view_proposal)
rules.add_perm("higher_awards.change_proposal", is_proposal_secretariat)
