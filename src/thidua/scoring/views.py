"""Pages of scoring under /cham-diem/: the overview by role, a criteria set with its
group's sheets, the published ranking; the Ban TĐKT's actions on a set.

Lists start from the visibility selectors; actions are POSTs calling one service each,
refusals shown in Vietnamese (403 for the wrong person), never a server error.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import reach_of
from thidua.campaigns.models import Campaign
from thidua.core.refusals import refusal_caught
from thidua.organisations.models import EmulationGroup
from thidua.organisations.selectors import groups_visible_to
from thidua.scoring import handover, ranking, services
from thidua.scoring.charts import ranking_chart
from thidua.scoring.models import CriteriaSet, Ranking, SetState, SheetState
from thidua.scoring.rules import is_set_secretariat
from thidua.scoring.selectors import (
    acting_units,
    criteria_of,
    criteria_sets_visible_to,
    group_board,
    groups_without_set,
    led_memberships,
    max_total,
    ranking_of,
    sets_overview,
    unit_sheets,
)


def _year(request: HttpRequest, user: Any) -> int | None:
    raw = request.GET.get("nam", "")
    if raw.isdigit() and len(raw) == 4:
        return int(raw)
    return criteria_sets_visible_to(user).order_by("-year").values_list("year", flat=True).first()


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """For the chosen year: my unit's sheets (whatever my role there), the groups my unit
    leads or deputises (with or without a criteria set yet); for the province-wide roles
    every group of the year."""
    user = request.user
    reach = reach_of(user)
    year = _year(request, user)
    led = list(led_memberships(user, year=year)) if acting_units(user) else []
    led_sets = list(
        sets_overview(user, year=year).filter(group_id__in=[m.group_id for m in led]) if led else []
    )
    with_set = {s.group_id for s in led_sets}
    province_wide = reach.is_admin or bool(
        {Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER} & set(reach.roles)
    )
    overview = (
        sets_overview(user, year=year) if province_wide and year else CriteriaSet.objects.none()
    )
    missing = (
        groups_without_set(user, year=year)
        if year and (reach.is_admin or Role.SECRETARIAT in reach.roles)
        else EmulationGroup.objects.none()
    )
    years = sorted(set(groups_visible_to(user).values_list("year", flat=True)), reverse=True)
    context = {
        "year": year,
        "years": years,
        "own_sheets": list(unit_sheets(user, year=year)),
        "led_sets": led_sets,
        "led_without_set": [m for m in led if m.group_id not in with_set],
        "overview": list(overview),
        "missing_groups": list(missing),
        "province_wide": province_wide,
        "campaigns": list(
            Campaign.objects.order_by("-doc_date").only("pk", "doc_number", "title")[:10]
        ),
    }
    return render(request, "scoring/index.html", context)


def visible_set(user: Any, pk: int) -> CriteriaSet:
    try:
        return (
            criteria_sets_visible_to(user).select_related("group__organiser", "campaign").get(pk=pk)
        )
    except CriteriaSet.DoesNotExist:
        raise Http404(_("Không tìm thấy bảng tiêu chí.")) from None


@login_required
@require_GET
def set_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The criteria (grouped), the group's sheets the user sees with totals side by side
    and gap flags, and the Ban TĐKT's actions."""
    criteria_set = visible_set(request.user, pk)
    board = group_board(request.user, criteria_set)
    context = {
        "criteria_set": criteria_set,
        "criteria": list(criteria_of(criteria_set)),
        "board": board,
        "max_total": max_total(criteria_set),
        "is_secretariat": is_set_secretariat(request.user, criteria_set),
        "ranking": ranking_of(criteria_set),
        "all_confirmed": bool(board) and all(row.sheet.state == "confirmed" for row in board),
    }
    return render(request, "scoring/set.html", context)


@login_required
@require_GET
def ranking_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The published ranking: bar chart, rows with proposals, the tie-break explanation."""
    criteria_set = visible_set(request.user, pk)
    result = ranking_of(criteria_set)
    if result is None:
        raise Http404(_("Kết quả xếp hạng chưa được công bố."))
    rows = list(result.rows.all())
    context = {
        "criteria_set": criteria_set,
        "ranking": result,
        "rows": rows,
        "chart": ranking_chart(rows, max_total(criteria_set)),
        "tie_breaks": [ranking.TieBreak(k).label for k in result.tie_break_keys],
        "is_secretariat": is_set_secretariat(request.user, criteria_set),
        "can_hand_over": result.handed_over_at is None
        and handover.may_hand_over(request.user, criteria_set),
        "leading_unit": handover.leading_unit(criteria_set),
    }
    return render(request, "scoring/ranking.html", context)


def _act(request: HttpRequest, go: Any, done: str, target: tuple[str, int]) -> HttpResponse:
    with refusal_caught(request, success=done):
        go()
    return redirect(target[0], pk=target[1])


@login_required
@require_POST
def set_create(request: HttpRequest, group: int) -> HttpResponse:
    """The Ban TĐKT drafts a group's criteria set from the template (with a campaign's
    criteria when one is chosen)."""
    found = groups_visible_to(request.user).filter(pk=group).first()
    if found is None:
        raise Http404(_("Không tìm thấy cụm, khối thi đua."))
    raw = request.POST.get("campaign", "")
    campaign = Campaign.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    made = _("Đã lập bảng tiêu chí; kiểm tra rồi đưa vào áp dụng.")
    with refusal_caught(request, success=made) as outcome:
        created = services.criteria_set_create(actor=request.user, group=found, campaign=campaign)
    if not outcome.ok:
        return redirect("scoring:index")
    return redirect("scoring:set", pk=created.pk)


@login_required
@require_POST
def set_activate(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = visible_set(request.user, pk)
    return _act(
        request,
        lambda: services.criteria_set_activate(actor=request.user, criteria_set=criteria_set),
        _("Bảng tiêu chí đã áp dụng; các đơn vị đã có phiếu để tự chấm."),
        ("scoring:set", pk),
    )


def _publish_context(user: Any, criteria_set: CriteriaSet) -> dict[str, Any]:
    """What publishing would do: the members whose sheet is not confirmed (or missing),
    and, once every sheet is, the ranking it would lock with its ties explained."""
    board = group_board(user, criteria_set)
    waiting = [row.sheet for row in board if row.sheet.state != SheetState.CONFIRMED]
    with_sheet = {row.sheet.unit_id for row in board}
    no_sheet = [
        m.unit
        for m in criteria_set.group.memberships.select_related("unit")
        if m.unit_id not in with_sheet
    ]
    ready = bool(board) and not waiting and not no_sheet
    standings = ranking.compute_standings(criteria_set) if ready else []
    return {
        "criteria_set": criteria_set,
        "waiting": waiting,
        "no_sheet": no_sheet,
        "ready": ready,
        "standings": [(s, ranking.proposal_for(criteria_set, s.rank)) for s in standings],
        "ties": sum(1 for s in standings if s.notes),
        "tie_breaks": [ranking.TieBreak(k).label for k in criteria_set.tie_break_keys],
    }


@login_required
@require_http_methods(["GET", "POST"])
def set_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what publishing locks, the sheets not yet confirmed, the ranking it would
    publish with its ties; POST (the box ticked): publish and lock (the Ban TĐKT)."""
    criteria_set = visible_set(request.user, pk)
    if not is_set_secretariat(request.user, criteria_set):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng công bố kết quả xếp hạng."))
    if criteria_set.state != SetState.ACTIVE:
        messages.error(request, _("Bảng tiêu chí chưa áp dụng."))
        return redirect("scoring:set", pk=pk)
    if ranking_of(criteria_set) is not None:
        return redirect("scoring:ranking", pk=pk)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            published = _("Đã công bố và khóa kết quả xếp hạng.")
            with refusal_caught(request, success=published) as outcome:
                ranking.ranking_publish(actor=request.user, criteria_set=criteria_set)
            return redirect("scoring:ranking" if outcome.ok else "scoring:set", pk=pk)
        error = _("Hãy đánh dấu ô xác nhận để công bố kết quả xếp hạng.")
    context = {**_publish_context(request.user, criteria_set), "error": error}
    return render(request, "scoring/publish.html", context, status=400 if error else 200)


@login_required
@require_POST
def ranking_hand_over(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = visible_set(request.user, pk)
    return _act(
        request,
        lambda: handover.ranking_hand_over(actor=request.user, criteria_set=criteria_set),
        _("Đã chuyển các đề nghị khen thưởng thành hồ sơ đề nghị."),
        # Before publication there is no ranking page: back to the set, with the refusal.
        (
            "scoring:ranking"
            if Ranking.objects.filter(criteria_set=criteria_set).exists()
            else "scoring:set",
            pk,
        ),
    )
