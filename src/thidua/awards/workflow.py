"""The workflow of a nomination: submit, review, return, council, approve, reject, decide,
withdraw.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``awards.transitions``: lock → check the table → check permission → run the
eligibility checks (the blocking ones refuse) → apply → save → append an event → effects
after commit. No other code assigns ``Nomination.state``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.selectors import unit_staff
from thidua.awards.authority import rule_for
from thidua.awards.codes import ErrorCode
from thidua.awards.eligibility import (
    blocking,
    check_nomination,
    expected_decision_date,
    quotas_for,
)
from thidua.awards.models import Nomination, NominationEvent, NominationState
from thidua.awards.rules import may_act
from thidua.awards.transitions import TRANSITIONS, Action
from thidua.core.errors import DomainError
from thidua.core.notifications import notify
from thidua.core.workflow import Move, Workflow, event_writer, refusal_saying


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi đề nghị"),
        Action.REVIEW_START: _("bắt đầu thẩm định"),
        Action.RETURN: _("trả lại"),
        Action.SEND_TO_COUNCIL: _("trình Hội đồng"),
        Action.APPROVE: _("đồng ý"),
        Action.REJECT: _("không đồng ý"),
        Action.MARK_DECIDED: _("ghi nhận quyết định"),
        Action.WITHDRAW: _("rút đề nghị"),
    }
    return str(labels[action])


def _council_required(nomination: Nomination, on: dt.date) -> bool:
    rule = rule_for(nomination.form, on)
    return True if rule is None else rule.council_required


def _admits(nomination: Nomination, move: Move) -> bool:
    """A row marked ``without_council_only`` holds only for a form needing no council."""
    step = TRANSITIONS[(move.source, move.action)]
    return not (step.without_council_only and _council_required(nomination, timezone.localdate()))


WORKFLOW: Workflow[Nomination] = Workflow(
    model=Nomination,
    states=NominationState,
    #: The engine's view of ``transitions.TRANSITIONS``: (state, action) → (target, actor).
    transitions={key: (step.target, step.actor) for key, step in TRANSITIONS.items()},
    may_act=may_act,
    record=event_writer(NominationEvent, "nomination"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi đề nghị đang “%(state)s”."), action_label
    ),
    admits=_admits,
)


def _checks(action: Action, day: dt.date) -> Callable[[Nomination], None]:
    """The checks of a move made on ``day``, run under the nomination's lock."""

    def check(locked: Nomination) -> None:
        if action is Action.APPROVE:
            # The quota lock: every matching quota row, in primary-key order (no deadlock),
            # held until commit so two approvals of the last slot run one after the other.
            list(quotas_for(locked).select_for_update())
        if TRANSITIONS[(NominationState(locked.state), action)].checks:
            as_of = expected_decision_date(locked, day)
            refusals = blocking(check_nomination(locked, as_of=as_of, today=day))
            if refusals:
                raise DomainError(
                    " ".join(result.message for result in refusals), code=refusals[0].code
                )

    return check


def _transition(
    *,
    actor: Any,
    nomination: Nomination,
    action: Action,
    today: dt.date | None = None,
    payload: dict[str, Any] | None = None,
    apply: Callable[[Nomination], None] | None = None,
    effects: Callable[[Nomination], None] | None = None,
) -> Nomination:
    """A move of a nomination through the engine (``thidua.core.workflow``): the blocking
    eligibility checks refuse it as of ``today`` (default: the local date)."""
    return WORKFLOW.run(
        nomination,
        actor=actor,
        action=action,
        payload=payload,
        check=_checks(action, today or timezone.localdate()),
        apply=apply,
        effects=effects,
    )


def _notify_proposer(nomination: Nomination, title: str, body: str, kind: str) -> None:
    staff = unit_staff(nomination.proposer_unit_id)
    notify(
        staff,
        kind=kind,
        title=title,
        body=body,
        url=f"/khen-thuong/de-nghi/{nomination.pk}/",
        key=f"nomination:{nomination.pk}:{kind}:{nomination.events.count()}",
    )


def _required(text: str, message: str) -> str:
    if not text or not text.strip():
        raise DomainError(message, code=ErrorCode.REASON_REQUIRED)
    return text.strip()


def nomination_submit(
    nomination: Nomination, *, by: Any, today: dt.date | None = None
) -> Nomination:
    """The proposing unit's head sends the nomination (tờ trình) to the appraising body.

    Refused while a blocking check fails: authority (Luật TĐKT Điều 80), dossier
    (Điều 84, 85), deadline, hold list (ND 152 Điều 4.4)… ``today`` is the submission
    date recorded (and used by the deadline check)."""
    day = today or timezone.localdate()

    def apply(n: Nomination) -> None:
        n.submitted_on = day
        n.return_reason = ""

    return _transition(
        actor=by, nomination=nomination, action=Action.SUBMIT, today=day, apply=apply
    )


def nomination_review_start(nomination: Nomination, *, by: Any) -> Nomination:
    """The appraising body takes a submitted nomination into review (thẩm định)."""
    return _transition(actor=by, nomination=nomination, action=Action.REVIEW_START)


def nomination_return(nomination: Nomination, *, by: Any, reason: str) -> Nomination:
    """Return a nomination under review with the reason and what to fix (required); the
    proposing unit is told (LAW-NOTES §4.5: incomplete dossiers go back for supplementing)."""
    reason = _required(reason, _("Hãy ghi lý do trả lại và nội dung cần bổ sung."))

    def apply(n: Nomination) -> None:
        n.return_reason = reason

    return _transition(
        actor=by,
        nomination=nomination,
        action=Action.RETURN,
        payload={"reason": reason},
        apply=apply,
        effects=lambda n: _notify_proposer(
            n,
            _("Trả lại đề nghị khen thưởng: %(nominee)s") % {"nominee": n.nominee.name},
            _("Lý do, nội dung cần bổ sung: %(reason)s") % {"reason": reason},
            "nomination_returned",
        ),
    )


def nomination_send_to_council(nomination: Nomination, *, by: Any) -> Nomination:
    """After appraisal, put the nomination before the Council (Hội đồng TĐKT)."""
    return _transition(actor=by, nomination=nomination, action=Action.SEND_TO_COUNCIL)


def nomination_approve(nomination: Nomination, *, by: Any, note: str = "") -> Nomination:
    """Record the Council's approval (or the reviewer's, for a form needing no council).

    Takes the quota lock: the matching Quota rows are locked in primary-key order and the
    approved and decided nominations counted; refused when a quota is full."""
    return _transition(
        actor=by,
        nomination=nomination,
        action=Action.APPROVE,
        payload={"note": note},
        effects=lambda n: _notify_proposer(
            n,
            _("Đề nghị khen thưởng được đồng ý: %(nominee)s") % {"nominee": n.nominee.name},
            note,
            "nomination_approved",
        ),
    )


def nomination_reject(nomination: Nomination, *, by: Any, note: str = "") -> Nomination:
    """Record that the Council (or the reviewer) did not approve the nomination."""
    return _transition(
        actor=by,
        nomination=nomination,
        action=Action.REJECT,
        payload={"note": note},
        effects=lambda n: _notify_proposer(
            n,
            _("Đề nghị khen thưởng không được đồng ý: %(nominee)s") % {"nominee": n.nominee.name},
            note,
            "nomination_not_approved",
        ),
    )


def nomination_mark_decided(nomination: Nomination, *, by: Any, decision_ref: str) -> Nomination:
    """An approved nomination is granted by a signed decision (``decision_ref``, e.g.
    "1234/QĐ-UBND ngày 20/10/2025")."""
    ref = _required(decision_ref, _("Hãy ghi số, ngày quyết định khen thưởng."))
    return _transition(
        actor=by,
        nomination=nomination,
        action=Action.MARK_DECIDED,
        payload={"decision_ref": ref},
    )


def nomination_withdraw(nomination: Nomination, *, by: Any, reason: str) -> Nomination:
    """Withdraw an open nomination with its reason (the proposing unit's head or the
    appraising body); the nominee may then be proposed again in the phase."""
    reason = _required(reason, _("Hãy ghi lý do rút đề nghị."))
    return _transition(
        actor=by,
        nomination=nomination,
        action=Action.WITHDRAW,
        payload={"reason": reason},
    )
