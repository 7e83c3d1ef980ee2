"""Pages of the approving levels and the Ban Thi đua – Khen thưởng.

"Duyệt đăng ký" (a district approves its communes' works inline), the compliance
board (units below the campaign's minimum), the works register with the Excel export's
filters, progress charts, and the works finished ahead of schedule for the phase review.
All lists start from ``works.selectors``; counts and averages are computed in SQL.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role, reach_of
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core.paging import IdsFirst
from thidua.core.refusals import refusal_caught
from thidua.core.views import pick_by_id, render_page_or_part, wants_fragment
from thidua.organisations.models import Unit, UnitKind
from thidua.works import charts, services
from thidua.works.forms import RegisterFilterForm
from thidua.works.forms_actions import NoteForm, ReturnForm
from thidua.works.models import REGISTERED_STATES, Work, WorkState
from thidua.works.selectors import (
    approval_queue,
    registering_units,
    registration_board,
    registration_minimums,
    with_flags,
    work_list,
    works_visible_to,
)
from thidua.works.views import visible_work
from thidua.works.views_unit import BOARD_ROLES

PAGE_SIZE = 50
APPROVING_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD, Role.SECRETARIAT)


def board_campaigns(user: Any) -> list[Campaign]:
    """Launched campaigns the user can see, running ones first, newest first."""
    return list(
        campaigns_visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit")
        .order_by("status", "-doc_date", "code")
    )


def _require_board(user: Any) -> None:
    if not has_role(user, *BOARD_ROLES):
        raise PermissionDenied(_("Trang này dành cho Ban Thi đua – Khen thưởng và lãnh đạo tỉnh."))


# ---------- Duyệt đăng ký -------------------------------------------------------------


def _approving_units(user: Any) -> list[int]:
    reach = reach_of(user)
    return sorted(
        {u for role in (Role.UNIT_OFFICER, Role.UNIT_HEAD) for u in reach.roles.get(role, ())}
    )


def commune_registrations(user: Any, campaign: Campaign) -> list[Any]:
    """The units registering through the user's unit (a district's communes), each with
    its registered count against the campaign's minimum (KH 128 II.2.b), in one query;
    a commune merged into another during the campaign is counted through its successor
    (``selectors.registering_units``)."""
    minimums = registration_minimums(campaign, via_parent=True)
    parents = _approving_units(user)
    if not minimums or not parents:
        return []
    units = list(
        registering_units(campaign, list(minimums))
        .filter(parent_id__in=parents)
        .annotate(
            registered=Count(
                "works",
                filter=Q(works__campaign=campaign, works__state__in=REGISTERED_STATES),
                distinct=True,
            ),
            waiting=Count(
                "works",
                filter=Q(works__campaign=campaign, works__state=WorkState.SUBMITTED),
                distinct=True,
            ),
        )
        .order_by("name")
    )
    for unit in units:
        unit.minimum = minimums[unit.kind]
        unit.missing = max(0, unit.minimum - unit.registered)
    return units


@login_required
@require_GET
def queue_page(request: HttpRequest) -> HttpResponse:
    """Submitted works this user may approve or return, oldest first, and the communes'
    registrations against their minimum."""
    user = request.user
    if not has_role(user, *APPROVING_ROLES):
        raise PermissionDenied(_("Trang này dành cho cấp duyệt đăng ký công trình."))
    page = Paginator(IdsFirst(approval_queue(user)), PAGE_SIZE).get_page(request.GET.get("page"))
    campaigns = board_campaigns(user)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    context = {
        "page_obj": page,
        "waiting": page.paginator.count,
        "works": list(page),
        "campaigns": campaigns,
        "campaign": campaign,
        "communes": commune_registrations(user, campaign) if campaign else [],
        "forms": {"approve": NoteForm(prefix="approve"), "return": ReturnForm(prefix="return")},
        # The empty return form is the same on every row: rendered once, not fifty times.
        "return_fields": _fields_html(ReturnForm(prefix="return")),
    }
    return render(request, "works/queue.html", context)


def _fields_html(form: ReturnForm) -> SafeString:
    """The form's fields as ``partials/field.html`` renders them (each already escaped)."""
    return mark_safe(  # noqa: S308  # joined templates' output, escaped by them
        "".join(render_to_string("partials/field.html", {"field": field}) for field in form)
    )


@login_required
@require_POST
def queue_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Approve or return one work from the queue; an HTMX request gets its row back."""
    work = visible_work(request.user, pk)
    form = (NoteForm if action == "approve" else ReturnForm)(request.POST, prefix=action)
    fragment = wants_fragment(request)
    error, status = "", 200
    if form.is_valid():
        with refusal_caught(forbidden=fragment) as outcome:
            if action == "approve":
                services.work_approve(actor=request.user, work=work, note=form.cleaned_data["note"])
            else:
                services.work_return(
                    actor=request.user,
                    work=work,
                    reason=form.cleaned_data["reason"],
                    what_to_fix=form.cleaned_data["what_to_fix"],
                )
        if not outcome.ok:
            error, status = outcome.error, 403 if outcome.forbidden else 422
    else:
        error, status = " ".join(str(e) for errs in form.errors.values() for e in errs), 422
    if not fragment:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _done_message(action, work))
        return redirect("works:queue")
    work.refresh_from_db(fields=["state"])
    forms = {"approve": NoteForm(prefix="approve"), "return": ReturnForm(prefix="return")}
    if error:
        forms[action] = form
    context = {"work": work, "error": error, "done": not error, "action": action, "forms": forms}
    context.update(_queue_counts(request))
    response = render(request, "works/queue.html#acted", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _queue_counts(request: HttpRequest) -> dict[str, Any]:
    """What an inline approval changes elsewhere on the queue page, swapped in out of
    band: the number still waiting and the page's campaign's registrations by commune."""
    raw = request.POST.get("campaign")
    campaign = pick_by_id(board_campaigns(request.user), raw) if raw else None
    return {
        "oob": True,
        "waiting": approval_queue(request.user).count(),
        "campaign": campaign,
        "communes": commune_registrations(request.user, campaign) if campaign else [],
    }


def _done_message(action: str, work: Work) -> str:
    if action == "approve":
        return _("Đã duyệt: %(title)s") % {"title": work.title}
    return _("Đã trả lại: %(title)s") % {"title": work.title}


# ---------- Ban TĐKT: compliance board --------------------------------------------------


def _grouped_compliance(rows: list[Any], show_all: bool) -> list[dict[str, Any]]:
    """Rows grouped by unit kind (in ``UnitKind`` order); communes also by district, each
    district with how many of its communes are below the minimum."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        groups[row.unit_kind].append(row)
    result = []
    for kind in UnitKind:
        members = groups.get(kind.value)
        if not members:
            continue
        by_parent: dict[str, list[Any]] = defaultdict(list)
        for row in members:
            by_parent[row.parent_name if kind == UnitKind.COMMUNE else ""].append(row)
        parents: list[dict[str, Any]] = [
            {
                "name": name,
                "total": len(units),
                "below": sum(1 for r in units if r.below),
                "rows": units if show_all else [r for r in units if r.below],
            }
            for name, units in sorted(by_parent.items())
        ]
        result.append(
            {
                "kind": kind,
                "units": len(members),
                "below": sum(p["below"] for p in parents),
                "registered": sum(r.registered for r in members),
                "parents": parents,
            }
        )
    return result


@login_required
@require_GET
def compliance_page(request: HttpRequest) -> HttpResponse:
    """Units below the campaign's minimum, grouped by kind and district, with counts."""
    _require_board(request.user)
    campaigns = board_campaigns(request.user)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    show_all = request.GET.get("all") == "1"
    context: dict[str, Any] = {"campaigns": campaigns, "campaign": campaign, "show_all": show_all}
    if campaign is not None:
        board = registration_board(request.user, campaign)
        rows = board.rows
        by_state = dict(
            works_visible_to(request.user)
            .filter(campaign=campaign)
            .order_by()
            .values_list("state")
            .annotate(n=Count("pk"))
            .values_list("state", "n")
        )
        context.update(
            groups=_grouped_compliance(rows, show_all),
            taken_over=board.taken_over,
            units_total=len(rows),
            units_below=sum(1 for r in rows if r.below),
            state_counts=[(s, by_state.get(s.value, 0)) for s in WorkState],
        )
    return render(request, "works/compliance.html", context)


# ---------- The register, charts, works ahead of schedule ------------------------------


@login_required
@require_GET
def register_page(request: HttpRequest) -> HttpResponse:
    """Every work the user may see, filtered, 50 a page, with the same filters for Excel."""
    user = request.user
    campaigns = board_campaigns(user)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    visible = works_visible_to(user)
    if campaign is not None:
        visible = visible.filter(campaign=campaign)
    units = Unit.objects.filter(pk__in=visible.values("unit_id")).order_by("name")
    form = RegisterFilterForm(request.GET or None, campaign=campaign, units=units)
    filters = form.filters(campaign)
    today = timezone.localdate()
    works = work_list(user, filters, today=today)
    page = Paginator(IdsFirst(works), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    if campaign is not None:
        query["campaign"] = str(campaign.pk)
    context = {
        "campaigns": campaigns,
        "campaign": campaign,
        "form": form,
        "page_obj": page,
        "works": list(page),
        "today": today,
        "export_url": f"{reverse('works:excel_export')}?{query.urlencode()}",
    }
    return render_page_or_part(request, "works/register.html", "results", context)


@login_required
@require_GET
def charts_page(request: HttpRequest) -> HttpResponse:
    """Works per state and average progress, by district and by content area."""
    campaigns = board_campaigns(request.user)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    context: dict[str, Any] = {"campaigns": campaigns, "campaign": campaign}
    if campaign is not None:
        works = works_visible_to(request.user).filter(campaign=campaign)
        context.update(
            districts=charts.by_district(works),
            areas=charts.by_content_area(works),
            legend=charts.legend(),
        )
    return render(request, "works/charts.html", context)


@login_required
@require_GET
def ahead_page(request: HttpRequest) -> HttpResponse:
    """Completed works finished before their planned finish (or the campaign's deadline),
    for the phase review (KH 128 IV: works finished ahead of schedule are commended)."""
    campaigns = board_campaigns(request.user)
    campaign = pick_by_id(campaigns, request.GET.get("campaign"))
    today = timezone.localdate()
    phases = list(campaign.phases.order_by("position")) if campaign else []
    raw_phase = request.GET.get("phase", "")
    phase = next((p for p in phases if str(p.pk) == raw_phase), None)
    flagged = with_flags(works_visible_to(request.user), today)
    works = flagged.filter(ahead=True)  # type: ignore[misc]  # an annotation
    if campaign is not None:
        works = works.filter(campaign=campaign)
    if phase is not None:
        works = works.filter(phase=phase)
    works = works.select_related("unit", "phase", "content_area").order_by(
        "phase__position", "actual_finish", "pk"
    )
    page = Paginator(IdsFirst(works), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(w, (w.planned_finish - w.actual_finish).days if w.actual_finish else 0) for w in page]
    export = {"ahead": "1"}
    if campaign is not None:
        export["campaign"] = str(campaign.pk)
    if phase is not None:
        export["phase"] = str(phase.pk)
    context = {
        "campaigns": campaigns,
        "campaign": campaign,
        "phases": phases,
        "phase": phase,
        "page_obj": page,
        "rows": rows,
        "export_url": reverse("works:excel_export")
        + "?"
        + "&".join(f"{k}={v}" for k, v in export.items()),
    }
    return render(request, "works/ahead.html", context)
