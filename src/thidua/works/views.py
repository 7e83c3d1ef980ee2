"""One work's page: its facts, history, progress and evidence, and the actions on it.

Every view starts from ``works_visible_to`` (a work the user may not see is a 404, so a
sibling cannot tell it exists). Actions are POST forms calling one service each; a
``DomainError`` comes back as a Vietnamese message beside the form, a refused permission
as the 403 page — never a server error.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.works import services
from thidua.works.forms_actions import (
    CancelForm,
    ChangeRequestForm,
    CompleteForm,
    DecideChangeForm,
    NoteForm,
    ProgressForm,
    ReturnForm,
)
from thidua.works.models import (
    ChangeRequest,
    ChangeRequestState,
    Evidence,
    EvidenceKind,
    Work,
    WorkState,
)
from thidua.works.rules import can_view_work, is_work_approver, is_work_unit_staff, may_act
from thidua.works.selectors import work_detail, works_visible_to
from thidua.works.transitions import EDITABLE_STATES, TRANSITIONS, allowed_actions

#: Forms of the actions that need more than a click; the others post a bare button.
ACTION_FORMS: dict[str, type[forms.Form]] = {
    "approve": NoteForm,
    "return": ReturnForm,
    "complete": CompleteForm,
    "cancel": CancelForm,
    "progress": ProgressForm,
    "change": ChangeRequestForm,
    "decide": DecideChangeForm,
}


def visible_work(user: Any, pk: int) -> Work:
    """A work the user may see, with what permission checks read; else 404."""
    try:
        return (
            works_visible_to(user)
            .select_related("unit", "campaign", "approver_unit", "campaign__issuer_unit")
            .get(pk=pk)
        )
    except Work.DoesNotExist:
        raise Http404(_("Không tìm thấy công trình.")) from None


def user_actions(user: Any, work: Work, *, pending: ChangeRequest | None = None) -> set[str]:
    """What this user may do to this work now: the table's actions they are the actor of,
    plus editing, progress and change requests (unit staff) and deciding (approver)."""
    state = WorkState(work.state)
    actions = {
        action.value
        for action in allowed_actions(state)
        if may_act(user, work, TRANSITIONS[(state, action)][1])
    }
    if is_work_unit_staff(user, work):
        if state in EDITABLE_STATES:
            actions.add("edit")
        if state in {WorkState.APPROVED, WorkState.IN_PROGRESS}:
            actions.add("progress")
            if pending is None:
                actions.add("change")
    if pending is not None and is_work_approver(user, work):
        actions.add("decide")
    return actions


def _blank_forms(work: Work) -> dict[str, forms.Form]:
    today = timezone.localdate()
    return {
        "approve": NoteForm(prefix="approve"),
        "return": ReturnForm(prefix="return"),
        "complete": CompleteForm(prefix="complete", initial={"actual_finish": today}),
        "cancel": CancelForm(prefix="cancel"),
        "progress": ProgressForm(
            prefix="progress", initial={"on": today, "percent": work.percent_complete}
        ),
        "change": ChangeRequestForm(prefix="change"),
        "decide": DecideChangeForm(prefix="decide"),
    }


def render_detail(
    request: HttpRequest,
    pk: int,
    *,
    failed: str = "",
    form: forms.Form | None = None,
    error: str = "",
) -> HttpResponse:
    """The work's page; after a refused action, that action's form open with its errors."""
    try:
        work = work_detail(request.user, pk)
    except Work.DoesNotExist:
        raise Http404(_("Không tìm thấy công trình.")) from None
    prefetch_related_objects([work], "change_requests__requested_by", "change_requests__decided_by")
    today = timezone.localdate()
    change_requests = list(work.change_requests.all())
    pending = next((c for c in change_requests if c.state == ChangeRequestState.PENDING), None)
    action_forms = _blank_forms(work)
    if failed and form is not None:
        action_forms[failed] = form
    if error and form is not None:
        form.add_error(None, error)
    events = list(work.events.all())
    context = {
        "work": work,
        "today": today,
        "actions": user_actions(request.user, work, pending=pending),
        "forms": action_forms,
        "failed": failed,
        "error": error if form is None else "",
        "events": events[::-1],
        "return_event": _last_return(events) if work.state == WorkState.RETURNED else None,
        "updates": list(work.progress_updates.all())[::-1],
        "milestones": list(work.milestones.all()),
        "change_requests": change_requests,
        "pending": pending,
        "elapsed": work.elapsed_percent(today),
    }
    return render(request, "works/detail.html", context)


def _last_return(events: list[Any]) -> Any:
    return next((e for e in reversed(events) if e.kind == "return"), None)


@login_required
@require_GET
def work_detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Header with state and flags, the facts, history, progress, and the allowed actions."""
    return render_detail(request, pk)


def _perform(action: str, user: Any, work: Work, form: forms.Form | None) -> str:
    """Call the service of ``action``; return the message to show on success."""
    data = form.cleaned_data if form is not None else {}
    if action == "submit":
        services.work_submit(actor=user, work=work)
        return _("Đã gửi công trình lên cấp duyệt.")
    if action == "approve":
        services.work_approve(actor=user, work=work, note=data.get("note", ""))
        return _("Đã duyệt công trình.")
    if action == "return":
        services.work_return(
            actor=user, work=work, reason=data["reason"], what_to_fix=data["what_to_fix"]
        )
        return _("Đã trả lại công trình để đơn vị sửa.")
    if action == "start":
        services.work_start(actor=user, work=work)
        return _("Công trình đã chuyển sang “Đang thực hiện”.")
    if action == "complete":
        services.work_complete(actor=user, work=work, actual_finish=data["actual_finish"])
        return _("Đã ghi nhận công trình hoàn thành.")
    if action == "cancel":
        services.work_cancel(actor=user, work=work, reason=data["reason"])
        return _("Đã hủy công trình.")
    if action == "progress":
        services.progress_add(
            actor=user,
            work=work,
            on=data["on"],
            percent=data["percent"],
            narrative=data["narrative"],
            files=data.get("evidence") or [],
        )
        return _("Đã cập nhật tiến độ.")
    if action == "change":
        assert isinstance(form, ChangeRequestForm)
        services.change_request_create(
            actor=user, work=work, changes=form.changes(), reason=data["reason"]
        )
        return _("Đã gửi đề nghị điều chỉnh; chờ cấp duyệt quyết định.")
    raise Http404


@login_required
@require_POST
def work_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one action on a work through its service, then show the work again."""
    work = visible_work(request.user, pk)
    form_class = ACTION_FORMS.get(action)
    form = form_class(request.POST, request.FILES, prefix=action) if form_class else None
    if form is not None and not form.is_valid():
        return render_detail(request, pk, failed=action, form=form)
    with refusal_caught(form=form) as outcome:  # a refused file: beside the file input
        message = _perform(action, request.user, work, form)
    if not outcome.ok:
        error = outcome.error if form is None else ""  # else already on the form
        return render_detail(request, pk, failed=action, form=form, error=error)
    messages.success(request, message)
    return redirect("works:detail", pk=pk)


@login_required
@require_POST
def change_decide(request: HttpRequest, pk: int, change: int) -> HttpResponse:
    """The approver accepts (the change is applied) or rejects a pending change request."""
    work = visible_work(request.user, pk)
    request_obj = ChangeRequest.objects.filter(work=work, pk=change).first()
    if request_obj is None:
        raise Http404(_("Không tìm thấy đề nghị điều chỉnh."))
    form = DecideChangeForm(request.POST, prefix="decide")
    if not form.is_valid():
        return render_detail(request, pk, failed="decide", form=form)
    accept = form.cleaned_data["decision"] == "accept"
    with refusal_caught() as outcome:
        services.change_request_decide(
            actor=request.user, request=request_obj, accept=accept, note=form.cleaned_data["note"]
        )
    if not outcome.ok:
        return render_detail(request, pk, failed="decide", form=form, error=outcome.error)
    messages.success(
        request,
        _("Đã chấp thuận đề nghị điều chỉnh.") if accept else _("Đã không chấp thuận đề nghị."),
    )
    return redirect("works:detail", pk=pk)


@login_required
@require_GET
def evidence_file(request: HttpRequest, pk: int, evidence: int) -> FileResponse:
    """A photo or document of a progress update, for those who may see the work only.

    Served through this view (never a public /media/ address) with the type found when
    the file was checked; photos open in the page, documents download.
    """
    item = (
        Evidence.objects.select_related("update__work")
        .filter(pk=evidence, update__work_id=pk)
        .first()
    )
    if item is None or not can_view_work(request.user, item.update.work):
        raise Http404(_("Không tìm thấy tệp minh chứng."))
    response = stored_file_response(
        item.file,
        content_type=item.content_type,
        as_attachment=item.kind != EvidenceKind.PHOTO,
        filename=item.original_name,
        missing=_("Tệp minh chứng không còn trên máy chủ."),
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
