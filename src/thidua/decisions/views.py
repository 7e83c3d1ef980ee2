"""Decision pages under /quyet-dinh/: list, draft from the approved list, edit, issue,
supersede, detail with the DOCX/PDF and the certificates.

Every view starts from ``decisions_visible_to`` (a decision the user may not see is a
404). Actions are POST forms calling one service each; a ``DomainError`` comes back as a
Vietnamese message, a refused permission as the 403 page — never a server error.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.core.tree import path_ids
from thidua.core.views import render_page_or_part
from thidua.decisions import services
from thidua.decisions.certificates import (
    PENDING,
    certificate_batch_cancel,
    certificate_batch_request,
    certificate_file_name,
    certificate_pdf_ensure,
)
from thidua.decisions.forms import DraftForm, EditForm, ReasonForm
from thidua.decisions.integrity import decision_integrity
from thidua.decisions.models import BatchState, CertificateBatch, Decision, DecisionState
from thidua.decisions.revocations.selectors import revoked_entry_ids
from thidua.decisions.rules import (
    can_read_whole_decision,
    is_decision_issuer,
    issuer_units,
    province_paths,
)
from thidua.decisions.selectors import (
    certificates_visible_to,
    decision_detail,
    decision_list,
)
from thidua.decisions.transitions import allowed_actions
from thidua.decisions.views_drafting import (
    amount_explanation_for,
    candidate_rows,
    managed_decision,
    signing_context,
    visible_decision,
)
from thidua.organisations.models import Unit, UnitKind

EVENT_LABELS = {
    "draft": _lazy("Lập dự thảo"),
    "edit": _lazy("Sửa dự thảo"),
    "issue": _lazy("Ban hành"),
    "supersede": _lazy("Được thay thế bởi quyết định mới"),
    "correction_drafted": _lazy("Lập dự thảo thay thế"),
    "certificates_requested": _lazy("Yêu cầu in bằng khen, giấy khen"),
}
DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


@login_required
@require_GET
def decision_list_page(request: HttpRequest) -> HttpResponse:
    """ "Quyết định khen thưởng": the visible decisions, newest first, 25 a page."""
    state = request.GET.get("state", "")
    if state not in DecisionState.values:
        state = ""
    page = Paginator(decision_list(request.user, state=state), 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "state": state,
        "states": DecisionState.choices,
        "can_draft": bool(is_decision_issuer(request.user)),
    }
    return render(request, "decisions/list.html", context)


def _draft_choices(user: Any) -> tuple[Any, Any]:
    """Campaigns and granting units the user may draft for: the province (secretariat)
    and the units whose own decisions the user prepares."""
    from django.db.models import Q

    if reach_of(user).is_admin:
        units = Unit.objects.all()
    else:
        query = Q(pk__in=sorted(issuer_units(user)))
        for path in sorted(province_paths(user, (Role.SECRETARIAT,))):
            query |= Q(kind=UnitKind.PROVINCE, path__startswith=path)
        units = Unit.objects.filter(query)
    ancestors = {pk for path in units.values_list("path", flat=True) for pk in path_ids(path)}
    campaigns = Campaign.objects.filter(issuer_unit__in=ancestors).order_by("-doc_date")
    return campaigns, units.order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def decision_create_page(request: HttpRequest) -> HttpResponse:
    """ "Lập quyết định": choose campaign, phase, form and grantor; tick the approved
    nominations to list; create the draft."""
    user = request.user
    if not is_decision_issuer(user):
        raise PermissionDenied(_("Bạn không có quyền lập quyết định khen thưởng."))
    campaigns, grantors = _draft_choices(user)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = DraftForm(data, campaigns=campaigns, grantors=grantors)
    candidates: list[Any] = []
    error = ""
    if form.is_bound and form.is_valid():
        chosen = form.cleaned_data
        candidates = services.candidates(
            campaign=chosen["campaign"],
            form=chosen["form"],
            grantor_unit=chosen["grantor_unit"],
            phase=chosen["phase"],
        )
        if request.method == "POST":
            picked = [int(v) for v in request.POST.getlist("nomination") if v.isdigit()]
            with refusal_caught() as outcome:
                decision = services.decision_draft(
                    actor=user,
                    campaign=chosen["campaign"],
                    form=chosen["form"],
                    grantor_unit=chosen["grantor_unit"],
                    phase=chosen["phase"],
                    nominations=picked,
                )
            if outcome.ok:
                messages.success(request, _("Đã lập dự thảo quyết định."))
                return redirect("decisions:edit", pk=decision.pk)
            error = outcome.error
    rows = candidate_rows(form, candidates)
    context = {"form": form, "candidates": candidates, "rows": rows, "error": error}
    return render(request, "decisions/create.html", context, status=400 if error else 200)


@login_required
@require_GET
def decision_detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One decision: its facts, rows, files, certificates, history and the actions."""
    try:
        decision = decision_detail(request.user, pk)
    except Decision.DoesNotExist:
        raise Http404(_("Không tìm thấy quyết định.")) from None
    entries: list[Any] = getattr(decision, "visible_entries", [])
    for event in getattr(decision, "event_list", []):
        event.label = EVENT_LABELS.get(event.kind, event.kind)
    manage = bool(is_decision_issuer(request.user, decision))
    batch = decision.certificate_batches.first() if manage else None
    revoked = revoked_entry_ids([e.pk for e in entries]) if entries else {}
    revocations: dict[int, Any] = {}
    for revocation in revoked.values():
        revocation.row_count = getattr(revocations.get(revocation.pk), "row_count", 0) + 1  # type: ignore[attr-defined]
        revocations[revocation.pk] = revocation
    context = {
        "decision": decision,
        "revoked_entries": set(revoked),
        "revocations": list(revocations.values()),
        "entries": entries,
        "manage": manage,
        "actions": [a.value for a in allowed_actions(decision.state)] if manage else [],
        "batch": batch,
        "reason_form": ReasonForm(),
        "whole": bool(can_read_whole_decision(request.user, decision)),
        "total": sum(int(e.amount or 0) for e in entries),
        "integrity": decision_integrity(decision),
    }
    if manage:
        context |= signing_context(request.user, decision)
    return render(request, "decisions/detail.html", context)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Sửa dự thảo": number, date, signer, căn cứ; remove rows."""
    decision = managed_decision(request, pk)
    if decision.state != DecisionState.DRAFT:
        messages.warning(request, _("Quyết định đã ban hành không được sửa."))
        return redirect("decisions:detail", pk=pk)
    initial = {
        "number": decision.number,
        # A draft is usually signed the day it is finished: today, until a date is set.
        "date": decision.date or timezone.localdate(),
        "signer_title": decision.signer_title,
        "authority_prefix": decision.authority_prefix,
        "signer_position": decision.signer_position,
        "signer_name": decision.signer_name,
        "place_name": decision.place_name,
        "legal_bases": "\n".join(decision.legal_bases),
        "proposal": decision.proposal,
        "achievement": decision.achievement,
    }
    form = EditForm(request.POST or None, initial=initial)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_caught() as outcome:
            services.decision_edit(
                actor=request.user,
                decision=decision,
                number=data["number"],
                date=data["date"],
                signer_name=data["signer_name"],
                signer_title=data["signer_title"],
                authority_prefix=data["authority_prefix"],
                signer_position=data["signer_position"],
                place_name=data["place_name"],
                legal_bases=_lines(data["legal_bases"])
                if "legal_bases" in form.changed_data
                else None,
                proposal=data["proposal"],
                achievement=data["achievement"],
                remove_entries=[int(v) for v in request.POST.getlist("remove") if v.isdigit()],
            )
        if outcome.ok:
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("decisions:detail", pk=pk)
        error = outcome.error
    entries = decision.entries.select_related("nomination").order_by("order", "pk")
    status = 400 if (error or form.errors) else 200
    context = {"decision": decision, "form": form, "entries": entries, "error": error}
    context |= signing_context(request.user, decision)
    return render(request, "decisions/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def decision_issue_page(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Ban hành": confirm, then issue (checks the signer's authority as of the date)."""
    decision = managed_decision(request, pk)
    error = ""
    if request.method == "POST":
        with refusal_caught() as outcome:
            services.decision_issue(actor=request.user, decision=decision)
        if outcome.ok:
            messages.success(
                request, _("Đã ban hành Quyết định số %(number)s.") % {"number": decision.number}
            )
            return redirect("decisions:detail", pk=pk)
        error = outcome.error
    if decision.state != DecisionState.DRAFT and not error:
        return redirect("decisions:detail", pk=pk)
    context = {
        "decision": decision,
        "entries": decision.entries.order_by("order", "pk"),
        "error": error,
        "explanation": amount_explanation_for(decision),
    }
    context |= signing_context(request.user, decision)
    return render(request, "decisions/issue.html", context, status=400 if error else 200)


@login_required
@require_POST
def decision_supersede_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Lập quyết định thay thế": a new draft linked to this issued decision."""
    decision = managed_decision(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do đính chính, thay thế."))
        return redirect("decisions:detail", pk=pk)
    drafted = _("Đã lập dự thảo quyết định thay thế.")
    with refusal_caught(request, success=drafted) as outcome:
        draft = services.decision_supersede(
            actor=request.user, decision=decision, reason=form.cleaned_data["reason"]
        )
    if not outcome.ok:
        return redirect("decisions:detail", pk=pk)
    return redirect("decisions:edit", pk=draft.pk)


@login_required
@require_GET
def decision_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """The DOCX or PDF of an issued decision, for those who may see it."""
    decision = visible_decision(request.user, pk)
    if not can_read_whole_decision(request.user, decision):
        raise PermissionDenied(_("Đơn vị chỉ xem được các dòng về người của mình."))
    field = decision.docx if kind == "docx" else decision.pdf
    if decision.state == DecisionState.DRAFT or not field.name:
        raise Http404(_("Quyết định chưa ban hành."))
    return stored_file_response(
        field,
        content_type=DOCUMENT_TYPES[kind],
        as_attachment=True,
        filename=field.name.rsplit("/", 1)[-1],
        missing=_("Tệp quyết định không còn trên máy chủ."),
        private=True,
    )


@login_required
@require_GET
def certificate_file(request: HttpRequest, pk: int) -> FileResponse:
    """One certificate's PDF (rendered once, on first download)."""
    certificate = (
        certificates_visible_to(request.user)
        .select_related("entry__decision__form")
        .filter(pk=pk)
        .first()
    )
    if certificate is None:
        raise Http404(_("Không tìm thấy bằng khen, giấy khen."))
    certificate_pdf_ensure(certificate)
    return stored_file_response(
        certificate.pdf,
        content_type=DOCUMENT_TYPES["pdf"],
        as_attachment=True,
        filename=certificate_file_name(certificate),
        private=True,
    )


@login_required
@require_POST
def batch_start(request: HttpRequest, pk: int) -> HttpResponse:
    """ "In bằng khen, giấy khen": queue the batch and follow it on its page."""
    decision = managed_decision(request, pk)
    with refusal_caught(request, level=messages.WARNING) as outcome:
        batch = certificate_batch_request(actor=request.user, decision=decision)
    if not outcome.ok:
        pending = CertificateBatch.objects.filter(decision=decision, state__in=PENDING).first()
        if pending is not None:
            return redirect("decisions:batch", pk=pending.pk)
        return redirect("decisions:detail", pk=pk)
    return redirect("decisions:batch", pk=batch.pk)


def _batch(request: HttpRequest, pk: int) -> CertificateBatch:
    batch = (
        CertificateBatch.objects.select_related("decision__grantor_unit", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if batch is None or not is_decision_issuer(request.user, batch.decision):
        raise Http404(_("Không tìm thấy lô in."))
    return batch


@login_required
@require_GET
def batch_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The batch's progress bar; its fragment polls every 2 s until done or failed."""
    batch = _batch(request, pk)
    context = {
        "batch": batch,
        "decision": batch.decision,
        "finished": batch.state not in PENDING,
    }
    return render_page_or_part(request, "decisions/batch.html", "progress", context, no_store=True)


@login_required
@require_POST
def batch_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Hủy lô in": cancel a queued or running batch; the task stops at its next step."""
    batch = _batch(request, pk)
    with refusal_caught(request, level=messages.WARNING) as outcome:
        certificate_batch_cancel(actor=request.user, batch=batch)
    if outcome.ok:
        messages.success(request, _("Đã hủy lô in. Có thể yêu cầu in lại."))
    return redirect("decisions:batch", pk=pk)


@login_required
@require_GET
def batch_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    """The batch's ZIP of PDFs or its combined PDF."""
    batch = _batch(request, pk)
    field = batch.archive if kind == "zip" else batch.combined
    if batch.state != BatchState.DONE or not field.name:
        raise Http404(_("Lô in chưa xong."))
    return stored_file_response(
        field,
        content_type=DOCUMENT_TYPES[kind],
        as_attachment=True,
        filename=field.name.rsplit("/", 1)[-1],
        missing=_("Tệp của lô in không còn trên máy chủ."),
        private=True,
    )
