"""The reviewer's confirmation of a distinct achievement on a nomination's page: the
same form is proposed or awarded to the nominee in another phase of the campaign, and
one achievement gets one award (Luật TĐKT 2022 Điều 5)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.awards import services
from thidua.awards.eligibility.checks.history import same_form_elsewhere
from thidua.awards.forms import DistinctForm
from thidua.awards.models import Nomination
from thidua.awards.rules import is_reviewer
from thidua.awards.selectors import nomination_detail
from thidua.awards.transitions import OPEN_STATES
from thidua.core.refusals import refusal_caught


def distinct_form_for(user: Any, nomination: Nomination) -> DistinctForm | None:
    """The reviewer's form to confirm a distinct achievement, when the same form is
    proposed or awarded to the nominee in another phase (Luật TĐKT 2022 Điều 5)."""
    if nomination.state not in OPEN_STATES or not is_reviewer(user, nomination):
        return None
    if same_form_elsewhere(nomination) is None:
        return None
    return DistinctForm(initial={"note": nomination.distinct_achievement})


@login_required
@require_POST
def distinct_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewer confirms a distinct achievement (one achievement, one award: the same
    form in another phase of the campaign); back to the nomination."""
    nomination = nomination_detail(request.user, pk)
    form = DistinctForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi vì sao đây là thành tích khác."))
        return redirect("awards:detail", pk=pk)
    done = _("Đã xác nhận đây là thành tích khác.")
    with refusal_caught(request, success=done):
        services.nomination_confirm_distinct(
            nomination, by=request.user, note=form.cleaned_data["note"]
        )
    return redirect("awards:detail", pk=pk)
