"""One score sheet: the unit's self-assessment, the review side by side, the actions.

The page starts from ``sheet_detail`` (``score_sheets_visible_to``): a sheet out of reach
is a 404. Each action is a POST calling one service. What was typed is checked first, row
by row (``sheet_input``): every bad value is shown on its own row in one pass. A
``DomainError`` comes back as a Vietnamese message above the form with what was typed
kept, a refused permission as the 403 page — never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from thidua.core.files import stored_file_response
from thidua.core.refusals import refusal_caught
from thidua.scoring import services
from thidua.scoring.models import CriterionKind, Score, ScoreSheet, SheetState
from thidua.scoring.rules import (
    is_sheet_reviewer,
    is_sheet_secretariat,
    is_sheet_unit_head,
    is_sheet_unit_staff,
)
from thidua.scoring.selectors import is_gap, max_total, sheet_detail
from thidua.scoring.sheet_input import sheet_input
from thidua.scoring.transitions import SELF_EDITABLE

EVENT_LABELS = {
    "self_save": _lazy("lưu điểm tự chấm"),
    "submit": _lazy("gửi tự chấm"),
    "review": _lazy("thẩm định"),
    "return": _lazy("trả lại"),
    "confirm": _lazy("xác nhận"),
    "publish": _lazy("công bố kết quả"),
}


@dataclass
class Row:
    """One criterion on the page: its score, what was typed (after a refusal) and the flag."""

    score: Score
    self_input: str
    review_input: str
    self_note: str
    review_note: str
    gap: bool
    errors: list[str]


def _text(value: Decimal | None) -> str:
    from thidua.campaigns.templatetags.campaign_format import number

    return number(value) if value is not None else ""


def _rows(
    sheet: ScoreSheet, posted: dict[str, Any] | None, row_errors: dict[int, list[str]]
) -> list[Row]:
    percent = sheet.criteria_set.gap_threshold_percent
    rows = []
    for score in sheet.scores.all():
        cid = score.criterion_id
        review_default = _text(score.reviewed_points)
        if score.reviewed_points is None and score.criterion.kind == CriterionKind.COMPUTED:
            review_default = _text(score.self_points)
        rows.append(
            Row(
                score=score,
                self_input=(posted or {}).get(f"p-{cid}", _text(score.self_points)),
                review_input=(posted or {}).get(f"r-{cid}", review_default),
                self_note=(posted or {}).get(f"n-{cid}", score.self_note),
                review_note=(posted or {}).get(f"rn-{cid}", score.review_note),
                gap=is_gap(
                    score.self_points, score.reviewed_points, score.criterion.max_points, percent
                ),
                errors=row_errors.get(cid, []),
            )
        )
    return rows


def _actions(user: Any, sheet: ScoreSheet) -> set[str]:
    state = SheetState(sheet.state)
    actions: set[str] = set()
    if state in SELF_EDITABLE and is_sheet_unit_staff(user, sheet):
        actions.add("save")
        if is_sheet_unit_head(user, sheet):
            actions.add("submit")
    if state == SheetState.SELF_SUBMITTED and is_sheet_reviewer(user, sheet):
        actions |= {"review", "return"}
    if state == SheetState.REVIEWED and is_sheet_secretariat(user, sheet):
        actions |= {"confirm", "return"}
    return actions


def render_sheet(
    request: HttpRequest,
    pk: int,
    *,
    error: str = "",
    posted: dict[str, Any] | None = None,
    row_errors: dict[int, list[str]] | None = None,
) -> HttpResponse:
    try:
        sheet = sheet_detail(request.user, pk)
    except ScoreSheet.DoesNotExist:
        raise Http404(_("Không tìm thấy phiếu chấm điểm.")) from None
    actions = _actions(request.user, sheet)
    maximum = max_total(sheet.criteria_set)
    context = {
        "sheet": sheet,
        "criteria_set": sheet.criteria_set,
        "rows": _rows(sheet, posted, row_errors or {}),
        "actions": actions,
        "editing": "save" in actions,
        "reviewing": "review" in actions,
        "show_review": "review" in actions
        or sheet.state in {SheetState.REVIEWED, SheetState.CONFIRMED, SheetState.PUBLISHED},
        "has_review": sheet.state
        in {SheetState.REVIEWED, SheetState.CONFIRMED, SheetState.PUBLISHED},
        "error": error,
        "posted_note": (posted or {}).get("note", sheet.self_note),
        "posted_review_note": (posted or {}).get("review_note", sheet.review_note),
        "max_total": maximum,
        "total_gap": sheet.state in {"reviewed", "confirmed", "published"}
        and is_gap(
            sheet.self_total,  # type: ignore[attr-defined]
            sheet.reviewed_total,  # type: ignore[attr-defined]
            maximum,
            sheet.criteria_set.gap_threshold_percent,
        ),
        "events": [
            (event, EVENT_LABELS.get(event.kind, event.kind))
            for event in sheet.events.select_related("actor").order_by("-at", "-pk")[:20]
        ],
    }
    return render(request, "scoring/sheet.html", context, status=400 if error else 200)


@login_required
@require_GET
def sheet_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render_sheet(request, pk)


@login_required
@require_POST
def sheet_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Save, submit, review, return or confirm; then show the sheet again."""
    try:
        sheet = sheet_detail(request.user, pk)
    except ScoreSheet.DoesNotExist:
        raise Http404(_("Không tìm thấy phiếu chấm điểm.")) from None
    user = request.user
    posted = request.POST.dict()
    typed = sheet_input(sheet, request.POST, request.FILES, reviewing=action == "review")
    if not typed.ok:
        error = " ".join(typed.errors) or _(
            "Biểu mẫu còn lỗi; hãy xem các ô được đánh dấu bên dưới."
        )
        return render_sheet(request, pk, error=error, posted=posted, row_errors=typed.row_errors)
    with refusal_caught() as outcome:
        if action == "save" or (action == "submit" and "save" in _actions(user, sheet)):
            services.sheet_save_self(
                actor=user,
                sheet=sheet,
                entries=typed.entries,
                note=request.POST.get("note", sheet.self_note),
            )
        if action == "save":
            message = _("Đã lưu điểm tự chấm.")
        elif action == "submit":
            services.sheet_submit(actor=user, sheet=sheet)
            message = _("Đã gửi phiếu tự chấm đến trưởng cụm, khối để thẩm định.")
        elif action == "review":
            services.sheet_review(
                actor=user,
                sheet=sheet,
                entries=typed.entries,
                note=request.POST.get("review_note", ""),
            )
            message = _("Đã ghi điểm thẩm định; phiếu chờ Ban TĐKT xác nhận.")
        elif action == "return":
            services.sheet_return(actor=user, sheet=sheet, reason=request.POST.get("reason", ""))
            message = _("Đã trả lại phiếu cho đơn vị.")
        elif action == "confirm":
            services.sheet_confirm(actor=user, sheet=sheet)
            message = _("Đã xác nhận phiếu chấm điểm.")
        else:
            raise Http404
    if not outcome.ok:
        return render_sheet(request, pk, error=outcome.error, posted=posted)
    messages.success(request, message)
    return redirect("scoring:sheet", pk=pk)


@login_required
@require_GET
def evidence_file(request: HttpRequest, pk: int, score: int) -> FileResponse:
    """A criterion's evidence, for those who may see the sheet only (never /media/)."""
    try:
        sheet = sheet_detail(request.user, pk)
    except ScoreSheet.DoesNotExist:
        raise Http404(_("Không tìm thấy tệp minh chứng.")) from None
    item = next((s for s in sheet.scores.all() if s.pk == score and s.evidence), None)
    if item is None:
        raise Http404(_("Không tìm thấy tệp minh chứng."))
    response = stored_file_response(
        item.evidence,
        content_type=item.evidence_type,
        as_attachment=not item.evidence_type.startswith("image/"),
        filename=item.evidence_name,
        missing=_("Tệp minh chứng không còn trên máy chủ."),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
