"""A unit's works: its list for a campaign with the next step of each, and the form.

For a commune officer on a phone: what the unit registered, how far each work has
come, what to do next, and how many works the campaign still expects of the unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.selectors import campaigns_for_unit, campaigns_visible_to
from thidua.core.refusals import refusal_caught
from thidua.core.views import pick_by_id
from thidua.organisations.models import Unit
from thidua.organisations.selectors import staff_units
from thidua.works import services
from thidua.works.forms import WorkForm
from thidua.works.models import REGISTERED_STATES, Work, WorkEvent, WorkState
from thidua.works.rules import is_work_unit_staff
from thidua.works.selectors import similar_titles, with_flags, works_visible_to
from thidua.works.timing import campaign_span, work_timing_warnings
from thidua.works.transitions import EDITABLE_STATES
from thidua.works.views import visible_work

PAGE_SIZE = 20
BOARD_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER)


@dataclass(frozen=True)
class NextStep:
    """What the unit should do next with a work, said plainly."""

    label: str
    detail: str = ""
    action: str = ""  # "submit" (a button in the list), "edit", "progress", "complete"
    tone: str = "info"


def next_step(work: Work, today: dt.date) -> NextStep | None:
    """The next step for the unit's staff; the return reason comes from ``work.returns``."""
    state = work.state
    if state == WorkState.DRAFT:
        return NextStep(_("Gửi duyệt"), _("Kiểm tra lại nội dung rồi gửi lên cấp duyệt."), "submit")
    if state == WorkState.RETURNED:
        event = next(iter(getattr(work, "returns", [])), None)
        payload = event.payload if event is not None else {}
        return NextStep(
            _("Sửa theo yêu cầu: %(fix)s") % {"fix": payload.get("what_to_fix", "")},
            _("Lý do trả lại: %(reason)s") % {"reason": payload.get("reason", "")},
            "edit",
            "warn",
        )
    if state == WorkState.SUBMITTED:
        return NextStep(_("Chờ %(unit)s duyệt") % {"unit": work.approver_unit.name})
    if state == WorkState.APPROVED:
        return NextStep(
            _("Cập nhật tiến độ"), _("Lần cập nhật đầu tiên sẽ bắt đầu thực hiện."), "progress"
        )
    if state == WorkState.IN_PROGRESS:
        if work.percent_complete >= 100:
            return NextStep(_("Báo hoàn thành"), "", "complete")
        tone = "warn" if work.is_late(today) or work.is_at_risk(today) else "info"
        return NextStep(_("Cập nhật tiến độ"), "", "progress", tone)
    return None


def _unit_works(user: Any, campaign: Campaign, unit: Unit, today: dt.date) -> QuerySet[Work]:
    returns = WorkEvent.objects.filter(kind="return").order_by("-at", "-pk")
    return (
        with_flags(works_visible_to(user), today)
        .filter(campaign=campaign, unit=unit)
        .select_related("approver_unit", "phase", "content_area")
        .prefetch_related(Prefetch("events", queryset=returns, to_attr="returns"))
        .order_by("planned_finish", "pk")
    )


@login_required
@require_GET
def unit_works_page(request: HttpRequest) -> HttpResponse:
    """ "Công trình của đơn vị": the unit's works for one campaign, each with its next step.

    Not a unit's officer? The secretariat, leaders and council go to the compliance board;
    anyone else to the register of what they may see.
    """
    user = request.user
    units = list(staff_units(user))
    if not units:
        target = "works:compliance" if has_role(user, *BOARD_ROLES) else "works:register"
        query = request.GET.urlencode()
        return redirect(reverse(target) + (f"?{query}" if query else ""))
    unit = pick_by_id(units, request.GET.get("unit"))
    campaigns = campaigns_for_unit(user, unit)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    today = timezone.localdate()
    context: dict[str, Any] = {
        "units": units,
        "unit": unit,
        "campaigns": campaigns,
        "campaign": campaign,
        "today": today,
    }
    if campaign is not None:
        context.update(_unit_campaign_context(request, user, campaign, unit, today))
    return render(request, "works/unit_list.html", context)


def _unit_campaign_context(
    request: HttpRequest, user: Any, campaign: Campaign, unit: Unit, today: dt.date
) -> dict[str, Any]:
    works = _unit_works(user, campaign, unit, today)
    by_state = dict(
        works.order_by().values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    rule = services.rule_for(campaign, unit)
    registered = sum(by_state.get(state, 0) for state in REGISTERED_STATES)
    minimum = rule.minimum if rule is not None else 0
    page = Paginator(works, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(work, next_step(work, today)) for work in page]
    return {
        "rule": rule,
        "registered": registered,
        "minimum": minimum,
        "missing": max(0, minimum - registered),
        "drafts": by_state.get(WorkState.DRAFT, 0) + by_state.get(WorkState.RETURNED, 0),
        "state_counts": [(s.label, by_state[s.value]) for s in WorkState if by_state.get(s.value)],
        "page_obj": page,
        "rows": rows,
    }


def _registration_target(
    request: HttpRequest, campaign_pk: int, unit_pk: int
) -> tuple[Campaign, Unit]:
    campaign = get_object_or_404(
        campaigns_visible_to(request.user)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit"),
        pk=campaign_pk,
    )
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not services.can_register_for(request.user, unit):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    if not unit.path.startswith(campaign.issuer_unit.path):
        raise Http404(_("Đơn vị không thuộc phạm vi của phong trào này."))
    return campaign, unit


def _save(request: HttpRequest, form: WorkForm, work: Work | None) -> tuple[Work | None, list[Any]]:
    """Create or update through the services; errors land on the form, look-alikes returned."""
    confirm = form.cleaned_data["confirm_similar"]
    with refusal_caught(form=form) as outcome:
        if work is None:
            saved = services.work_create(
                actor=request.user,
                campaign=form.campaign,
                unit=form.unit,
                data=form.work_data(),
                confirm_similar=confirm,
            )
        else:
            saved = services.work_update(
                actor=request.user, work=work, data=form.work_data(), confirm_similar=confirm
            )
    if isinstance(outcome.refusal, services.SimilarWorks):
        return None, outcome.refusal.matches
    if not outcome.ok:
        return None, []
    return saved, []


def _after_save(request: HttpRequest, work: Work) -> HttpResponse:
    warnings = work_timing_warnings(work)
    if warnings:
        messages.warning(
            request,
            _("Đã lưu, nhưng thời gian chưa khớp với phong trào: %(problems)s")
            % {"problems": " ".join(w.message for w in warnings)},
        )
    if "submit_now" in request.POST:
        sent = _("Đã lưu và gửi công trình lên cấp duyệt.")
        with refusal_caught(request, success=sent) as outcome:
            services.work_submit(actor=request.user, work=work)
        if outcome.ok:
            return redirect("works:detail", pk=work.pk)
    messages.success(request, _("Đã lưu bản nháp. Khi sẵn sàng, hãy bấm “Gửi duyệt”."))
    return redirect("works:detail", pk=work.pk)


def _form_page(
    request: HttpRequest, form: WorkForm, work: Work | None, similar: list[Any]
) -> HttpResponse:
    similar_url = reverse("works:similar", args=[form.campaign.pk, form.unit.pk])
    if work is not None:
        similar_url += f"?work={work.pk}"
    form.fields["title"].widget.attrs.update(
        {
            "hx-get": similar_url,
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#similar-results",
            "hx-swap": "outerHTML",
            "hx-sync": "this:replace",
        }
    )
    context: dict[str, Any] = {
        "form": form,
        "work": work,
        "campaign": form.campaign,
        "unit": form.unit,
        "similar": similar,
        "province_duplicate": services.PROVINCE_DUPLICATE,
        "campaign_span": campaign_span(form.campaign),
        "phases": list(form.campaign.phases.order_by("position")),
    }
    if work is not None and work.state == WorkState.RETURNED:
        context["return_event"] = work.events.filter(kind="return").order_by("-at", "-pk").first()
    return render(request, "works/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def work_create_page(request: HttpRequest, campaign: int, unit: int) -> HttpResponse:
    """Register a work for the unit (a draft); "Lưu và gửi duyệt" also submits it."""
    campaign_obj, unit_obj = _registration_target(request, campaign, unit)
    form = WorkForm(request.POST or None, campaign=campaign_obj, unit=unit_obj)
    similar: list[Any] = []
    if request.method == "POST" and form.is_valid():
        work, similar = _save(request, form, None)
        if work is not None:
            return _after_save(request, work)
    return _form_page(request, form, None, similar)


@login_required
@require_http_methods(["GET", "POST"])
def work_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a draft or returned work; after approval only a change request may."""
    work = visible_work(request.user, pk)
    if not is_work_unit_staff(request.user, work):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới sửa được công trình của đơn vị."))
    if work.state not in EDITABLE_STATES:
        messages.warning(request, _("Công trình đã gửi hoặc đã duyệt: hãy gửi đề nghị điều chỉnh."))
        return redirect("works:detail", pk=pk)
    initial = WorkForm.initial_for(work)
    form = WorkForm(request.POST or None, initial=initial, campaign=work.campaign, unit=work.unit)
    similar: list[Any] = []
    if request.method == "POST" and form.is_valid():
        saved, similar = _save(request, form, work)
        if saved is not None:
            return _after_save(request, saved)
    return _form_page(request, form, work, similar)


@login_required
@require_GET
def similar_check(request: HttpRequest, campaign: int, unit: int) -> HttpResponse:
    """Live look-alike check while a title is typed (HTMX GET): the works whose titles look
    like it; a provincial work is flagged, because copying one is refused (KH 128 II.2)."""
    campaign_obj, _unit = _registration_target(request, campaign, unit)
    title = request.GET.get("title", "").strip()[:500]
    raw_work = request.GET.get("work", "")
    exclude = int(raw_work) if raw_work.isdigit() else None
    matches = similar_titles(campaign_obj, title, exclude_pk=exclude) if len(title) >= 3 else []
    response = render(
        request,
        "works/partials/similar.html",
        {
            "similar": matches,
            "title": title,
            "province_duplicate": services.PROVINCE_DUPLICATE,
            "live": True,
        },
    )
    patch_vary_headers(response, ("HX-Request",))
    return response
