"""Change requests: after approval, a unit asks and the approver decides.

The decision is a move of the change request through the workflow engine
(``thidua.core.workflow``) with the table ``works.transitions.CHANGE_TRANSITIONS``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.workflow import Move, Workflow, refusal_saying
from thidua.works.codes import ErrorCode, EventKind
from thidua.works.models import ChangeRequest, ChangeRequestState, Work, WorkEvent, WorkState
from thidua.works.rules import is_work_approver, is_work_unit_staff
from thidua.works.timing import check_within_campaign
from thidua.works.transitions import CHANGE_TRANSITIONS, ChangeAction

#: What a change request may change (the approver re-checks the dates when applying it).
CHANGEABLE_FIELDS = frozenset(
    {"title", "description", "planned_start", "planned_finish", "budget", "budget_source"}
)


@transaction.atomic
def change_request_create(
    *, actor: Any, work: Work, changes: dict[str, Any], reason: str
) -> ChangeRequest:
    """Ask the approver to change an approved work (one pending request at a time).
    New planned dates wholly outside the campaign period are refused, as at registration."""
    if not is_work_unit_staff(actor, work):
        raise NotPermitted()
    if work.state not in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
        raise DomainError(_("Chỉ điều chỉnh công trình đã duyệt."), code=ErrorCode.BAD_STATE)
    unknown = set(changes) - CHANGEABLE_FIELDS
    if unknown or not changes:
        raise DomainError(_("Nội dung điều chỉnh không hợp lệ."), code=ErrorCode.BAD_CHANGES)
    for name, value in changes.items():
        # Checked now, so that the approver never meets a value that cannot be applied.
        field_obj = Work._meta.get_field(name)
        assert isinstance(field_obj, models.Field)
        try:
            field_obj.clean(value, work)
        except ValidationError as error:
            raise DomainError(
                _("Giá trị của mục “%(field)s” không hợp lệ.") % {"field": field_obj.verbose_name},
                code=ErrorCode.BAD_CHANGES,
            ) from error
    if {"planned_start", "planned_finish"} & set(changes):
        start, finish = (
            Work._meta.get_field(name).to_python(changes.get(name, getattr(work, name)))  # type: ignore[union-attr]
            for name in ("planned_start", "planned_finish")
        )
        check_within_campaign(work.campaign, start, finish)
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do điều chỉnh."), code=ErrorCode.REASON_REQUIRED)
    if work.change_requests.filter(state=ChangeRequestState.PENDING).exists():
        raise DomainError(
            _("Đã có một đề nghị điều chỉnh chờ duyệt."), code=ErrorCode.PENDING_EXISTS
        )
    request = ChangeRequest.objects.create(
        work=work, changes=changes, reason=reason, requested_by=actor
    )
    WorkEvent.objects.create(
        work=work, actor=actor, kind=EventKind.CHANGE_REQUESTED, payload={"changes": changes}
    )
    return request


def _may_decide(user: Any, request: ChangeRequest, who: Any) -> bool:
    return bool(is_work_approver(user, request.work))


#: The work's history entry for each decision.
DECISION_KINDS = {
    ChangeAction.ACCEPT: EventKind.CHANGE_ACCEPTED,
    ChangeAction.REJECT: EventKind.CHANGE_REJECTED,
}


def _record(request: ChangeRequest, actor: Any, move: Move, payload: dict[str, Any]) -> None:
    """A decision is written in the work's history (a change request has none of its own)."""
    WorkEvent.objects.create(
        work=request.work, actor=actor, kind=DECISION_KINDS[move.action], payload=payload
    )


WORKFLOW: Workflow[ChangeRequest] = Workflow(
    model=ChangeRequest,
    states=ChangeRequestState,
    transitions=CHANGE_TRANSITIONS,
    may_act=_may_decide,
    record=_record,
    refusal=refusal_saying(gettext_lazy("Đề nghị này đã được xử lý.")),
    refusal_code=ErrorCode.ALREADY_DECIDED,
    related=("work",),
)


def _apply_changes(request: ChangeRequest) -> Work:
    """Write the request's changes to its work, read again under a lock (its state too)."""
    work = Work.objects.select_for_update(of=("self",)).get(pk=request.work_id)
    if work.state not in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
        raise DomainError(
            _("Công trình đã hoàn thành hoặc đã hủy: không điều chỉnh được nữa."),
            code=ErrorCode.BAD_STATE,
        )
    for name, value in request.changes.items():
        field_obj = Work._meta.get_field(name)
        assert isinstance(field_obj, models.Field)
        setattr(work, name, field_obj.to_python(value))
    if work.planned_finish < work.planned_start:
        raise DomainError(_("Ngày hoàn thành dự kiến phải sau ngày bắt đầu."))
    check_within_campaign(work.campaign, work.planned_start, work.planned_finish)
    work.save()
    return work


def change_request_decide(
    *, actor: Any, request: ChangeRequest, accept: bool, note: str = ""
) -> ChangeRequest:
    """The approver accepts (the change is applied) or rejects a pending change request.

    Through the workflow engine: a request is decided once (``already_decided``
    otherwise), only by the work's approver, and the decision goes into the work's history.
    """

    def apply(locked: ChangeRequest) -> dict[str, Any]:
        if accept:
            locked.work = _apply_changes(locked)
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_note = note
        return {"changes": locked.changes, "note": note}

    action = ChangeAction.ACCEPT if accept else ChangeAction.REJECT
    return WORKFLOW.run(request, actor=actor, action=action, apply=apply)
