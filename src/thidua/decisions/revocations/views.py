"""Revocation pages under /quyet-dinh/huy-bo/ (Luật Thi đua, khen thưởng 2022, Chương VII):
the list, drafting from an issued decision, the page of one revocation (the draft's
form, issuing, the DOCX/PDF, the recovery of each row).

Every view starts from ``revocations_visible_to`` (out of reach is a 404); only who
prepares the grantor's decisions (``is_decision_issuer``) drafts, edits, issues and
records a recovery (403 otherwise; the services check it again).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.decisions.models import DecisionState, Revocation, RevocationState
from thidua.decisions.revocations import services
from thidua.decisions.revocations.forms import RecoveryForm, RevocationDraftForm, RevocationEditForm
from thidua.decisions.revocations.selectors import (
    revocation_detail,
    revocation_list,
    revocation_rows_visible_to,
    revocations_visible_to,
)
from thidua.decisions.rules import can_read_whole_decision, is_decision_issuer
from thidua.decisions.views_drafting import managed_decision

EVENT_LABELS = {
    "revocation_drafted": _lazy("Lập dự thảo quyết định hủy bỏ"),
    "edit": _lazy("Sửa dự thảo"),
    "issue": _lazy("Ban hành"),
    "record_recovery": _lazy("Ghi nhận đã thu hồi"),
}
FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
@require_GET
def revocation_list_page(request: HttpRequest) -> HttpResponse:
    """ "Quyết định hủy bỏ khen thưởng": the visible revocations, newest first, 25 a page."""
    state = request.GET.get("state", "")
    state = state if state in RevocationState.values else ""
    page = Paginator(revocation_list(request.user, state=state), 25).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "state": state, "states": RevocationState.choices}
    return render(request, "decisions/revocations/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def revocation_create_page(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Lập quyết định hủy bỏ" for rows of the issued decision ``pk``."""
    decision = managed_decision(request, pk)
    if decision.state != DecisionState.ISSUED:
        messages.warning(
            request,
            _("Chỉ hủy bỏ được quyết định đang có hiệu lực (đã ban hành, chưa bị thay thế)."),
        )
        return redirect("decisions:detail", pk=pk)
    entries = list(decision.entries.order_by("order", "pk"))
    rows = [(str(e.pk), e.name + (f" – {e.unit_name}" if e.unit_name else "")) for e in entries]
    form = RevocationDraftForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_caught(form=form) as outcome:
            revocation = services.revocation_draft(
                actor=request.user,
                decision=decision,
                entries=[int(v) for v in data["entries"]],
                reason_kind=data["reason_kind"],
                reason=data["reason"],
                legal_basis=data["legal_basis"],
            )
        if outcome.ok:
            messages.success(request, _("Đã lập dự thảo quyết định hủy bỏ."))
            return redirect("decisions:revocation", pk=revocation.pk)
    status = 400 if form.errors else 200
    context = {"decision": decision, "form": form}
    return render(request, "decisions/revocations/create.html", context, status=status)


def _visible(request: HttpRequest, pk: int) -> Revocation:
    try:
        return revocation_detail(request.user, pk)
    except Revocation.DoesNotExist:
        raise Http404(_("Không tìm thấy quyết định hủy bỏ.")) from None


def _managed(request: HttpRequest, pk: int) -> Revocation:
    revocation = _visible(request, pk)
    if not is_decision_issuer(request.user, revocation.decision):
        raise PermissionDenied(_("Bạn không có quyền sửa, ban hành quyết định hủy bỏ này."))
    return revocation


def _edit_form(request: HttpRequest, revocation: Revocation) -> RevocationEditForm:
    initial = {
        name: getattr(revocation, name)
        for name in (
            "number",
            "date",
            "signer_title",
            "authority_prefix",
            "signer_position",
            "signer_name",
            "reason_kind",
            "reason",
            "legal_basis",
        )
    }
    data = request.POST if request.method == "POST" else None
    rows = list(revocation.visible_rows)  # type: ignore[attr-defined]
    return RevocationEditForm(data, initial=initial, rows=rows)


def _save_draft(request: HttpRequest, revocation: Revocation, form: RevocationEditForm) -> bool:
    data = form.cleaned_data
    with refusal_caught(form=form) as outcome:
        services.revocation_edit(
            actor=request.user,
            revocation=revocation,
            number=data["number"],
            date=data["date"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            authority_prefix=data["authority_prefix"],
            signer_position=data["signer_position"],
            reason_kind=data["reason_kind"],
            reason=data["reason"],
            legal_basis=data["legal_basis"],
            amounts=form.amounts(),
            keep_objects=form.kept_objects(),
        )
    return outcome.ok


@login_required
@require_http_methods(["GET", "POST"])
def revocation_detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One revocation: what it cancels, why, the amounts; the draft's form for who
    prepares it; the recovery of each row once issued."""
    revocation = _managed(request, pk) if request.method == "POST" else _visible(request, pk)
    manage = is_decision_issuer(request.user, revocation.decision)
    form = _edit_form(request, revocation) if manage and revocation.state == "draft" else None
    if request.method == "POST":
        if form is None:
            messages.warning(request, _("Quyết định hủy bỏ đã ban hành không được sửa."))
            return redirect("decisions:revocation", pk=pk)
        if form.is_valid() and _save_draft(request, revocation, form):
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("decisions:revocation", pk=pk)
    for event in revocation.event_list:  # type: ignore[attr-defined]
        event.label = EVENT_LABELS.get(event.kind, event.kind)
    rows = revocation.visible_rows  # type: ignore[attr-defined]
    context = {
        "revocation": revocation,
        "rows": rows,
        "total": sum(r.amount_to_recover or 0 for r in rows),
        "manage": manage,
        "form": form,
        "recovery_form": RecoveryForm() if manage else None,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "decisions/revocations/detail.html", context, status=status)


@login_required
@require_POST
def revocation_issue_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Ban hành": the checks and effects of ``revocation_issue``; a refusal is a message."""
    revocation = _managed(request, pk)
    with refusal_caught(request, success=_("Đã ban hành quyết định hủy bỏ.")):
        services.revocation_issue(actor=request.user, revocation=revocation)
    return redirect("decisions:revocation", pk=pk)


@login_required
@require_POST
def revocation_recovery_view(request: HttpRequest, pk: int, row: int) -> HttpResponse:
    """ "Ghi nhận đã thu hồi" for one row, with its date."""
    revocation = _managed(request, pk)
    found = revocation_rows_visible_to(request.user).filter(revocation=revocation, pk=row).first()
    if found is None:
        raise Http404(_("Không tìm thấy dòng này."))
    form = RecoveryForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("decisions:revocation", pk=pk)
    with refusal_caught(request, success=_("Đã ghi nhận thu hồi.")):
        services.revocation_record_recovery(
            actor=request.user,
            row=found,
            on=form.cleaned_data["on"],
            note=form.cleaned_data["note"],
        )
    return redirect("decisions:revocation", pk=pk)


@login_required
@require_GET
def revocation_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """The DOCX or PDF of an issued revocation, for who prepares it and the province's
    readers; a unit sees only its own rows, so not the files."""
    revocation = (
        revocations_visible_to(request.user)
        .select_related("decision__grantor_unit")
        .filter(pk=pk)
        .first()
    )
    if revocation is None:
        raise Http404(_("Không tìm thấy quyết định hủy bỏ."))
    if not can_read_whole_decision(request.user, revocation.decision):
        raise PermissionDenied(_("Đơn vị chỉ xem được các dòng về người của mình."))
    field = revocation.docx if kind == "docx" else revocation.pdf
    if revocation.state != RevocationState.ISSUED or not field.name:
        raise Http404(_("Quyết định hủy bỏ chưa ban hành."))
    response = stored_file_response(
        field,
        content_type=FILE_TYPES[kind],
        as_attachment=True,
        filename=field.name.rsplit("/", 1)[-1],
        missing=_("Tệp quyết định không còn trên máy chủ."),
    )
    response["Cache-Control"] = "private, no-store"
    return response
