"""Pages of standing councils under /hoi-dong/thuong-truc/: the councils, one council with
its roster per term (add a seat, end a seat, the roster on a date), a new council.

Every page starts from ``roster.councils_visible_to`` (a council out of reach is a 404);
changes call one service each and need ``councils.manage_council``.
"""

from __future__ import annotations

import datetime as dt
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
from thidua.accounts.selectors import has_role
from thidua.core.refusals import refusal_caught
from thidua.councils import standing
from thidua.councils.forms import CouncilForm, SeatEndForm, SeatForm
from thidua.councils.models import Council
from thidua.councils.roster import (
    council_detail,
    council_list,
    quorum_for,
    quorum_origin_label,
    units_run_by,
)
from thidua.councils.rules import can_manage_council
from thidua.councils.selectors import sessions_visible_to
from thidua.organisations.models import Unit
from thidua.organisations.selectors import units_visible_to

PAGE_SIZE = 20


def visible_council(user: Any, pk: int) -> Council:
    try:
        return council_detail(user, pk)
    except Council.DoesNotExist:
        raise Http404(_("Không tìm thấy Hội đồng.")) from None


def _units_for_new_council(user: Any) -> Any:
    """Units the user may record a council for: the Ban TĐKT any unit of its province; a
    unit's head or officer their own unit."""
    if has_role(user, Role.SECRETARIAT):
        return units_visible_to(user)
    return Unit.objects.filter(pk__in=sorted(units_run_by(user)))


def _day(request: HttpRequest) -> dt.date:
    raw = request.GET.get("ngay", "")
    try:
        return dt.datetime.strptime(raw, "%d/%m/%Y").date()
    except ValueError:
        return timezone.localdate()


@login_required
@require_GET
def council_index(request: HttpRequest) -> HttpResponse:
    """The standing councils the user may see, with the roster in force today."""
    today = timezone.localdate()
    page = Paginator(council_list(request.user, on=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    can_create = has_role(request.user, Role.SECRETARIAT) or bool(units_run_by(request.user))
    return render(
        request,
        "councils/council_index.html",
        {"page_obj": page, "councils": page.object_list, "today": today, "can_create": can_create},
    )


@login_required
def council_create(request: HttpRequest) -> HttpResponse:
    """Record a standing council (the Ban TĐKT, or a unit's head or officer for their unit)."""
    units = _units_for_new_council(request.user)
    if not units.exists():
        raise PermissionDenied
    form = CouncilForm(request.POST or None, units=units)
    error = ""
    if request.method == "POST" and form.is_valid():
        with refusal_caught() as outcome:
            council = standing.council_create(actor=request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Đã ghi nhận Hội đồng; hãy thêm thành viên."))
            return redirect("councils:council_detail", pk=council.pk)
        error = outcome.error
    return render(request, "councils/council_create.html", {"form": form, "error": error})


def _render_council(
    request: HttpRequest,
    council: Council,
    *,
    error: str = "",
    seat_form: SeatForm | None = None,
    status: int = 200,
) -> HttpResponse:
    day = _day(request)
    seats = list(council.seats.all())
    in_force = [
        s for s in seats if s.valid_from <= day and (s.valid_to is None or s.valid_to >= day)
    ]
    manage = bool(can_manage_council(request.user, council))
    quorum = quorum_for(council, day)
    sessions = (
        sessions_visible_to(request.user)
        .filter(council=council)
        .select_related("campaign")
        .order_by("-date", "-pk")[:20]
    )
    context = {
        "council": council,
        "seats": seats,
        "in_force": in_force,
        "in_force_ids": {s.pk for s in in_force},
        "day": day,
        "manage": manage,
        "quorum": quorum,
        "quorum_origin": quorum_origin_label(quorum),
        "quorum_note": quorum.for_board() if manage else quorum.source.citation,
        "sessions": list(sessions),
        "error": error,
    }
    if manage:
        context["seat_form"] = seat_form or SeatForm(
            unit_path=council.unit.path, initial={"valid_from": max(council.term_from, day)}
        )
    return render(request, "councils/council_detail.html", context, status=status)


@login_required
@require_GET
def council_page(request: HttpRequest, pk: int) -> HttpResponse:
    """One council: its decision, term, quorum with its source, roster and sessions."""
    return _render_council(request, visible_council(request.user, pk))


@login_required
@require_POST
def seat_add(request: HttpRequest, pk: int) -> HttpResponse:
    council = visible_council(request.user, pk)
    if not can_manage_council(request.user, council):
        raise PermissionDenied
    form = SeatForm(request.POST, unit_path=council.unit.path)
    if not form.is_valid():
        return _render_council(request, council, seat_form=form, status=400)
    with refusal_caught() as outcome:
        standing.seat_add(actor=request.user, council=council, **form.cleaned_data)
    if not outcome.ok:
        return _render_council(
            request,
            visible_council(request.user, pk),
            error=outcome.error,
            seat_form=form,
            status=400,
        )
    messages.success(request, _("Đã thêm thành viên vào danh sách Hội đồng."))
    return redirect("councils:council_detail", pk=council.pk)


@login_required
@require_POST
def seat_end(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponse:
    council = visible_council(request.user, pk)
    if not can_manage_council(request.user, council):
        raise PermissionDenied
    seat = next((s for s in council.seats.all() if s.pk == seat_pk), None)
    if seat is None:
        raise Http404
    form = SeatEndForm(request.POST)
    if not form.is_valid():
        return _render_council(
            request, council, error=_("Hãy ghi ngày kết thúc (dd/mm/yyyy)."), status=400
        )
    with refusal_caught() as outcome:
        standing.seat_end(actor=request.user, seat=seat, valid_to=form.cleaned_data["valid_to"])
    if not outcome.ok:
        return _render_council(
            request, visible_council(request.user, pk), error=outcome.error, status=400
        )
    messages.success(request, _("Đã kết thúc ghế của %(name)s.") % {"name": seat.name})
    return redirect("councils:council_detail", pk=council.pk)
