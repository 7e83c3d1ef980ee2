"""Queues and overviews: the unit head's submit queue, Ban TĐKT's review queue, the
leaders' overview (counts aggregated in SQL), nominee search and creation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role, reach_of
from thidua.awards import services
from thidua.awards.eligibility import (
    CheckResult,
    blocking,
    check_nominations,
)
from thidua.awards.forms import NomineeForm
from thidua.awards.models import NominationState
from thidua.awards.nominees import NomineeData, PossibleDuplicate
from thidua.awards.selectors import (
    NominationFilters,
    nomination_counts,
    nomination_list,
    review_queue,
)
from thidua.core.refusals import refusal_caught
from thidua.organisations.selectors import staff_units

PAGE_SIZE = 25


@login_required
@require_GET
def submit_queue_page(request: HttpRequest) -> HttpResponse:
    """The unit head's queue: drafts and returned nominations of the units they head."""
    heads = reach_of(request.user).roles.get(Role.UNIT_HEAD, frozenset())
    rows = (
        nomination_list(request.user, NominationFilters())
        .filter(
            proposer_unit_id__in=sorted(heads),
            state__in=[NominationState.DRAFT, NominationState.RETURNED],
        )
        .order_by("proposer_unit__name", "pk")
    )
    return render(request, "awards/submit_queue.html", {"rows": rows})


@login_required
@require_GET
def review_queue_page(request: HttpRequest) -> HttpResponse:
    """Ban TĐKT's queue: submitted, under review and waiting for the Council, each row with
    its check summary. The page's rows are checked together (``check_nominations``: a
    fixed number of queries, however many rows), so the page fires no check request per
    row and costs the same whatever its length (issue #16)."""
    page = Paginator(review_queue(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    nominations = list(page.object_list)
    results = check_nominations(nominations, today=today)
    rows = [(n, _summary(checks)) for n, checks in zip(nominations, results, strict=True)]
    return render(request, "awards/review_queue.html", {"page": page, "rows": rows, "today": today})


def _summary(results: list[CheckResult]) -> dict[str, list[CheckResult]]:
    """A row's checks as its summary shows them: what blocks, what warns."""
    warns = [r for r in results if not r.ok and r.severity == "warn"]
    return {"blocks": blocking(results), "warns": warns}


@login_required
@require_GET
def overview_page(request: HttpRequest) -> HttpResponse:
    """Counts by state and by form, for leaders, the Council and Ban TĐKT."""
    if not has_role(request.user, Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER):
        raise PermissionDenied
    counts = nomination_counts(request.user)
    states = [state for state, _n in counts["by_state"]]
    rows = [
        (name, [by_state.get(state.value, 0) for state in states], sum(by_state.values()))
        for name, by_state in sorted(counts["by_form"].items())
    ]
    context = {"counts": counts, "states": states, "rows": rows}
    return render(request, "awards/overview.html", context)


@login_required
@require_GET
def nominee_search_page(request: HttpRequest) -> HttpResponse:
    """Search nominees by name, with or without diacritics; HTMX requests get the rows."""
    query = request.GET.get("q", "").strip()
    results = services.nominee_search(request.user, query)[:50] if query else []
    template = "awards/partials/nominee_rows.html" if request.htmx else "awards/nominees.html"  # type: ignore[attr-defined]
    return render(request, template, {"q": query, "results": results})


@login_required
@require_http_methods(["GET", "POST"])
def nominee_create_page(request: HttpRequest) -> HttpResponse:
    """Add a nominee to the officer's unit; possible duplicates are offered first."""
    units = staff_units(request.user)
    raw = request.GET.get("unit") or request.POST.get("unit") or ""
    unit = next((u for u in units if str(u.pk) == raw), units[0] if units else None)
    if unit is None:
        raise PermissionDenied
    form = NomineeForm(request.POST or None)
    candidates: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record = NomineeData(
            kind=data["kind"],
            name=data["name"],
            unit=unit,
            gender=data["gender"] or "",
            birth_year=data["birth_year"],
            position=data["position"],
            unit_part=data["unit_part"],
            address=data["address"],
            women_share=data["women_share"],
            direct_worker=data["direct_worker"],
        )
        with refusal_caught(form=form) as outcome:
            nominee = services.nominee_create(
                by=request.user, data=record, confirm_new=data["confirm_new"]
            )
        if isinstance(outcome.refusal, PossibleDuplicate):
            candidates = outcome.refusal.candidates
        if outcome.ok:
            messages.success(request, _("Đã thêm “%(name)s”.") % {"name": nominee.name})
            back = request.GET.get("next", "")
            return redirect(back if back.startswith("/khen-thuong/") else "awards:nominees")
    context = {"form": form, "unit": unit, "units": units, "candidates": candidates}
    return render(request, "awards/nominee_form.html", context)
