"""Pages of phase reviews under /so-ket/ (the "reviews" namespace): the Ban TĐKT's and
leaders' workspace for a sơ kết or tổng kết, and its report.

Every view starts from ``reviews_visible_to``; writes go through ``reviews.workflow``; a
``DomainError`` comes back as a message, a refused permission as the 403 page.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from thidua.accounts.models import Role
from thidua.accounts.selectors import has_role
from thidua.campaigns.models import Phase
from thidua.campaigns.selectors import campaigns_visible_to
from thidua.core import lengths
from thidua.core.dates import parse_typed_date
from thidua.core.errors import DomainError
from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.reviews import workflow
from thidua.reviews.models import PhaseReview, ReviewKind, ReviewState
from thidua.reviews.rules import can_manage_reviews
from thidua.reviews.selectors import review_detail, review_figures, review_list

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: The review's own texts (parts of its report) and its short notes, with their labels.
REPORT_TEXTS = {
    "shortcomings": _lazy("Hạn chế, tồn tại"),
    "directions": _lazy("Phương hướng, nhiệm vụ"),
}
NOTES = {"notes": _lazy("Ghi chú nội bộ"), "reason": _lazy("Lý do mở lại")}


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isascii() and v.isdigit() and len(v) < 18]


def _date(value: str) -> dt.date | None:
    return parse_typed_date(value)


@login_required
def index_page(request: HttpRequest) -> HttpResponse:
    """The reviews the user sees and, for the Ban TĐKT, the form opening a new one."""
    if not has_role(request.user, Role.SECRETARIAT, Role.LEADER):
        raise PermissionDenied
    campaigns = [
        c
        for c in campaigns_visible_to(request.user)
        .select_related("issuer_unit")
        .order_by("-doc_date")
        if can_manage_reviews(request.user, c)
    ]
    phases = list(Phase.objects.filter(campaign__in=campaigns).order_by("campaign_id", "position"))
    if request.method == "POST":
        campaign = next((c for c in campaigns if str(c.pk) == request.POST.get("campaign")), None)
        phase = next((p for p in phases if str(p.pk) == request.POST.get("phase")), None)
        held_on = _date(request.POST.get("held_on", ""))
        if campaign is None or held_on is None:
            messages.error(request, _("Hãy chọn phong trào và ghi ngày sơ kết, tổng kết."))
        else:
            with refusal_caught(request) as done:
                review = workflow.review_open(
                    actor=request.user,
                    campaign=campaign,
                    phase=phase,
                    kind=request.POST.get("kind", ""),
                    held_on=held_on,
                )
            if done.ok:
                return redirect("reviews:detail", pk=review.pk)
    return render(
        request,
        "reviews/index.html",
        {
            "reviews": list(review_list(request.user)),
            "campaigns": campaigns,
            "phases": phases,
            "kinds": ReviewKind.choices,
            "today": timezone.localdate(),
        },
    )


def _visible(request: HttpRequest, pk: int) -> PhaseReview:
    try:
        return review_detail(request.user, pk)
    except PhaseReview.DoesNotExist:
        raise Http404(_("Không tìm thấy hồ sơ sơ kết, tổng kết.")) from None


@login_required
@require_GET
def detail_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The workspace: targets, works ahead of schedule, reporting, rankings, nominations."""
    review = _visible(request, pk)
    figures = review_figures(request.user, review.campaign, review.phase)
    manage = bool(can_manage_reviews(request.user, review.campaign))
    editable = manage and review.state == ReviewState.DRAFT
    commend = {w.pk for w in review.works_to_commend.all()}
    publicise = {w.pk for w in review.works_to_publicise.all()}
    return render(
        request,
        "reviews/detail.html",
        {
            "review": review,
            "figures": figures,
            "manage": manage,
            "editable": editable,
            "ahead_rows": [(w, w.pk in commend, w.pk in publicise) for w in figures.ahead],
            "events": list(review.events.all()),
        },
    )


@login_required
@require_POST
def action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One write on the review; a refusal comes back as a message on the workspace."""
    review = _visible(request, pk)
    post = request.POST
    with refusal_caught(request, success=_("Đã lưu.")):
        lengths.check_posted(post, REPORT_TEXTS, limit=lengths.NARRATIVE)
        lengths.check_posted(post, NOTES)
        if action == "texts":
            held_on = _date(post.get("held_on", ""))
            if held_on is None:
                raise DomainError(_("Ngày sơ kết, tổng kết không hợp lệ (dd/mm/yyyy)."))
            workflow.review_update(
                actor=request.user,
                review=review,
                held_on=held_on,
                shortcomings=post.get("shortcomings", ""),
                directions=post.get("directions", ""),
                notes=post.get("notes", ""),
            )
        elif action == "works":
            workflow.review_select_works(
                actor=request.user,
                review=review,
                commend=_ids(post.getlist("commend")),
                publicise=_ids(post.getlist("publicise")),
            )
        elif action == "generate":
            workflow.review_generate_report(actor=request.user, review=review)
        elif action == "issue":
            workflow.review_issue(actor=request.user, review=review)
        elif action == "reopen":
            workflow.review_reopen(actor=request.user, review=review, reason=post.get("reason", ""))
        else:
            raise Http404
    return redirect("reviews:detail", pk=review.pk)


@login_required
@require_GET
def report_view(request: HttpRequest, pk: int) -> FileResponse:
    """The generated report (DOCX) of a visible review."""
    review = _visible(request, pk)
    if not review.report:
        raise Http404(_("Chưa lập báo cáo."))
    return stored_file_response(
        review.report,
        content_type=DOCX,
        filename=review.report.name.rsplit("/", 1)[-1],
        as_attachment=True,
        missing=_("Không tìm thấy tệp báo cáo."),
    )
