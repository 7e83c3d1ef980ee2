"""Closing a campaign: a page that says what closing does, then the confirmed action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.lifecycle import campaign_close, campaign_stage
from thidua.campaigns.models import Campaign
from thidua.campaigns.rules import can_manage_campaign, can_view_campaign
from thidua.core import lengths
from thidua.core.refusals import refusal_caught


@login_required
def campaign_close_page(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what closing will do and what is still open; POST: close (Ban TĐKT only)."""
    campaign = get_object_or_404(Campaign, pk=pk)
    if not can_view_campaign(request.user, campaign):
        raise Http404(_("Không tìm thấy phong trào."))
    if not can_manage_campaign(request.user, campaign):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng được kết thúc phong trào."))
    stage = campaign_stage(campaign, timezone.localdate())
    error = ""
    note = request.POST.get("note", "").strip()
    if request.method == "POST":
        if len(note) > lengths.NOTE:
            error = lengths.length_message(_("Ghi chú"), len(note), lengths.NOTE)
        elif request.POST.get("confirm") != "yes":
            error = _("Hãy đánh dấu ô xác nhận trước khi kết thúc phong trào.")
        else:
            with refusal_caught() as outcome:  # a refusal is shown above the form
                campaign_close(actor=request.user, campaign=campaign, note=note)
            if outcome.ok:
                done = _("Đã kết thúc phong trào %(number)s.") % {"number": campaign.doc_number}
                messages.success(request, done)
                return redirect("campaigns:detail", pk=campaign.pk)
            error = outcome.error
    context = {
        "campaign": campaign,
        "stage": stage,
        "state_counts": _state_counts(campaign),
        "error": error,
        "note": note,
    }
    return render(request, "campaigns/close.html", context, status=400 if error else 200)


def _state_counts(campaign: Campaign) -> list[tuple[str, list[tuple[str, int]]]]:
    """The campaign's works and nominations counted by state, with each state's label
    (through the reverse relations: campaigns imports no app that depends on it)."""
    rows = []
    for title, related in (
        (_("Công trình"), campaign.works),
        (_("Hồ sơ đề nghị khen thưởng"), campaign.nominations),
    ):
        labels = dict(related.model._meta.get_field("state").choices or [])
        counts = related.values_list("state").annotate(n=Count("pk")).order_by("state")
        rows.append((str(title), [(str(labels.get(state, state)), n) for state, n in counts]))
    return rows
