"""Writes of works: registration, the workflow, progress, change requests, reorganisation.

Every state change goes through ``_transition``: lock → check the table → check
permission → apply → save → append an event → effects after commit. No other code
assigns ``Work.state``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import (
    Approver,
    Campaign,
    CampaignWork,
    ContentArea,
    Phase,
    RegistrationRule,
)
from thidua.core.dates import PartialDate
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.notifications import notify
from thidua.core.uploads import check_evidence
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.models import (
    OPEN_STATES,
    ChangeRequest,
    ChangeRequestState,
    Evidence,
    ProgressUpdate,
    Work,
    WorkEvent,
    WorkState,
)
from thidua.works.rules import is_work_approver, is_work_unit_staff, may_act
from thidua.works.selectors import similar_titles
from thidua.works.transitions import EDITABLE_STATES, TRANSITIONS, Action

#: Similarity from which a title counts as a copy of a provincial work (refused) or of
#: another unit's work (shown, and saved only when the person confirms).
PROVINCE_DUPLICATE = 0.85
SIMILAR_WARNING = 0.8


@dataclass
class WorkData:
    """What a unit states when registering a work (KH 128 II.2)."""

    kind: str
    title: str
    planned_start: dt.date
    planned_finish: dt.date
    description: str = ""
    content_area: ContentArea | None = None
    place: Unit | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    budget: Decimal | None = None
    budget_source: str = ""
    phase: Phase | None = None
    targets: list[Target] = field(default_factory=list)
    cooperating_units: list[Unit] = field(default_factory=list)


class SimilarWorks(DomainError):
    """Look-alike titles exist; ``matches`` lists them. Save again with confirmation."""

    code = "similar_works"

    def __init__(self, matches: list[tuple[float, str, str, int | None]]) -> None:
        self.matches = matches
        names = "; ".join(f"“{title}” ({source})" for _score, title, source, _pk in matches)
        super().__init__(
            _("Có công trình gần giống: %(names)s. Kiểm tra lại, rồi xác nhận nếu không trùng.")
            % {"names": names}
        )


def rule_for(campaign: Campaign, unit: Unit) -> RegistrationRule | None:
    """The registration rule that names the unit's kind (KH 128 II.2.b–c)."""
    for rule in campaign.registration_rules.all():
        if unit.kind in rule.unit_kinds:
            return rule
    return None


def approver_for(campaign: Campaign, unit: Unit) -> Unit:
    """The level above that approves the unit's works: its parent where the rule says
    "through the parent" (communes through their district), else the issuing level."""
    rule = rule_for(campaign, unit)
    if rule is not None and rule.approver == Approver.PARENT and unit.parent_id:
        return Unit.objects.get(pk=unit.parent_id)
    return campaign.issuer_unit


def _check_data(campaign: Campaign, unit: Unit, data: WorkData) -> None:
    problems = []
    if not data.title.strip():
        problems.append(_("Hãy nhập tên công trình, phần việc."))
    if data.planned_finish < data.planned_start:
        problems.append(_("Ngày hoàn thành dự kiến phải sau ngày bắt đầu."))
    rule = rule_for(campaign, unit)
    if rule is not None and data.kind not in {*rule.work_kinds, *rule.alternative_work_kinds}:
        problems.append(_("Loại công trình này không được tính cho đơn vị loại của bạn."))
    for part, name in ((data.phase, "phase"), (data.content_area, "content_area")):
        if part is not None and part.campaign_id != campaign.pk:
            problems.append(_("Mục %(name)s không thuộc phong trào này.") % {"name": name})
    if any(t.campaign_id != campaign.pk for t in data.targets):
        problems.append(_("Chỉ tiêu được chọn không thuộc phong trào này."))
    if data.place is not None and data.place.kind != UnitKind.COMMUNE:
        problems.append(_("Địa điểm phải là một xã, phường, thị trấn."))
    if data.latitude is not None and not (-90 <= data.latitude <= 90):
        problems.append(_("Vĩ độ phải trong khoảng -90 đến 90."))
    if data.longitude is not None and not (-180 <= data.longitude <= 180):
        problems.append(_("Kinh độ phải trong khoảng -180 đến 180."))
    if data.budget is not None and data.budget < 0:
        problems.append(_("Kinh phí không được âm."))
    if problems:
        raise DomainError(" ".join(problems), code="invalid_work")


def _check_similar(campaign: Campaign, title: str, exclude_pk: int | None, confirmed: bool) -> None:
    matches = similar_titles(campaign, title, exclude_pk=exclude_pk)
    for score, other, source, _pk in matches:
        if source == "province" and score >= PROVINCE_DUPLICATE:
            raise DomainError(
                _("Trùng với công trình của tỉnh “%(title)s”: KH yêu cầu không đăng ký trùng.")
                % {"title": other},
                code="duplicate_province_work",
            )
    close = [m for m in matches if m[0] >= SIMILAR_WARNING]
    if close and not confirmed:
        raise SimilarWorks(close)


def _deadline(phase: Phase | None) -> dt.date | None:
    return phase.last_day if phase is not None else None


def _apply(work: Work, data: WorkData) -> None:
    for name in (
        "kind",
        "title",
        "description",
        "content_area",
        "place",
        "latitude",
        "longitude",
        "budget",
        "budget_source",
        "planned_start",
        "planned_finish",
        "phase",
    ):
        setattr(work, name, getattr(data, name))
    if work.campaign_work_id is None:
        work.deadline = _deadline(data.phase)


@transaction.atomic
def work_create(
    *, actor: Any, campaign: Campaign, unit: Unit, data: WorkData, confirm_similar: bool = False
) -> Work:
    """Register a draft work for ``unit``; only the unit's own officers or head may.

    Refuses a copy of a provincial work (KH 128 II.2: "không trùng với công trình, dự án
    của tỉnh") and asks for confirmation when another unit's work looks alike.
    """
    probe = Work(unit=unit, approver_unit=unit)
    if not is_work_unit_staff(actor, probe):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise DomainError(_("Đơn vị không thuộc phạm vi của phong trào này."))
    _check_data(campaign, unit, data)
    _check_similar(campaign, data.title, None, confirm_similar)
    work = Work(
        campaign=campaign,
        unit=unit,
        registrant_unit=unit,
        approver_unit=approver_for(campaign, unit),
        created_by=actor,
    )
    _apply(work, data)
    work.save()
    work.targets.set(data.targets)
    work.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(work=work, actor=actor, kind="created", to_state=work.state)
    return work


@transaction.atomic
def campaign_work_register(*, actor: Any, campaign_work: CampaignWork, data: WorkData) -> Work:
    """Register one of the issuing level's own works (KH 128 II.2.a) as a work of the
    issuer, under the plan's title, with the plan's deadline (the end of the stated month).

    The no-duplicate check does not apply: this *is* the provincial work. Each campaign
    work is registered once; the issuer's staff or the secretariat covering it may.
    """
    campaign = campaign_work.campaign
    issuer = campaign.issuer_unit
    probe = Work(unit=issuer, approver_unit=issuer, campaign=campaign)
    if not (is_work_unit_staff(actor, probe) or is_work_approver(actor, probe)):
        raise PermissionDenied()
    if Work.objects.filter(campaign_work=campaign_work).exists():
        raise DomainError(_("Công trình này của tỉnh đã được đăng ký."), code="already_registered")
    data.title = campaign_work.title
    data.kind = campaign_work.kind
    data.content_area = data.content_area or campaign_work.content_area
    _check_data(campaign, issuer, data)
    work = Work(
        campaign=campaign,
        unit=issuer,
        registrant_unit=issuer,
        approver_unit=issuer,
        created_by=actor,
        campaign_work=campaign_work,
    )
    _apply(work, data)
    work.deadline = (
        PartialDate.from_parts(campaign_work.deadline, campaign_work.deadline_precision).last_day()
        if campaign_work.deadline
        else None
    )
    work.save()
    work.targets.set(data.targets)
    work.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(
        work=work,
        actor=actor,
        kind="created",
        to_state=work.state,
        payload={"campaign_work": campaign_work.code},
    )
    return work


@transaction.atomic
def work_update(*, actor: Any, work: Work, data: WorkData, confirm_similar: bool = False) -> Work:
    """Edit a draft or returned work. After approval, only a change request may."""
    locked = Work.objects.select_for_update().get(pk=work.pk)
    if not is_work_unit_staff(actor, locked):
        raise PermissionDenied()
    if locked.state not in EDITABLE_STATES:
        raise DomainError(
            _("Công trình đã gửi hoặc đã duyệt: hãy gửi đề nghị điều chỉnh."), code="not_editable"
        )
    _check_data(locked.campaign, locked.unit, data)
    _check_similar(locked.campaign, data.title, locked.pk, confirm_similar)
    _apply(locked, data)
    locked.save()
    locked.targets.set(data.targets)
    locked.cooperating_units.set(data.cooperating_units)
    WorkEvent.objects.create(work=locked, actor=actor, kind="edited")
    return locked


def _transition(
    *,
    actor: Any,
    work: Work,
    action: Action,
    payload: dict[str, Any] | None = None,
    apply: Callable[[Work], None] | None = None,
    effects: Callable[[Work], None] | None = None,
) -> Work:
    """The one place a work changes state (STYLE.md: one transition function per workflow)."""
    with transaction.atomic():
        locked = (
            Work.objects.select_for_update().select_related("approver_unit", "unit").get(pk=work.pk)
        )
        source = WorkState(locked.state)
        entry = TRANSITIONS.get((source, action))
        if entry is None:
            raise DomainError(
                _("Không thể “%(action)s” khi công trình đang “%(state)s”.")
                % {"action": action_label(action), "state": source.label},
                code="invalid_transition",
            )
        target, who = entry
        if not may_act(actor, locked, who):
            raise PermissionDenied()
        if apply is not None:
            apply(locked)
        locked.state = target
        locked.save()
        WorkEvent.objects.create(
            work=locked,
            actor=actor,
            kind=action.value,
            from_state=source,
            to_state=target,
            payload=payload or {},
        )
        if effects is not None:
            transaction.on_commit(lambda: effects(locked))
    return locked


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


def _notify_unit(work: Work, title: str, body: str, kind: str) -> None:
    from thidua.accounts.models import User

    today = timezone.localdate()
    # One filter() call: the validity applies to the same membership as the unit and role,
    # so former (or future) staff are not told.
    staff = User.objects.filter(
        Q(memberships__valid_from__isnull=True) | Q(memberships__valid_from__lte=today),
        Q(memberships__valid_to__isnull=True) | Q(memberships__valid_to__gte=today),
        memberships__unit=work.unit,
        memberships__role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD],
    ).distinct()
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
        raise DomainError(_("Hãy ghi lý do trả lại và nội dung cần sửa."), code="reason_required")
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
        raise DomainError(_("Ngày hoàn thành không được sau hôm nay."), code="future_date")
    if actual_finish < work.planned_start:
        raise DomainError(_("Ngày hoàn thành không được trước ngày bắt đầu."), code="bad_date")

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
        raise DomainError(_("Hãy ghi lý do hủy."), code="reason_required")
    return _transition(actor=actor, work=work, action=Action.CANCEL, payload={"reason": reason})


def progress_add(
    *,
    actor: Any,
    work: Work,
    on: dt.date,
    percent: int,
    narrative: str,
    files: list[Any] | None = None,
) -> ProgressUpdate:
    """Record progress with its evidence; the first update of an approved work starts it.

    Progress never goes backwards; each file is checked by content and size, and a bad
    file rejects the whole update (nothing half-written).
    """
    if not is_work_unit_staff(actor, work):
        raise PermissionDenied()
    if not 0 <= percent <= 100:
        raise DomainError(_("Tiến độ phải từ 0 đến 100%."), code="bad_percent")
    if on > timezone.localdate():
        raise DomainError(_("Ngày cập nhật không được sau hôm nay."), code="future_date")
    if not narrative.strip():
        raise DomainError(_("Hãy mô tả tiến độ."), code="narrative_required")
    checked = [(f, check_evidence(f, name=f.name, size=f.size)) for f in files or []]
    with transaction.atomic():
        # The state is read under the lock, not from the caller's copy (which may be stale),
        # and the start belongs to the same transaction as the update.
        locked = Work.objects.select_for_update().get(pk=work.pk)
        if locked.state == WorkState.APPROVED:
            locked = work_start(actor=actor, work=locked)
        if locked.state != WorkState.IN_PROGRESS:
            raise DomainError(
                _("Chỉ cập nhật tiến độ công trình đã duyệt, đang thực hiện."), code="bad_state"
            )
        if percent < locked.percent_complete:
            raise DomainError(
                _("Tiến độ không được thấp hơn lần trước (%(last)s%%).")
                % {"last": locked.percent_complete},
                code="progress_backwards",
            )
        update = ProgressUpdate.objects.create(
            work=locked, on=on, percent=percent, narrative=narrative, created_by=actor
        )
        for upload, info in checked:
            Evidence.objects.create(
                update=update,
                kind=info.kind,
                file=upload,
                original_name=upload.name,
                content_type=info.content_type,
                size=info.size,
                sha256=info.sha256,
            )
        locked.percent_complete = percent
        locked.save(update_fields=["percent_complete", "updated_at"])
        WorkEvent.objects.create(
            work=locked,
            actor=actor,
            kind="progress",
            payload={"percent": percent, "on": on.isoformat(), "files": len(checked)},
        )
    return update


CHANGEABLE_FIELDS = frozenset(
    {"title", "description", "planned_start", "planned_finish", "budget", "budget_source"}
)


@transaction.atomic
def change_request_create(
    *, actor: Any, work: Work, changes: dict[str, Any], reason: str
) -> ChangeRequest:
    """Ask the approver to change an approved work (one pending request at a time)."""
    if not is_work_unit_staff(actor, work):
        raise PermissionDenied()
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
        raise PermissionDenied()
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


@transaction.atomic
def works_move_to_successor(*, unit: Unit, successor: Unit, actor: Any = None) -> int:
    """Hand a dissolved or merged unit's open works to its successor (2025 reorganisation).

    History and the original registrant stay; the approver is recomputed for the new
    unit, and works that the old unit approved go to its successor. Returns the count.
    """
    moved = 0
    for work in Work.objects.select_for_update().filter(unit=unit, state__in=OPEN_STATES):
        old_approver = work.approver_unit_id
        work.unit = successor
        work.approver_unit = approver_for(work.campaign, successor)
        work.save()
        WorkEvent.objects.create(
            work=work,
            actor=actor,
            kind="moved",
            payload={
                "from_unit": unit.code,
                "to_unit": successor.code,
                "from_approver": old_approver,
                "to_approver": work.approver_unit_id,
            },
        )
        moved += 1
    for work in Work.objects.select_for_update().filter(approver_unit=unit, state__in=OPEN_STATES):
        work.approver_unit = successor
        work.save()
        WorkEvent.objects.create(
            work=work,
            actor=actor,
            kind="approver_moved",
            payload={"from": unit.code, "to": successor.code},
        )
    return moved


def can_register_for(user: Any, unit: Unit) -> bool:
    """Whether ``user`` may register works for ``unit`` (its officers or head)."""
    reach = reach_of(user)
    return reach.is_admin or any(
        unit.pk in reach.roles.get(role, frozenset())
        for role in (Role.UNIT_OFFICER, Role.UNIT_HEAD)
    )
