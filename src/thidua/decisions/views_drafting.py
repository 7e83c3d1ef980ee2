"""What the drafting pages show and do about the signer's authority and the amounts.

While a decision is drafted, every row is checked against the signer's authority on the
decision's date (today until one is set): when rows are added (the draft's page, the
candidates of a new draft) and when the date or the signer changes (the edit page asks
this module's fragment again). A refused row is named with its cause, and the successor
authority is offered (``services.decision_grantor_succeed``). The Ban TĐKT also sees how
the amounts will be made (base salary, multipliers, rounding, with the sources still to
confirm) and a warning when the base salary may have changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.awards.authority_verdict import AuthorityVerdict
from thidua.core.refusals import refusal_caught
from thidua.decisions import services
from thidua.decisions.amounts import amount_explanation, stale_salary_warning
from thidua.decisions.forms import EditForm
from thidua.decisions.models import Decision, DecisionState
from thidua.decisions.row_authority import (
    decision_day,
    signing_check,
    verdicts_by_kind,
)
from thidua.decisions.rules import is_decision_issuer
from thidua.decisions.selectors import decisions_visible_to


def signing_context(user: Any, decision: Decision, *, on: dt.date | None = None) -> dict[str, Any]:
    """The context of the authority panel of a draft (``partials/signing.html``): the
    check of every row, whether the user may move the draft to the successor, the base
    salary warning. Empty for a decision that is no longer a draft."""
    if decision.state != DecisionState.DRAFT:
        return {}
    entries = list(decision.entries.order_by("order", "pk"))
    check = signing_check(decision, entries, on=on)
    successor = check.successor
    may_succeed = successor is not None and bool(
        is_decision_issuer(user, Decision(grantor_unit=successor.unit))
    )
    return {
        "signing": check,
        "successor": successor,
        "may_succeed": may_succeed,
        "salary_warning": stale_salary_warning(check.day),
    }


def candidate_rows(draft_form: Any, candidates: list[Any]) -> list[tuple[Any, AuthorityVerdict]]:
    """For the new-draft page: each candidate nomination with the verdict on its row as
    of today, for the form and granting unit chosen in ``draft_form`` (a valid form)."""
    if not candidates:
        return []
    chosen = draft_form.cleaned_data
    kinds = (n.nominee.kind for n in candidates)
    verdicts = verdicts_by_kind(chosen["form"], chosen["grantor_unit"], kinds, timezone.localdate())
    return [(n, verdicts[n.nominee.kind]) for n in candidates]


def visible_decision(user: Any, pk: int) -> Decision:
    """The decision ``pk`` if ``user`` may see it (404 otherwise)."""
    found = (
        decisions_visible_to(user)
        .select_related("grantor_unit", "form", "campaign")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(_("Không tìm thấy quyết định."))
    return found


def managed_decision(request: HttpRequest, pk: int) -> Decision:
    """The decision ``pk`` if the user prepares it (404 unseen, 403 seen but not theirs)."""
    decision = visible_decision(request.user, pk)
    if not is_decision_issuer(request.user, decision):
        raise PermissionDenied(_("Bạn không có quyền sửa, ban hành quyết định này."))
    return decision


def _probe_day(request: HttpRequest, decision: Decision) -> dt.date:
    """The date typed in the edit form (any accepted format), else the draft's day."""
    raw = request.GET.get("date", "").strip()
    if not raw:
        return decision_day(decision)
    try:
        day = EditForm.base_fields["date"].clean(raw)
    except ValidationError:
        return decision_day(decision)
    return day if isinstance(day, dt.date) else decision_day(decision)


@login_required
@require_GET
def signing_partial(request: HttpRequest, pk: int) -> HttpResponse:
    """HTMX: the authority panel of a draft as of the date typed in the edit form."""
    decision = managed_decision(request, pk)
    context = {"decision": decision, "live": True} | signing_context(
        request.user, decision, on=_probe_day(request, decision)
    )
    response = render(request, "decisions/partials/signing.html", context)
    patch_vary_headers(response, ("HX-Request",))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def succeed_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Chuyển sang người có thẩm quyền": the draft moves to the granting unit's successor."""
    decision = managed_decision(request, pk)
    done = _("Đã chuyển dự thảo sang người có thẩm quyền; hãy ghi họ tên người ký.")
    with refusal_caught(request, success=done) as outcome:
        services.decision_grantor_succeed(actor=request.user, decision=decision)
    if outcome.ok:
        return redirect("decisions:edit", pk=pk)
    return redirect("decisions:detail", pk=pk)


@login_required
@require_GET
def amounts_partial(request: HttpRequest, pk: int) -> HttpResponse:
    """HTMX (loaded when opened): how the rewards are made, for those who prepare it."""
    decision = managed_decision(request, pk)
    explanation = amount_explanation_for(decision)
    return render(request, "decisions/partials/amounts.html", {"explanation": explanation})


def amount_explanation_for(decision: Decision) -> Any:
    """The amount explanation of a decision as of its day (its date, or today)."""
    kinds = list(decision.entries.values_list("subject_kind", flat=True).distinct())
    return amount_explanation(decision.form, kinds, decision_day(decision))
