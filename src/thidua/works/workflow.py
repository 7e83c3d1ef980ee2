"""The workflow of a work: submit, approve, return, start, complete, cancel.

Every state change goes through the workflow engine (``thidua.core.workflow``) with the
table of ``works.transitions``; no other code assigns ``Work.state``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.accounts.selectors import unit_staff
from thidua.core.errors import DomainError
from thidua.core.notifications import notify
from thidua.core.workflow import Workflow, event_writer, refusal_saying
from thidua.works.codes import ErrorCode
from thidua.works.models import Work, WorkEvent, WorkState
from thidua.works.rules import may_act
from thidua.works.transitions import TRANSITIONS, Action


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: _("gửi duyệt"),
        Action.APPROVE: _("duyệt"),
        Action.RETURN: _("trả lại"),
        Action.START: _("bắt đầu thực hiện"),
        Action.COMPLETE: _("hoàn thành"),
        Action.CANCEL: _("hủy"),
    }
    return str(labels[action])


WORKFLOW: Workflow[Work] = Workflow(
    model=Work,
    states=WorkState,
    transitions=TRANSITIONS,
    may_act=may_act,
    record=event_writer(WorkEvent, "work"),
    refusal=refusal_saying(
        gettext_lazy("Không thể “%(action)s” khi công trình đang “%(state)s”."), action_label
    ),
    related=("approver_unit", "unit"),
)


def _transition(
    *,
    actor: Any,
    work: Work,
    action: Action,
    payload: dict[str, Any] | None = None,
    apply: Callable[[Work], None] | None = None,
    effects: Callable[[Work], None] | None = None,
) -> Work:
    """A move of a work through the engine (``thidua.core.workflow``)."""
    return WORKFLOW.run(
        work, actor=actor, action=action, payload=payload, apply=apply, effects=effects
    )


def _notify_unit(work: Work, title: str, body: str, kind: str) -> None:
    staff = unit_staff(work.unit_id)
    notify(
        staff,
        kind=kind,
        title=title,
        body=body,
        url=f"/cong-trinh/{work.pk}/",
        key=f"work:{work.pk}:{kind}:{work.events.count()}",
    )


def work_submit(*, actor: Any, work: Work) -> Work:
    """Send a draft (or corrected) work to the approving level."""
    return _transition(actor=actor, work=work, action=Action.SUBMIT)


def work_approve(*, actor: Any, work: Work, note: str = "") -> Work:
    """Approve a submitted work; the unit is told."""
    return _transition(
        actor=actor,
        work=work,
        action=Action.APPROVE,
        payload={"note": note},
        effects=lambda w: _notify_unit(
            w, _("Đã duyệt: %(title)s") % {"title": w.title}, note, "work_approved"
        ),
    )


def work_return(*, actor: Any, work: Work, reason: str, what_to_fix: str) -> Work:
    """Return a submitted work with the reason and what to fix (both required)."""
    if not reason.strip() or not what_to_fix.strip():
        raise DomainError(
            _("Hãy ghi lý do trả lại và nội dung cần sửa."), code=ErrorCode.REASON_REQUIRED
        )
    return _transition(
        actor=actor,
        work=work,
        action=Action.RETURN,
        payload={"reason": reason, "what_to_fix": what_to_fix},
        effects=lambda w: _notify_unit(
            w,
            _("Trả lại: %(title)s") % {"title": w.title},
            _("Lý do: %(reason)s\nCần sửa: %(fix)s") % {"reason": reason, "fix": what_to_fix},
            "work_returned",
        ),
    )


def work_start(*, actor: Any, work: Work) -> Work:
    """Mark an approved work as under way."""
    return _transition(actor=actor, work=work, action=Action.START)


def work_complete(*, actor: Any, work: Work, actual_finish: dt.date) -> Work:
    """Complete a work on its actual finish date (not in the future, not before its start)."""
    today = timezone.localdate()
    if actual_finish > today:
        raise DomainError(_("Ngày hoàn thành không được sau hôm nay."), code=ErrorCode.FUTURE_DATE)
    if actual_finish < work.planned_start:
        raise DomainError(
            _("Ngày hoàn thành không được trước ngày bắt đầu."), code=ErrorCode.BAD_DATE
        )

    def apply(w: Work) -> None:
        w.actual_finish = actual_finish
        w.percent_complete = 100

    return _transition(
        actor=actor,
        work=work,
        action=Action.COMPLETE,
        payload={"actual_finish": actual_finish.isoformat()},
        apply=apply,
    )


def work_cancel(*, actor: Any, work: Work, reason: str) -> Work:
    """Cancel a work with its reason: the unit before approval, the approver after."""
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do hủy."), code=ErrorCode.REASON_REQUIRED)
    return _transition(actor=actor, work=work, action=Action.CANCEL, payload={"reason": reason})
