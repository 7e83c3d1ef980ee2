"""Pages of a unit's nominations under /khen-thuong/: the list, the form (with the checks
running live as the officer types), the detail with its dossier and workflow buttons.

Mobile first: commune officers work on phones (STYLE.md, Pages).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role, reach_of
from thidua.awards import services
from thidua.awards.authority import rule_for
from thidua.awards.eligibility import check_nomination, expected_decision_date
from thidua.awards.forms import DossierFileForm, NominationForm, NoteForm, ReasonForm
from thidua.awards.models import AwardBasis, Nomination, NominationState
from thidua.awards.nominations import ACHIEVEMENT_SECTIONS, default_grantor
from thidua.awards.rules import (
    is_commendation_board,
    is_proposer_head,
    is_proposer_staff,
    is_reviewer,
)
from thidua.awards.selectors import NominationFilters, nomination_detail, nomination_list
from thidua.awards.transitions import (
    EDITABLE_STATES,
    TRANSITIONS,
    Action,
    allowed_actions,
)
from thidua.awards.views_review import distinct_form_for
from thidua.campaigns.models import Campaign
from thidua.campaigns.selectors import campaigns_for_unit
from thidua.core import lengths
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.core.views import pick_by_id
from thidua.organisations.models import Unit
from thidua.organisations.selectors import staff_units

#: Nominations on one page of a unit's list.
UNIT_PAGE_SIZE = 50

BOARD_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)
#: Dossier files a browser shows in the page (a PDF, a photo); others are downloaded.
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png", "image/webp"})


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The unit's nominations for its staff; the review queue for Ban TĐKT; the overview for
    leaders and the Council."""
    user = request.user
    if has_role(user, Role.SECRETARIAT):
        return redirect("awards:review_queue")
    units = staff_units(user)
    if not units:
        if has_role(user, *BOARD_ROLES):
            return redirect("awards:overview")
        return render(request, "awards/unit_list.html", {"units": [], "rows": []})
    unit = pick_by_id(units, request.GET.get("unit"))
    campaigns = campaigns_for_unit(user, unit)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    rows: list[Nomination] = []
    page = None
    if campaign is not None:
        # One page of the unit's nominations, not all of them: a unit proposes hundreds in
        # a campaign, and the page must cost the same however many (issue #16).
        filters = NominationFilters(campaign=campaign.pk, proposer_unit=unit.pk)
        nominations = nomination_list(user, filters).order_by("phase__position", "state", "pk")
        page = Paginator(nominations, UNIT_PAGE_SIZE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
    context = {
        "units": units,
        "unit": unit,
        "campaigns": campaigns,
        "campaign": campaign,
        "rows": rows,
        "page": page,
        "is_head": Role.UNIT_HEAD in reach_of(user).roles,
    }
    return render(request, "awards/unit_list.html", context)


def _form_context(request: HttpRequest, unit: Unit, campaign: Campaign) -> dict[str, Any]:
    return {"unit": unit, "campaign": campaign, "sections": ACHIEVEMENT_SECTIONS}


def _initial(nomination: Nomination) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "phase": nomination.phase_id,
        "nominee": nomination.nominee_id,
        "form": nomination.form_id,
        "basis": nomination.basis,
        "simplified": nomination.simplified,
        "grantor_unit": nomination.grantor_unit_id,
        "summary": nomination.summary,
        "works": list(nomination.works.values_list("pk", flat=True)),
        "targets": list(nomination.targets.values_list("pk", flat=True)),
    }
    for key, _label in ACHIEVEMENT_SECTIONS:
        initial[f"section_{key}"] = nomination.achievement.get(key, "")
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def nomination_create_page(request: HttpRequest) -> HttpResponse:
    """Draft a nomination for the officer's unit in a campaign (?unit=&campaign=)."""
    user = request.user
    units = staff_units(user)
    unit = pick_by_id(units, request.GET.get("unit") or request.POST.get("unit"))
    if unit is None:
        raise PermissionDenied
    campaign = pick_by_id(campaigns_for_unit(user, unit), request.GET.get("campaign"))
    if campaign is None:
        messages.error(request, _("Chưa có phong trào nào áp dụng cho đơn vị."))
        return redirect("awards:index")
    form = NominationForm(request.POST or None, campaign=campaign, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _("Đã lưu dự thảo đề nghị. Hãy tải lên hồ sơ.")
        with refusal_caught(request, form=form, success=saved) as outcome:
            nomination = services.nomination_create(
                by=user,
                campaign=campaign,
                phase=data["phase"],
                proposer_unit=unit,
                nominee=data["nominee"],
                form=data["form"],
                grantor_unit=data["grantor_unit"],
                basis=data["basis"],
                simplified=data["simplified"],
                summary=data["summary"],
                achievement=form.achievement(),
            )
            services.nomination_update(
                nomination, by=user, works=data["works"], targets=data["targets"]
            )
        if outcome.ok:
            return redirect("awards:detail", nomination.pk)
    context = _form_context(request, unit, campaign) | {"form": form, "nomination": None}
    return render(request, "awards/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def nomination_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft or returned nomination (the proposing unit's staff)."""
    user = request.user
    nomination = nomination_detail(user, pk)
    if not is_proposer_staff(user, nomination) or nomination.state not in EDITABLE_STATES:
        messages.error(request, _("Đề nghị này không sửa được."))
        return redirect("awards:detail", pk)
    unit, campaign = nomination.proposer_unit, nomination.campaign
    form = NominationForm(
        request.POST or None, campaign=campaign, unit=unit, initial=_initial(nomination)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_caught(request, form=form, success=_("Đã lưu đề nghị.")) as outcome:
            services.nomination_update(
                nomination,
                by=user,
                works=data["works"],
                targets=data["targets"],
                nominee=data["nominee"],
                form=data["form"],
                grantor_unit=data["grantor_unit"] or nomination.grantor_unit,
                basis=data["basis"],
                simplified=data["simplified"],
                summary=data["summary"],
                achievement=form.achievement(),
            )
        if outcome.ok:
            return redirect("awards:detail", pk)
    context = _form_context(request, unit, campaign) | {"form": form, "nomination": nomination}
    return render(request, "awards/form.html", context)


@login_required
@require_POST
def checks_partial(request: HttpRequest) -> HttpResponse:
    """HTMX: the check list for the form as typed (nothing is saved)."""
    user = request.user
    existing = None
    unit: Unit | None
    campaign: Campaign | None
    raw_pk = request.POST.get("nomination", "")
    if raw_pk.isdigit():
        existing = nomination_detail(user, int(raw_pk))
        unit, campaign = existing.proposer_unit, existing.campaign
    else:
        unit = pick_by_id(staff_units(user), request.POST.get("unit"))
        campaign = (
            pick_by_id(campaigns_for_unit(user, unit), request.POST.get("campaign"))
            if unit
            else None
        )
    if unit is None or campaign is None:
        return render(request, "awards/partials/checks.html", {"results": []})
    form = NominationForm(request.POST, campaign=campaign, unit=unit)
    form.is_valid()
    data = form.cleaned_data
    if not all(data.get(key) for key in ("phase", "nominee", "form")):
        hint = _("Chọn đợt, đối tượng và hình thức để kiểm tra điều kiện.")
        return render(request, "awards/partials/checks.html", {"results": [], "hint": hint})
    draft = existing or Nomination(campaign=campaign, proposer_unit=unit)
    draft.phase, draft.nominee, draft.form = data["phase"], data["nominee"], data["form"]
    draft.basis = data.get("basis") or AwardBasis.CAMPAIGN
    draft.simplified = bool(data.get("simplified"))
    grantor = data.get("grantor_unit") or default_grantor(
        form=draft.form,
        proposer_unit=unit,
        subject_kind=draft.nominee.kind,
        on=draft.phase.last_day,
    )
    if grantor is None:
        hint = _("Không tìm thấy cấp có thẩm quyền; hãy chọn cấp khen thưởng.")
        return render(request, "awards/partials/checks.html", {"results": [], "hint": hint})
    draft.grantor_unit = grantor
    results = _checks(draft)
    board = is_commendation_board(user)
    return render(request, "awards/partials/checks.html", {"results": results, "board": board})


def _checks(nomination: Nomination) -> list[Any]:
    today = timezone.localdate()
    return check_nomination(
        nomination, as_of=expected_decision_date(nomination, today), today=today
    )


def event_label(kind: str) -> str:
    """A nomination event's kind in words."""
    extra = {
        "create": _("lập dự thảo"),
        "update": _("sửa đề nghị"),
        "file_add": _("tải lên tài liệu"),
        "file_remove": _("xóa tài liệu"),
        "distinct_confirmed": _("xác nhận thành tích khác"),
    }
    if kind in extra:
        return str(extra[kind])
    try:
        return services.action_label(Action(kind))
    except ValueError:
        return kind


def _actions_for(user: Any, nomination: Nomination) -> list[str]:
    rule = rule_for(nomination.form, expected_decision_date(nomination, timezone.localdate()))
    council = rule is None or rule.council_required
    open_actions = [
        a.value
        for a in allowed_actions(nomination.state)
        if not (
            council and TRANSITIONS[(NominationState(nomination.state), a)].without_council_only
        )
    ]
    mine: list[str] = []
    for action in open_actions:
        if (
            (action == Action.SUBMIT and is_proposer_head(user, nomination))
            or (
                action == Action.WITHDRAW
                and (is_proposer_head(user, nomination) or is_reviewer(user, nomination))
            )
            or (
                action not in (Action.SUBMIT, Action.WITHDRAW, Action.MARK_DECIDED)
                and is_reviewer(user, nomination)
            )
        ):
            mine.append(action)
    return mine


@login_required
@require_GET
def nomination_detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One nomination: nominee, form, achievement, dossier, checks, history, actions."""
    user = request.user
    nomination = nomination_detail(user, pk)
    editable = nomination.state in EDITABLE_STATES and is_proposer_staff(user, nomination)
    context = {
        "nomination": nomination,
        "results": _checks(nomination),
        "sections": [
            (label, nomination.achievement.get(key, "")) for key, label in ACHIEVEMENT_SECTIONS
        ],
        "editable": editable,
        "actions": _actions_for(user, nomination),
        "file_form": DossierFileForm() if editable else None,
        "reason_form": ReasonForm(),
        "note_form": NoteForm(),
        "history": [(event, event_label(event.kind)) for event in nomination.events.all()],
        "board": is_commendation_board(user),
        "distinct_form": distinct_form_for(user, nomination),
    }
    return render(request, "awards/detail.html", context)


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a dossier file (checked by content and size)."""
    nomination = nomination_detail(request.user, pk)
    form = DossierFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn loại tài liệu và tệp."))
        return redirect("awards:detail", pk)
    upload = form.cleaned_data["file"]
    uploaded = _("Đã tải lên “%(name)s”.") % {"name": upload.name}
    with refusal_caught(request, success=uploaded):
        services.dossier_file_add(
            nomination,
            by=request.user,
            kind=form.cleaned_data["kind"],
            stream=upload,
            name=upload.name,
            size=upload.size,
        )
    return redirect(reverse("awards:detail", args=[pk]) + "#ho-so")


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A dossier file, to whoever may see the nomination (its unit, the levels that review
    it, the Council members of a session that considers it): never a public address."""
    nomination = nomination_detail(request.user, pk)
    file = next((f for f in nomination.files.all() if f.pk == file_pk), None)
    if file is None:
        raise Http404(_("Không tìm thấy tài liệu."))
    response = stored_file_response(
        file.file,
        content_type=file.content_type,
        as_attachment=file.content_type not in INLINE_TYPES,
        filename=file.original_name,
        missing=_("Tài liệu không còn trên máy chủ."),
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def file_remove(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    nomination = nomination_detail(request.user, pk)
    file = nomination.files.filter(pk=file_pk).first()
    if file is not None:
        with refusal_caught(request):
            services.dossier_file_remove(file, by=request.user)
    return redirect(reverse("awards:detail", args=[pk]) + "#ho-so")


_ACTION_SERVICES = {
    Action.SUBMIT: lambda n, by, post: services.nomination_submit(n, by=by),
    Action.REVIEW_START: lambda n, by, post: services.nomination_review_start(n, by=by),
    Action.RETURN: lambda n, by, post: services.nomination_return(
        n, by=by, reason=post.get("reason", "")
    ),
    Action.SEND_TO_COUNCIL: lambda n, by, post: services.nomination_send_to_council(n, by=by),
    Action.APPROVE: lambda n, by, post: services.nomination_approve(
        n, by=by, note=post.get("note", "")
    ),
    Action.REJECT: lambda n, by, post: services.nomination_reject(
        n, by=by, note=post.get("note", "")
    ),
    Action.WITHDRAW: lambda n, by, post: services.nomination_withdraw(
        n, by=by, reason=post.get("reason", "")
    ),
}


@login_required
@require_POST
def nomination_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Run one workflow step; a refusal is shown as the message saying what to fix."""
    nomination = nomination_detail(request.user, pk)
    try:
        step = Action(action)
        run = _ACTION_SERVICES[step]
    except (ValueError, KeyError):
        messages.error(request, _("Thao tác không có."))
        return redirect("awards:detail", pk)
    done = _("Đã %(action)s.") % {"action": services.action_label(step)}
    with refusal_caught(request, success=done):
        lengths.check_posted(request.POST, {"reason": _("Lý do"), "note": _("Ghi chú")})
        run(nomination, request.user, request.POST)
    back = request.POST.get("next", "")
    if back.startswith("/khen-thuong/"):
        return redirect(back)
    return redirect("awards:detail", pk)
