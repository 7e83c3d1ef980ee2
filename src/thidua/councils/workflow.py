"""The session workflow: open (quorum checked) and close (results counted, nominations
approved or not, minutes made).

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``councils.transitions``: lock → check the table → check permission → check →
apply → save → append an event. No other code assigns ``CouncilSession.state``. Changes
inside a session (members, agenda, attendance, votes) lock the session through
``locked_session`` and check ``transitions.OPERATIONS``, so a vote cannot slip in while
the session is being closed, and a closed session never changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.errors import DomainError
from thidua.core.workflow import Move, Workflow, refusal_saying
from thidua.councils.codes import ErrorCode, EventKind
from thidua.councils.models import (
    Attendance,
    CouncilEvent,
    CouncilSession,
    SessionState,
)
from thidua.councils.roster import roster_size
from thidua.councils.rules import can_manage_session
from thidua.councils.secret_ballots import (
    draw_key,
    has_sealed_ballots,
    key_fingerprint,
    secret_of_code,
)
from thidua.councils.selectors import quorum_met
from thidua.councils.transitions import OPERATIONS, TRANSITIONS, Action, Operation


def action_label(action: Action) -> str:
    labels = {Action.OPEN: _("khai mạc phiên họp"), Action.CLOSE: _("kết thúc phiên họp")}
    return str(labels[action])


def operation_refusal(state: SessionState) -> str:
    """Why nothing of that kind can change now, in words that say what to do."""
    if state == SessionState.CLOSED:
        return str(_("Phiên họp đã kết thúc: biên bản và kết quả không thể thay đổi."))
    if state == SessionState.OPEN:
        return str(_("Phiên họp đang diễn ra: thành viên, điểm danh và nội dung xét đã được chốt."))
    return str(_("Phiên họp chưa khai mạc: chỉ bỏ phiếu sau khi Thư ký khai mạc phiên họp."))


def locked_session(session: CouncilSession, operation: Operation) -> CouncilSession:
    """The session row locked for the rest of the transaction, with ``operation`` allowed
    in its state; a ``DomainError`` otherwise. Call inside ``transaction.atomic``."""
    locked = (
        CouncilSession.objects.select_for_update(of=("self",))
        .select_related("campaign__issuer_unit", "council__unit")
        .get(pk=session.pk)
    )
    if operation not in OPERATIONS[SessionState(locked.state)]:
        raise DomainError(
            operation_refusal(SessionState(locked.state)), code=ErrorCode.SESSION_STATE
        )
    return locked


def append_event(
    session: CouncilSession,
    actor: Any,
    kind: EventKind | Action,
    payload: dict[str, Any] | None = None,
) -> None:
    CouncilEvent.objects.create(session=session, actor=actor, kind=kind, payload=payload or {})


def _record(session: CouncilSession, actor: Any, move: Move, payload: dict[str, Any]) -> None:
    append_event(
        session,
        actor,
        move.action,
        {"from": move.source.value, "to": move.target.value, **payload},
    )


WORKFLOW: Workflow[CouncilSession] = Workflow(
    model=CouncilSession,
    states=SessionState,
    transitions=TRANSITIONS,
    may_act=lambda actor, session, _who: bool(can_manage_session(actor, session)),
    record=_record,
    refusal=refusal_saying(
        gettext_lazy("Không thể %(action)s khi phiên họp đang ở trạng thái “%(state)s”."),
        action_label,
    ),
    related=("campaign__issuer_unit", "council__unit"),
)


def _transition(
    *,
    actor: Any,
    session: CouncilSession,
    action: Action,
    check: Callable[[CouncilSession], None] | None = None,
    apply: Callable[[CouncilSession], dict[str, Any]] | None = None,
) -> CouncilSession:
    """A move of a session through the engine (``thidua.core.workflow``); the opening or
    closing time is stamped with the move."""

    def stamp(locked: CouncilSession) -> dict[str, Any]:
        now = timezone.now()
        if action is Action.OPEN:
            locked.opened_at = now
        if action is Action.CLOSE:
            locked.closed_at = now
        return apply(locked) if apply is not None else {}

    return WORKFLOW.run(session, actor=actor, action=action, check=check, apply=stamp)


def _check_can_open(session: CouncilSession) -> None:
    """Members and agenda exist; present members reach the quorum share of all members
    (set per session from its council's setting or the general default:
    ``CouncilSession.quorum_share``). With a standing council "all members" is its roster
    in force on the session's date (``roster.roster_size``)."""
    members = list(session.members.all())
    if not members:
        raise DomainError(
            _("Hãy thêm thành viên Hội đồng trước khi khai mạc."), code=ErrorCode.NO_MEMBERS
        )
    if not session.items.exists():
        raise DomainError(
            _("Hãy đưa ít nhất một đề nghị khen thưởng vào nội dung xét trước khi khai mạc."),
            code=ErrorCode.NO_AGENDA,
        )
    present = sum(1 for m in members if m.attendance == Attendance.PRESENT)
    total = roster_size(session) if session.council_id else len(members)
    if not quorum_met(present, total, session.quorum_share):
        share = int(session.quorum_share * 100)
        raise DomainError(
            _(
                "Chưa đủ số thành viên dự họp: có mặt %(present)s/%(total)s thành viên, "
                "phiên xét khen thưởng cần ít nhất %(share)s %% tổng số thành viên. "
                "Hãy cập nhật điểm danh hoặc dời phiên họp."
            )
            % {"present": present, "total": total, "share": share},
            code=ErrorCode.NO_QUORUM,
        )


def session_open(*, actor: Any, session: CouncilSession) -> CouncilSession:
    """Open a planned session once the attendance quorum is met; members and agenda are
    then fixed and members vote from their phones.

    When an item is voted by secret ballot, the session gets a ballot key, and the
    returned session carries its tally code as ``tally_code`` (mã kiểm phiếu): it is
    stored nowhere, so the caller shows it once to the person who opens the session,
    who enters it again at closing (``councils.ballot_box``). Otherwise ``tally_code``
    is ""."""
    code = ""

    def apply(locked: CouncilSession) -> dict[str, Any]:
        nonlocal code
        if locked.items.filter(secret_ballot=True).exists():
            code = draw_key(locked)
            return {"ballot_key": key_fingerprint(locked)}
        return {}

    opened = _transition(
        actor=actor, session=session, action=Action.OPEN, check=_check_can_open, apply=apply
    )
    opened.tally_code = code
    return opened


def session_close(
    *, actor: Any, session: CouncilSession, tally_code: str = "", code_lost: bool = False
) -> CouncilSession:
    """Close an open session: count each item against its threshold (the secret ballot
    box opened with ``tally_code``: only the sums, each with its proof), approve or
    reject each nomination through the awards workflow (a quota refusal is recorded as
    not approved with its message), store the minutes. Immutable afterwards.

    Without ``tally_code``, the code carried by ``session`` itself is used (the instance
    ``session_open`` returned, in one process: the demo, a script). ``code_lost``: the
    code is lost, so the secret items are left uncounted, their nominations waiting for a
    new session (nothing can open their ballots, by design)."""
    from thidua.councils.minutes import minutes_store

    tally_code = tally_code or session.tally_code
    from thidua.councils.results import count_and_decide

    secret: int | None = None

    def check(locked: CouncilSession) -> None:
        # The key is derived once (scrypt), here, before anything is written.
        nonlocal secret
        if locked.ballot_key and not code_lost and (tally_code or has_sealed_ballots(locked)):
            secret = secret_of_code(locked, tally_code)

    def apply(locked: CouncilSession) -> dict[str, Any]:
        summary = count_and_decide(locked, actor=actor, secret=secret, code_lost=code_lost)
        minutes_store(locked)
        return {"results": summary}

    return _transition(actor=actor, session=session, action=Action.CLOSE, check=check, apply=apply)
