"""A present member changes their own vote while the session is open; never after it
closes, when the votes are counted and the minutes written.

An open vote is changed in place and the event says from what to what. A secret ballot
is sealed with no member on it (``councils.secret_ballots``), so nothing on the server
can tell which sealed ballot is the member's: when the member casts it, ``council_vote``
hands back a *proof* — the ballot's id and the choice, signed with the site's key —
which stays on the member's own device (a cookie only that browser sends). A change
presents it; the sealed ballot it names is replaced by one for the new choice, and a new
proof is handed back. No proof, no change: a member who cleared the browser or changes
phones cannot change a secret ballot. The event says only "member X changed a ballot on
item Y".
"""

from __future__ import annotations

from typing import Any

from django.core import signing
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
    SecretBallot,
    Vote,
    VoteChoice,
)
from thidua.councils.secret_ballots import seal
from thidua.councils.transitions import Operation
from thidua.councils.workflow import append_event, locked_session

_SALT = "thidua.councils.secret-ballot"


def ballot_proof(item: AgendaItem, seat: CouncilMember, ballot: str, choice: str) -> str:
    """The signed proof of a secret ballot (its sealed ballot's id and the choice), for
    the member's own device only."""
    return signing.dumps(
        {"item": item.pk, "member": seat.pk, "ballot": ballot, "choice": choice}, salt=_SALT
    )


def _proven(proof: str, item: AgendaItem, seat: CouncilMember) -> tuple[str, VoteChoice]:
    """The sealed ballot's id and the choice a proof vouches for; refused otherwise."""
    try:
        data = signing.loads(proof, salt=_SALT)
    except signing.BadSignature:
        data = {}
    if (
        not isinstance(data, dict)
        or data.get("item") != item.pk
        or data.get("member") != seat.pk
        or not isinstance(data.get("ballot"), str)
        or data.get("choice") not in VoteChoice.values
    ):
        raise DomainError(
            _(
                "Phiếu kín chỉ đổi được trên thiết bị bạn đã dùng để bỏ phiếu (không ai, kể cả "
                "hệ thống, biết bạn đã chọn gì). Hãy mở trang bỏ phiếu trên thiết bị đó."
            ),
            code=ErrorCode.BALLOT_PROOF,
        )
    return data["ballot"], VoteChoice(data["choice"])


def present_seat(session: Any, actor: Any) -> CouncilMember:
    """The acting member's seat in ``session``, refused unless they are present in person
    (an absent member's written opinion is recorded by the secretary)."""
    seat = CouncilMember.objects.filter(session=session, user=actor).first()
    if seat is None:
        raise NotPermitted(_("Bạn không phải thành viên của phiên họp này."))
    if seat.attendance != Attendance.PRESENT:
        raise DomainError(
            _("Bạn được ghi nhận vắng mặt: ý kiến bằng văn bản do Thư ký Hội đồng ghi nhận."),
            code=ErrorCode.NOT_PRESENT,
        )
    return seat


def council_vote_change(*, actor: Any, item: AgendaItem, choice: str, proof: str = "") -> str:
    """Change the acting member's own vote on an item of an open session.

    Returns the new proof for a secret ballot ("" for an open vote). Refused once the
    session is closed, for a member who has not voted yet, for the same choice again,
    and for a secret ballot without the proof its casting handed back.
    """
    if choice not in VoteChoice.values:
        raise DomainError(
            _("Hãy chọn Đồng ý, Không đồng ý hoặc Không ý kiến."), code=ErrorCode.BAD_CHOICE
        )
    new = VoteChoice(choice)
    with transaction.atomic():
        session = locked_session(item.session, Operation.VOTE)
        seat = present_seat(session, actor)
        item = AgendaItem.objects.get(pk=item.pk, session=session)
        if item.secret_ballot:
            return _change_secret(session, item, seat, new, proof, actor=actor)
        vote = Vote.objects.filter(item=item, member=seat, written=False).first()
        if vote is None:
            raise DomainError(_("Bạn chưa bỏ phiếu cho nội dung này."), code=ErrorCode.NOT_VOTED)
        _refuse_same(vote.choice, new)
        previous = vote.choice
        Vote.objects.filter(pk=vote.pk).update(choice=new)
        append_event(
            session,
            actor,
            EventKind.VOTE_CHANGED,
            {"member": seat.pk, "item": item.pk, "from": previous, "to": str(new)},
        )
        return ""


def _refuse_same(previous: str, new: VoteChoice) -> None:
    if previous == new:
        raise DomainError(
            _("Phiếu của bạn đã là “%(choice)s”.") % {"choice": new.label},
            code=ErrorCode.SAME_CHOICE,
        )


def _change_secret(
    session: CouncilSession,
    item: AgendaItem,
    seat: CouncilMember,
    new: VoteChoice,
    proof: str,
    *,
    actor: Any,
) -> str:
    if not BallotReceipt.objects.filter(item=item, member=seat, written=False).exists():
        raise DomainError(_("Bạn chưa bỏ phiếu cho nội dung này."), code=ErrorCode.NOT_VOTED)
    ballot, previous = _proven(proof, item, seat)
    _refuse_same(previous, new)
    removed, _rows = SecretBallot.objects.filter(pk=ballot, item=item).delete()
    if removed != 1:  # a proof of a ballot the box does not hold: refuse, change nothing
        raise DomainError(_("Không đổi được phiếu kín này."), code=ErrorCode.BALLOT_PROOF)
    sealed = seal(item, session, new)
    append_event(
        session, actor, EventKind.SECRET_BALLOT_CHANGED, {"member": seat.pk, "item": item.pk}
    )
    return ballot_proof(item, seat, str(sealed.pk), new)
