"""Pages of proposals to higher levels under /de-nghi-cap-tren/ (the "higher_awards"
namespace). Every view starts from ``proposals_visible_to`` (a proposal out of reach is a
404); each step is a POST form calling one service; a refusal comes back as a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.core.refusals import refusal_caught
from thidua.higher_awards import workflow
from thidua.higher_awards.central import btv_opinion_required, central_data
from thidua.higher_awards.dossier import dossier_zip
from thidua.higher_awards.forms import (
    AnswerForm,
    EntryForm,
    ObjectionForm,
    OpinionForm,
    PostForm,
    ProposalForm,
    ReportForm,
    ReviewForm,
    SendForm,
)
from thidua.higher_awards.models import Proposal, ProposalState
from thidua.higher_awards.posting import posting_window
from thidua.higher_awards.rules import is_proposal_secretariat, is_reader
from thidua.higher_awards.selectors import proposal_detail, proposal_list
from thidua.higher_awards.thresholds import vote_check
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.selectors import subtree_q

PAGE_SIZE = 20


def _provinces(user: Any) -> Any:
    reach = reach_of(user)
    provinces = Unit.objects.filter(kind=UnitKind.PROVINCE, parent__isnull=True)
    if reach.is_admin:
        return provinces.order_by("name")
    if Role.SECRETARIAT not in reach.roles:
        return Unit.objects.none()
    return provinces.filter(subtree_q(reach.subtree_paths)).order_by("name")


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The proposals the user sees (the province's Ban TĐKT, leaders, council members)."""
    if not is_reader(request.user):
        raise PermissionDenied
    state = request.GET.get("state", "")
    rows = proposal_list(request.user, state=state if state in ProposalState.values else "")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "higher_awards/list.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "can_create": _provinces(request.user).exists(),
        },
    )


@login_required
def create_page(request: HttpRequest) -> HttpResponse:
    provinces = _provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied
    form = ProposalForm(request.POST if request.method == "POST" else None, provinces=provinces)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_caught(request, form=form, success=_("Đã tạo tờ trình.")) as done:
            proposal = workflow.proposal_create(
                actor=request.user,
                province=data["province"],
                year=data["year"],
                title=data["title"],
                posting_channel=data["posting_channel"],
                comment_contact=data["comment_contact"],
                signer_name=data["signer_name"],
            )
        if done.ok:
            return redirect("higher_awards:detail", pk=proposal.pk)
    return render(request, "higher_awards/form.html", {"form": form})


def _visible(request: HttpRequest, pk: int) -> Proposal:
    try:
        return proposal_detail(request.user, pk)
    except Proposal.DoesNotExist:
        raise Http404(_("Không tìm thấy tờ trình.")) from None


@login_required
@require_GET
def detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _visible(request, pk)
    entries = list(proposal.entries.all())
    window = posting_window(proposal.posted_on) if proposal.posted_on else None
    on = proposal.council_meeting_on or proposal.posted_on or timezone.localdate()
    for entry in entries:
        entry.needs_btv = btv_opinion_required(entry.form.code, btv_managed=entry.btv_managed)  # type: ignore[attr-defined]
        entry.vote_check = vote_check(entry, on)  # type: ignore[attr-defined]
        # One form per row, each with its own ids (a label names one field only).
        entry.opinion_form = OpinionForm(auto_id=f"op{entry.pk}_%s")  # type: ignore[attr-defined]
        entry.report_form = ReportForm(auto_id=f"rp{entry.pk}_%s")  # type: ignore[attr-defined]
    objections = list(proposal.objections.all())
    for objection in objections:
        objection.answer_form = AnswerForm(auto_id=f"an{objection.pk}_%s")  # type: ignore[attr-defined]
    return render(
        request,
        "higher_awards/detail.html",
        {
            "proposal": proposal,
            "entries": entries,
            "objections": objections,
            "events": list(proposal.events.all()),
            "window": window,
            "public_basis": central_data().posting.public_basis,
            "can_act": is_proposal_secretariat(request.user, proposal),
            "entry_form": EntryForm(province=proposal.province),
            "post_form": PostForm(initial={"channel": proposal.posting_channel}),
            "objection_form": ObjectionForm(
                entries=proposal.entries.select_related("nominee", "form")
            ),
            "review_form": ReviewForm(),
            "send_form": SendForm(initial={"number": proposal.number}),
        },
    )


Step = Callable[[HttpRequest, Proposal], None]


def _form_step(form_class: type, run: Callable[..., Any], **extra: Any) -> Step:
    def step(request: HttpRequest, proposal: Proposal) -> None:
        kwargs = {key: factory(proposal) for key, factory in extra.items()}
        form = form_class(request.POST, request.FILES, **kwargs)
        if not form.is_valid():
            problems = [
                f"{form[name].label}: {' '.join(errs)}"
                for name, errs in form.errors.items()
                if name in form.fields
            ]
            messages.error(request, "; ".join(problems) or _("Hãy kiểm tra lại thông tin."))
            return
        with refusal_caught(request, success=_("Đã cập nhật tờ trình.")):
            run(request, proposal, form.cleaned_data)

    return step


def _entry(proposal: Proposal, request: HttpRequest) -> Any:
    pk = request.POST.get("entry_pk", "")
    entry = proposal.entries.filter(pk=int(pk)).first() if pk.isdigit() and len(pk) < 18 else None
    if entry is None:
        raise Http404
    return entry


def _votes(request: HttpRequest, proposal: Proposal) -> dict[int, tuple[int, int]]:
    votes = {}
    for entry in proposal.entries.all():
        yes = request.POST.get(f"vote_yes_{entry.pk}", "").strip()
        members = request.POST.get(f"vote_members_{entry.pk}", "").strip()
        if yes.isdigit() and members.isdigit() and len(yes) < 6 and len(members) < 6:
            votes[entry.pk] = (int(yes), int(members))
    return votes


def _objection(proposal: Proposal, request: HttpRequest) -> Any:
    pk = request.POST.get("objection_pk", "")
    row = proposal.objections.filter(pk=int(pk)).first() if pk.isdigit() and len(pk) < 18 else None
    if row is None:
        raise Http404
    return row


STEPS: dict[str, Step] = {
    "entry": _form_step(
        EntryForm,
        lambda r, p, d: workflow.entry_add(
            actor=r.user,
            proposal=p,
            nominee=d["nominee"],
            form=d["form"],
            achievement=d["achievement"],
            btv_managed=d["btv_managed"],
        ),
        province=lambda p: p.province,
    ),
    "remove": lambda r, p: _removed(r, p),
    "report": _form_step(
        ReportForm,
        lambda r, p, d: workflow.entry_attach_report(
            actor=r.user,
            entry=_entry(p, r),
            stream=d["report"],
            name=d["report"].name,
            size=d["report"].size,
        ),
    ),
    "post": _form_step(
        PostForm,
        lambda r, p, d: workflow.proposal_post(
            actor=r.user, proposal=p, posted_on=d["posted_on"], channel=d["channel"]
        ),
    ),
    "objection": _form_step(
        ObjectionForm,
        lambda r, p, d: workflow.objection_record(
            actor=r.user,
            proposal=p,
            received_on=d["received_on"],
            channel=d["channel"],
            author=d["author"],
            content=d["content"],
            entry=d["entry"],
        ),
        entries=lambda p: p.entries.all(),
    ),
    "answer": _form_step(
        AnswerForm,
        lambda r, p, d: workflow.objection_answer(
            actor=r.user,
            objection=_objection(p, r),
            answer=d["answer"],
            answered_on=d["answered_on"],
        ),
    ),
    "review": _form_step(
        ReviewForm,
        lambda r, p, d: workflow.proposal_review(
            actor=r.user,
            proposal=p,
            meeting_on=d["meeting_on"],
            record=d["record"],
            votes=_votes(r, p),
        ),
    ),
    "opinion": _form_step(
        OpinionForm,
        lambda r, p, d: workflow.btv_opinion_record(
            actor=r.user,
            entry=_entry(p, r),
            opinion=d["opinion"],
            reference=d["reference"],
            opinion_on=d["opinion_on"],
        ),
    ),
    "send": _form_step(
        SendForm,
        lambda r, p, d: workflow.proposal_send(
            actor=r.user,
            proposal=p,
            sent_on=d["sent_on"],
            reference=d["reference"],
            number=d["number"],
        ),
    ),
}


def _removed(request: HttpRequest, proposal: Proposal) -> None:
    with refusal_caught(request, success=_("Đã bỏ đối tượng khỏi tờ trình.")):
        workflow.entry_remove(actor=request.user, entry=_entry(proposal, request))


@login_required
@require_POST
def step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step on the proposal's page (the Ban TĐKT only: the services check it)."""
    proposal = _visible(request, pk)
    run = STEPS.get(step)
    if run is None:
        raise Http404
    run(request, proposal)
    return redirect("higher_awards:detail", pk=proposal.pk)


@login_required
@require_GET
def dossier_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The dossier as a ZIP (tờ trình DOCX + PDF, list XLSX, reports, posting record)."""
    proposal = _visible(request, pk)
    response = HttpResponse(dossier_zip(proposal), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="ho-so-de-nghi-{proposal.year}-{proposal.pk}.zip"'
    )
    return response
