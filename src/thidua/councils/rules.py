"""Permission predicates on council sessions (django-rules).

The secretariat (Ban Thi đua - Khen thưởng, Sở Nội vụ) prepares and runs a session: the
secretary of the provincial council is the head of its emulation division (QĐ 86/2025/
QĐ-UBND Bắc Ninh Điều 8.2). Members vote on their own seat only (Luật TĐKT 2022 Điều 89).
"""

from __future__ import annotations

from typing import Any

import rules

from thidua.accounts.selectors import secretariat_covers
from thidua.councils.models import Attendance, CouncilSession, MemberRole, SessionState


@rules.predicate
def is_session_secretariat(user: Any, session: CouncilSession | None) -> bool:
    """An administrator, or the secretariat covering the campaign's issuing unit."""
    if session is None:
        return False
    return secretariat_covers(user, session.campaign.issuer_unit.path)


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


can_manage_session = is_session_secretariat
can_record_written_votes = is_session_secretariat | is_session_secretary

rules.add_perm("councils.view_session", can_view_session)
rules.add_perm("councils.manage_session", can_manage_session)
rules.add_perm("councils.vote", can_vote_in_session)
rules.add_perm("councils.record_written_vote", can_record_written_votes)
