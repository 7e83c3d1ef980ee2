"""The public certificate verification page under /public/xac-minh/ (no sign-in).

A certificate whose award was cancelled by a Quyết định hủy bỏ (Luật Thi đua, khen
thưởng 2022, Chương VII) is shown as "ĐÃ BỊ HỦY BỎ" with that decision's number and
date, never as valid.

It confirms what the certificate says and nothing more: the recipient's name, the unit
name, the award form, the decision's number and date, the grantor — and only once the
decision's seal is re-computed and matches (``decisions.integrity``): a forged row is
shown as unverifiable, never as valid. No birth year,
gender, position, achievement report, dossier or amount (Luật TĐKT 2022 Điều 10 makes
the award public, not the dossier; Luật Bảo vệ dữ liệu cá nhân).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from thidua.decisions.forms import VerifyForm
from thidua.decisions.integrity import decision_integrity
from thidua.decisions.models import DecisionState
from thidua.decisions.models.certificates import normalise_certificate_code
from thidua.decisions.revocations.selectors import revocation_of_entry
from thidua.decisions.selectors import certificate_by_code


@require_GET
def verify_search(request: HttpRequest) -> HttpResponse:
    """A form to type the code printed on a certificate."""
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalise_certificate_code(form.cleaned_data["ma"])
        return redirect("verification:detail", code=code)
    return render(request, "decisions/public/search.html", {"form": form})


@require_GET
def verify_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The verification of one code; an unknown code answers "không tìm thấy" (404)."""
    certificate = certificate_by_code(code)
    if certificate is None:
        return render(
            request,
            "decisions/public/not_found.html",
            {"code": code[:32], "form": VerifyForm()},
            status=404,
        )
    entry = certificate.entry
    decision = entry.decision
    replacement = None
    if decision.state == DecisionState.SUPERSEDED:
        replacement = (
            decision.superseded_by.filter(state=DecisionState.ISSUED).only("number", "date").first()
        )
    context = {
        "name": entry.name,
        "unit_name": entry.unit_name,
        "form_name": decision.form.name,
        "number": decision.number,
        "date": decision.date,
        "grantor": decision.grantor_title,
        "superseded": decision.state == DecisionState.SUPERSEDED,
        "revocation": revocation_of_entry(entry.pk),
        "replacement": replacement,
        "code": certificate.code,
        # A decision of an illustrative plan (the demo) is no real commendation: say so.
        "illustrative": decision.campaign.illustrative,
        "integrity": decision_integrity(decision),
    }
    response = render(request, "decisions/public/detail.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
