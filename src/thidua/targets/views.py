"""Target pages: "Chỉ tiêu của đơn vị" and the secretariat's summary of units' targets.

KH 128 IV.1: every body makes its own plan, setting "các chỉ tiêu, nhiệm vụ của cơ quan,
đơn vị, địa phương" in line with the province's. A unit's officer or head sees the
campaign's targets (read only, with their status), sets the unit's own targets and
records their actual values; the Ban Thi đua - Khen thưởng reads every unit's targets.
Every rule is the services': their refusals show as Vietnamese form errors, a missing
right as 403, a sibling unit's target as 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.campaigns.selectors import campaigns_for_unit, campaigns_visible_to
from thidua.core.refusals import refusal_caught
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.selectors import staff_units
from thidua.targets import services
from thidua.targets.evaluation import Evaluation, evaluate
from thidua.targets.forms import SummaryFilterForm, TargetValueForm, UnitTargetForm
from thidua.targets.models import Target, TargetValue
from thidua.targets.rules import can_manage_target, covers_campaign
from thidua.targets.selectors import BoardRow, target_board, targets_visible_to, with_values


@dataclass(frozen=True)
class OwnRow:
    """A unit's own target with its values, status, the campaign target it refines and
    its "Ghi số liệu" form."""

    target: Target
    values: list[TargetValue]
    evaluation: Evaluation
    parent: Target | None
    form: TargetValueForm | None = None


def _pick(options: list[Any], raw: str | None) -> Any:
    """The option asked for by id; the first when none is asked; 404 for one not offered
    (a sibling unit's page looks like a missing one)."""
    if not raw:
        return options[0] if options else None
    chosen = next((o for o in options if str(o.pk) == raw), None)
    if chosen is None:
        raise Http404(_("Không tìm thấy đơn vị hoặc phong trào."))
    return chosen


def _own_rows(
    user: Any,
    campaign: Campaign,
    unit: Unit,
    board: list[BoardRow],
    today: dt.date,
    bound: TargetValueForm | None = None,
) -> list[OwnRow]:
    """The unit's own targets (one query and one for their values), each with a form."""
    parents = {row.target.code: row.target for row in board}
    targets = with_values(
        targets_visible_to(user).filter(campaign=campaign, unit=unit).order_by("position", "code")
    )
    rows = []
    for target in targets:
        values = list(target.values.all())
        form = bound if bound is not None and bound.target.pk == target.pk else None
        rows.append(
            OwnRow(
                target=target,
                values=values,
                evaluation=evaluate(target, values, today),
                parent=parents.get(target.code.split(".", 1)[0]),
                form=form or TargetValueForm(target=target),
            )
        )
    return rows


def _unit_context(
    user: Any,
    unit: Unit,
    campaign: Campaign,
    *,
    target_form: UnitTargetForm | None = None,
    value_form: TargetValueForm | None = None,
) -> dict[str, Any]:
    today = timezone.localdate()
    board = target_board(user, campaign, today)
    campaign_targets = [row.target for row in board]
    return {
        "board": board,
        "own_rows": _own_rows(user, campaign, unit, board, today, value_form),
        "target_form": target_form or UnitTargetForm(campaign_targets=campaign_targets),
        "open_form": target_form is not None,
        "closed": campaign.status == CampaignStatus.CLOSED,
        "today": today,
    }


def _render_unit(
    request: HttpRequest,
    unit: Unit,
    campaign: Campaign | None,
    *,
    status: int = 200,
    units: list[Unit] | None = None,
    campaigns: list[Campaign] | None = None,
    **forms: Any,
) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {
        "units": units if units is not None else list(staff_units(user)),
        "unit": unit,
        "campaigns": campaigns if campaigns is not None else campaigns_for_unit(user, unit),
        "campaign": campaign,
    }
    if campaign is not None:
        context.update(_unit_context(user, unit, campaign, **forms))
    return render(request, "targets/unit.html", context, status=status)


@login_required
@require_GET
def unit_page(request: HttpRequest) -> HttpResponse:
    """ "Chỉ tiêu của đơn vị": for one of the user's units and one campaign, the
    campaign's targets with their status, the unit's own targets with values and status,
    and the forms to add a target and record values.

    Not an officer or head of any unit? The secretariat goes to the summary; anyone else
    reads an explanation.
    """
    user = request.user
    units = list(staff_units(user))
    if not units:
        if has_role(user, Role.SECRETARIAT, Role.ADMIN):
            return redirect("targets:summary")
        return render(request, "targets/unit.html", {"units": [], "unit": None})
    unit = _pick(units, request.GET.get("unit"))
    campaigns = campaigns_for_unit(user, unit)
    campaign = _pick(campaigns, request.GET.get("campaign"))
    return _render_unit(request, unit, campaign, units=units, campaigns=campaigns)


def _back(unit: Unit, campaign: Campaign, anchor: str = "") -> HttpResponse:
    url = reverse("targets:unit") + f"?unit={unit.pk}&campaign={campaign.pk}"
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _unit_and_campaign(
    request: HttpRequest, unit_pk: int, campaign_pk: int
) -> tuple[Unit, Campaign]:
    campaign = get_object_or_404(
        campaigns_visible_to(request.user)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit"),
        pk=campaign_pk,
    )
    return get_object_or_404(Unit, pk=unit_pk), campaign


@login_required
@require_POST
def target_add(request: HttpRequest, unit: int, campaign: int) -> HttpResponse:
    """ "Thêm chỉ tiêu của đơn vị": ``services.unit_target_create`` decides whether the
    target is in line with the campaign's; its refusal is shown on the form, nothing saved.
    A user who is not the unit's officer or head (nor the secretariat) gets 403."""
    unit_obj, campaign_obj = _unit_and_campaign(request, unit, campaign)
    if not can_manage_target(request.user, Target(campaign=campaign_obj, unit=unit_obj)):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới đặt được chỉ tiêu của đơn vị."))
    board = target_board(request.user, campaign_obj, timezone.localdate())
    form = UnitTargetForm(request.POST, campaign_targets=[row.target for row in board])
    if form.is_valid():
        with refusal_caught(form=form) as done:
            made = services.unit_target_create(
                actor=request.user, campaign=campaign_obj, unit=unit_obj, **form.service_arguments()
            )
        if done.ok:
            messages.success(
                request, _("Đã thêm chỉ tiêu %(code)s của đơn vị.") % {"code": made.code}
            )
            return _back(unit_obj, campaign_obj, f"chi-tieu-{made.pk}")
    return _render_unit(request, unit_obj, campaign_obj, status=422, target_form=form)


@login_required
@require_POST
def value_record(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Ghi số liệu" of a unit's own target through ``services.target_value_record``.

    A target the user cannot see (a sibling unit's) is 404; one they see but may not
    manage (a level above's officer) is 403; a refused value shows on the target's form.
    """
    target = get_object_or_404(
        targets_visible_to(request.user)
        .filter(unit__isnull=False)
        .select_related("unit", "campaign__issuer_unit"),
        pk=pk,
    )
    assert target.unit is not None
    if not can_manage_target(request.user, target):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới ghi số liệu chỉ tiêu của đơn vị."))
    form = TargetValueForm(request.POST, target=target)
    if form.is_valid():
        with refusal_caught(form=form) as done:
            services.target_value_record(
                actor=request.user, target=target, **form.service_arguments()
            )
        if done.ok:
            messages.success(
                request, _("Đã ghi số liệu chỉ tiêu %(code)s.") % {"code": target.code}
            )
            return _back(target.unit, target.campaign, f"chi-tieu-{target.pk}")
    return _render_unit(request, target.unit, target.campaign, status=422, value_form=form)


def _summary_campaigns(user: Any) -> list[Campaign]:
    """Launched campaigns the user follows as the secretariat (or administers)."""
    campaigns = (
        campaigns_visible_to(user)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("issuer_unit")
        .order_by("status", "-doc_date", "code")
    )
    return [c for c in campaigns if covers_campaign(user, c)]


@login_required
@require_GET
def summary_page(request: HttpRequest) -> HttpResponse:
    """ "Chỉ tiêu của các đơn vị": every unit's own targets in one campaign, read only,
    filtered by kind of unit, for the Ban Thi đua - Khen thưởng that follows the plan
    (KH 128 IV.5). Anyone else: 403."""
    user = request.user
    campaigns = _summary_campaigns(user)
    if not campaigns and not has_role(user, Role.SECRETARIAT, Role.ADMIN):
        raise PermissionDenied(_("Trang này dành cho Ban Thi đua – Khen thưởng."))
    campaign = _pick(campaigns, request.GET.get("campaign"))
    filters = SummaryFilterForm(request.GET or None)
    kind = filters.cleaned_data["kind"] if filters.is_valid() else ""
    rows: list[OwnRow] = []
    if campaign is not None:
        today = timezone.localdate()
        parents = {t.code: t for t in Target.objects.filter(campaign=campaign, unit__isnull=True)}
        targets = targets_visible_to(user).filter(campaign=campaign, unit__isnull=False)
        if kind:
            targets = targets.filter(unit__kind=kind)
        for target in with_values(
            targets.select_related("unit").order_by("unit__name", "position", "code")
        ):
            values = list(target.values.all())
            parent = parents.get(target.code.split(".", 1)[0])
            rows.append(OwnRow(target, values, evaluate(target, values, today), parent))
    context = {
        "campaigns": campaigns,
        "campaign": campaign,
        "filters": filters,
        "kind": kind,
        "kind_label": dict(UnitKind.choices).get(kind, ""),
        "rows": rows,
        "unit_count": len({row.target.unit_id for row in rows}),
    }
    return render(request, "targets/summary.html", context)
