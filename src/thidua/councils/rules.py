"""Permission predicates on council sessions and standing councils (django-rules).

The secretariat (Ban Thi đua - Khen thưởng, Sở Nội vụ) prepares and runs the province's
sessions (it advises the provincial People's Committee on emulation and commendation:
NĐ 152/2025/NĐ-CP). A unit's own council (a department's, a commune's) is run by the
unit: its head chairs it and its officers (the council's secretary among them) prepare
the sessions; the province's Ban TĐKT may too, a sibling unit never. Members vote on their own seat
only (Luật TĐKT 2022 Điều 89).
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.selectors import secretariat_covers
from thidua.councils.models import (
    Attendance,
    Council,
    CouncilSession,
    MemberRole,
    SessionState,
)
from thidua.councils.roster import can_run_council


@rules.predicate
def is_session_secretariat(user: Any, session: CouncilSession | None) -> bool:
    """An administrator, the secretariat covering the campaign's issuing unit, or whoever
    runs the session's standing council (``roster.can_run_council``: for a unit's own
    council, the unit's head and officers, who are also the appraisers of the titles the
    unit's head grants: ``awards.rules.is_reviewer``)."""
    if session is None:
        return False
    if secretariat_covers(user, session.campaign.issuer_unit.path):
        return True
    council = session.council if session.council_id else None
    return council is not None and can_run_council(user, council)


def _seat(user: Any, session: CouncilSession) -> Any:
    if not getattr(user, "is_authenticated", False):
        return None
    from thidua.councils.selectors import member_seat

    return member_seat(session, user)


@rules.predicate
def is_session_member(user: Any, session: CouncilSession | None) -> bool:
    """The user holds a seat in this session (not merely the council-member role)."""
    return session is not None and _seat(user, session) is not None


@rules.predicate
def is_session_secretary(user: Any, session: CouncilSession | None) -> bool:
    """The user sits in this session as its secretary (Thư ký Hội đồng)."""
    if session is None:
        return False
    seat = _seat(user, session)
    return seat is not None and seat.role == MemberRole.SECRETARY


@rules.predicate
def can_view_session(user: Any, session: CouncilSession | None) -> bool:
    if session is None:
        return False
    from thidua.councils.selectors import sessions_visible_to

    return sessions_visible_to(user).filter(pk=session.pk).exists()


@rules.predicate
def can_vote_in_session(user: Any, session: CouncilSession | None) -> bool:
    """A member present at an open session votes in person (ND 98/2023 Điều 30.7)."""
    if session is None or session.state != SessionState.OPEN:
        return False
    seat = _seat(user, session)
    return seat is not None and seat.attendance == Attendance.PRESENT


@rules.predicate
def can_view_council(user: Any, council: Council | None) -> bool:
    if council is None:
        return False
    from thidua.councils.roster import councils_visible_to

    return councils_visible_to(user).filter(pk=council.pk).exists()


@rules.predicate
def can_manage_council(user: Any, council: Council | None) -> bool:
    """Add or end seats of a council's roster, plan its sessions."""
    return council is not None and can_run_council(user, council)


can_manage_session = is_session_secretariat
can_record_written_votes = is_session_secretariat | is_session_secretary

rules.add_perm("councils.view_session", can_view_session)
rules.add_perm("councils.manage_session", can_manage_session)
rules.add_perm("councils.vote", can_vote_in_session)
rules.add_perm("councils.record_written_vote", can_record_written_votes)
rules.add_perm("councils.view_council", can_view_council)
rules.add_perm("councils.manage_council", can_manage_council)
