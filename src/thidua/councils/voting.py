"""Votes: a present member votes on their own phone; the secretary records the written
opinions of absent members (ND 98/2023/NĐ-CP Điều 30.7). Each member votes once per item
and may change it until the session closes (``councils.vote_change``).

A secret ballot (where the form's rule says so: CSTĐCS, CSTĐ tỉnh, Cờ thi đua) writes a
receipt "member X has voted on item Y" and a ballot sealed under the session's ballot
key (``councils.secret_ballots``): the choice is readable nowhere, and only the sums are
opened at closing with the tally code, so nobody (an administrator or whoever holds the
database and its backups included) can tell how a member voted.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted
from thidua.councils.codes import ErrorCode, EventKind
from thidua.councils.models import (
    AgendaItem,
    Attendance,
    BallotReceipt,
    CouncilMember,
    CouncilSession,
    Vote,
    VoteChoice,
)
from thidua.councils.rules import can_record_written_votes
from thidua.councils.secret_ballots import seal
from thidua.councils.transitions import Operation
from thidua.councils.vote_change import ballot_proof, present_seat
from thidua.councils.workflow import append_event, locked_session


def council_vote(*, actor: Any, item: AgendaItem, choice: str) -> str:
    """Cast the acting member's own vote on an item of an open session.

    Returns, for a secret ballot, the proof that lets this member change it until the
    session closes (``councils.vote_change``; kept on the member's device only), else "".
    """
    with transaction.atomic():
        session = locked_session(item.session, Operation.VOTE)
        seat = present_seat(session, actor)
        ballot = _cast(session, item, seat, choice, actor=actor, written=False)
    return ballot_proof(item, seat, ballot, choice) if ballot else ""


def council_written_vote(
    *, actor: Any, item: AgendaItem, member: CouncilMember, choice: str
) -> None:
    """Record the written opinion of a member absent from an open session (by the
    secretariat or the session's secretary); it is listed in the minutes."""
    with transaction.atomic():
        session = locked_session(item.session, Operation.WRITTEN_VOTE)
        if not can_record_written_votes(actor, session):
            raise NotPermitted()
        seat = CouncilMember.objects.get(pk=member.pk)
        if seat.session_id != session.pk or seat.attendance != Attendance.WRITTEN:
            raise DomainError(
                _(
                    "Chỉ ghi nhận ý kiến bằng văn bản của thành viên vắng mặt có gửi ý kiến "
                    "(điểm danh “Vắng mặt, có ý kiến bằng văn bản”)."
                ),
                code=ErrorCode.NOT_WRITTEN,
            )
        _cast(session, item, seat, choice, actor=actor, written=True)


def _cast(
    session: CouncilSession,
    item: AgendaItem,
    seat: CouncilMember,
    choice: str,
    *,
    actor: Any,
    written: bool,
) -> str:
    """Record the vote; for a secret ballot, return the sealed ballot's id ("" otherwise)."""
    if choice not in VoteChoice.values:
        raise DomainError(
            _("Hãy chọn Đồng ý, Không đồng ý hoặc Không ý kiến."), code=ErrorCode.BAD_CHOICE
        )
    item = AgendaItem.objects.get(pk=item.pk)
    if item.session_id != session.pk:
        raise DomainError(_("Nội dung xét không thuộc phiên họp này."), code=ErrorCode.BAD_ITEM)
    already = (
        BallotReceipt.objects.filter(item=item, member=seat).exists()
        or Vote.objects.filter(item=item, member=seat).exists()
    )
    if already:
        raise DomainError(
            _("%(name)s đã bỏ phiếu cho nội dung này; mỗi thành viên chỉ bỏ phiếu một lần.")
            % {"name": seat.name},
            code=ErrorCode.ALREADY_VOTED,
        )
    if item.secret_ballot:
        BallotReceipt.objects.create(item=item, member=seat, written=written)
        ballot = seal(item, session, choice)
        # Only who voted on what item: the choice never reaches the event log.
        append_event(
            session, actor, EventKind.SECRET_BALLOT_CAST, {"member": seat.pk, "item": item.pk}
        )
        return str(ballot.pk)
    Vote.objects.create(item=item, member=seat, choice=choice, written=written)
    append_event(
        session,
        actor,
        EventKind.VOTE_CAST,
        {"member": seat.pk, "item": item.pk, "choice": choice, "written": written},
    )
    return ""
