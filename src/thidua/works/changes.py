"""Change requests: after approval, a unit asks and the approver decides."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError, NotPermitted
from thidua.works.models import ChangeRequest, ChangeRequestState, Work, WorkEvent, WorkState
from thidua.works.rules import is_work_approver, is_work_unit_staff

#: What a change request may change (the approver re-checks the dates when applying it).
CHANGEABLE_FIELDS = frozenset(
    {"title", "description", "planned_start", "planned_finish", "budget", "budget_source"}
)


@transaction.atomic
def change_request_create(
    *, actor: Any, work: Work, changes: dict[str, Any], reason: str
) -> ChangeRequest:
    """Ask the approver to change an approved work (one pending request at a time)."""
    if not is_work_unit_staff(actor, work):
        raise NotPermitted()
    if work.state not in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
        raise DomainError(_("Chỉ điều chỉnh công trình đã duyệt."), code="bad_state")
    unknown = set(changes) - CHANGEABLE_FIELDS
    if unknown or not changes:
        raise DomainError(_("Nội dung điều chỉnh không hợp lệ."), code="bad_changes")
    for name, value in changes.items():
        # Checked now, so that the approver never meets a value that cannot be applied.
        field_obj = Work._meta.get_field(name)
        assert isinstance(field_obj, models.Field)
        try:
            field_obj.clean(value, work)
        except ValidationError as error:
            raise DomainError(
                _("Giá trị của mục “%(field)s” không hợp lệ.") % {"field": field_obj.verbose_name},
                code="bad_changes",
            ) from error
    if not reason.strip():
        raise DomainError(_("Hãy ghi lý do điều chỉnh."), code="reason_required")
    if work.change_requests.filter(state=ChangeRequestState.PENDING).exists():
        raise DomainError(_("Đã có một đề nghị điều chỉnh chờ duyệt."), code="pending_exists")
    request = ChangeRequest.objects.create(
        work=work, changes=changes, reason=reason, requested_by=actor
    )
    WorkEvent.objects.create(
        work=work, actor=actor, kind="change_requested", payload={"changes": changes}
    )
    return request


@transaction.atomic
def change_request_decide(
    *, actor: Any, request: ChangeRequest, accept: bool, note: str = ""
) -> ChangeRequest:
    """The approver accepts (the change is applied) or rejects a pending change request."""
    locked = ChangeRequest.objects.select_for_update().select_related("work").get(pk=request.pk)
    work = locked.work
    if not is_work_approver(actor, work):
        raise NotPermitted()
    if locked.state != ChangeRequestState.PENDING:
        raise DomainError(_("Đề nghị này đã được xử lý."), code="already_decided")
    if accept and work.state not in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
        raise DomainError(
            _("Công trình đã hoàn thành hoặc đã hủy: không điều chỉnh được nữa."),
            code="bad_state",
        )
    if accept:
        for name, value in locked.changes.items():
            field_obj = Work._meta.get_field(name)
            assert isinstance(field_obj, models.Field)
            setattr(work, name, field_obj.to_python(value))
        if work.planned_finish < work.planned_start:
            raise DomainError(_("Ngày hoàn thành dự kiến phải sau ngày bắt đầu."))
        work.save()
    locked.state = ChangeRequestState.ACCEPTED if accept else ChangeRequestState.REJECTED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.decision_note = note
    locked.save()
    WorkEvent.objects.create(
        work=work,
        actor=actor,
        kind="change_accepted" if accept else "change_rejected",
        payload={"changes": locked.changes, "note": note},
    )
    return locked
