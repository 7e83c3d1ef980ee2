"""Pages of plan import under /nhap-ke-hoach/: upload a plan (or paste its text), review it
beside its text, confirm it into a campaign.

Every page starts from ``drafts_visible_to`` (a hidden draft is a 404). Actions are POST
forms calling one service each (HTMX swaps the one field that changed); a ``DomainError``
comes back as a Vietnamese message, never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from thidua.core.numbers import megabytes
from thidua.core.refusals import refusal_caught
from thidua.plan_import import fields as f
from thidua.plan_import import services
from thidua.plan_import.models import DraftStatus, ImportDraft
from thidua.plan_import.paths import item_of, path_from_error
from thidua.plan_import.reading import max_bytes
from thidua.plan_import.rules import can_import_plan, can_review_draft
from thidua.plan_import.selectors import draft_detail, draft_list
from thidua.plan_import.uploads import install_limit, too_large_by_header

#: The plan shipped for trying the import (a copy of the seed text, with its provenance).
SAMPLE = Path(__file__).parent / "data" / "kh-128-ubnd-tra-vinh-2024.txt"
SAMPLE_NAME = "kh-128-ubnd-tra-vinh-2024.txt"
#: The form field of a plan's text pasted instead of a file.
PASTE_FIELD = "text"


def _require_importer(request: HttpRequest) -> None:
    if not can_import_plan(request.user):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng được nhập kế hoạch."))


def _too_large_message() -> str:
    return _(
        "Tệp quá lớn: chỉ nhận kế hoạch đến %(limit)s MB. "
        "Hãy tải lên bản DOCX hoặc PDF của riêng kế hoạch."
    ) % {"limit": max_bytes() // (1024 * 1024)}


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The drafts the user may see and the upload form."""
    _require_importer(request)
    return _index(request)


def _index(
    request: HttpRequest, *, error: str = "", status: int = 200, pasted: str = ""
) -> HttpResponse:
    context = {
        "drafts": list(draft_list(request.user)[:50]),
        "error": error,
        "limit_mb": max_bytes() // (1024 * 1024),
        "sample": SAMPLE.exists(),
        "pasted": pasted,
    }
    return render(request, "plan_import/index.html", context, status=status)


@csrf_exempt
@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Read an uploaded or pasted plan; too large → refused by its Content-Length before
    reading, by the upload gate while reading, or by its size once read."""
    if request.method != "POST":
        return redirect("plan_import:index")
    _require_importer(request)
    limit = max_bytes()
    if too_large_by_header(request, limit):
        return _index(request, error=_too_large_message(), status=413)
    gate = install_limit(request, limit)
    try:
        request.POST  # noqa: B018 - parse the form now, behind the gate, to catch its refusal
    except RequestDataTooBig:
        # A pasted text larger than a form field may be (DATA_UPLOAD_MAX_MEMORY_SIZE).
        return _index(request, error=_form_too_large_message(), status=413)
    return _upload(request, gate)


@dataclass(frozen=True)
class _Sent:
    """The plan the form sent (its bytes and name), or why there is none to read."""

    content: bytes = b""
    name: str = ""
    error: str = ""
    status: int = 200
    pasted: str = ""


@csrf_protect
def _upload(request: HttpRequest, gate: Any) -> HttpResponse:
    if request.POST.get("sample") == "kh-128" and SAMPLE.exists():
        sent = _Sent(SAMPLE.read_bytes(), SAMPLE_NAME)
    else:
        sent = _sent_plan(request, gate)
        if sent.error:
            return _index(request, error=sent.error, status=sent.status, pasted=sent.pasted)
    with refusal_caught() as outcome:
        draft = services.draft_create(actor=request.user, content=sent.content, file_name=sent.name)
    if not outcome.ok:
        return _index(request, error=outcome.error, status=400, pasted=sent.pasted)
    return redirect("plan_import:review", pk=draft.pk)


def _sent_plan(request: HttpRequest, gate: Any) -> _Sent:
    """Exactly one of a file and a pasted text. A pasted text becomes the bytes of a UTF-8
    text file, read by the same service as an uploaded .txt (same checks, same events)."""
    uploaded = request.FILES.get("file")
    if gate.too_large:
        return _Sent(error=_too_large_message(), status=413)
    pasted = request.POST.get(PASTE_FIELD, "")
    if uploaded is not None and pasted.strip():
        return _Sent(
            error=_(
                "Chỉ chọn một trong hai: tải tệp kế hoạch lên hoặc dán văn bản kế hoạch, "
                "không dùng cả hai cùng lúc. Hãy bỏ tệp đã chọn hoặc xóa văn bản đã dán."
            ),
            status=400,
            pasted=pasted,
        )
    if uploaded is not None:
        return _Sent(uploaded.read(), uploaded.name or "ke-hoach")
    if not pasted:
        return _Sent(
            error=_(
                "Hãy chọn tệp kế hoạch (DOCX, PDF hoặc TXT) hoặc dán văn bản kế hoạch vào ô "
                "“Dán văn bản kế hoạch”."
            ),
            status=400,
        )
    if not pasted.strip():
        return _Sent(
            error=_(
                "Ô “Dán văn bản kế hoạch” chỉ có khoảng trắng, không có chữ nào. Hãy dán "
                "nội dung kế hoạch hoặc chọn tệp kế hoạch."
            ),
            status=400,
        )
    content = pasted.encode("utf-8")
    if len(content) > max_bytes():
        return _Sent(error=_pasted_too_large_message(len(content)), status=413)
    return _Sent(content, pasted_name(), pasted=pasted)


def pasted_name() -> str:
    """The file name a pasted plan is kept under: when it was pasted, local time."""
    return f"van-ban-dan-{timezone.localtime():%Y%m%d-%H%M%S}.txt"


def _pasted_too_large_message(size: int) -> str:
    return _(
        "Văn bản dán vào quá lớn (%(size)s MB): chỉ nhận kế hoạch đến %(limit)s MB. "
        "Hãy dán riêng văn bản kế hoạch, hoặc tải lên bản DOCX hoặc PDF của kế hoạch."
    ) % {"size": megabytes(size), "limit": megabytes(max_bytes())}


def _form_too_large_message() -> str:
    return _(
        "Văn bản dán vào quá lớn để gửi qua ô dán (hơn %(limit)s MB). Hãy lưu văn bản "
        "thành tệp .txt, hoặc dùng bản DOCX hoặc PDF của kế hoạch, rồi tải tệp lên."
    ) % {"limit": megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)}


def _visible(request: HttpRequest, pk: int) -> ImportDraft:
    try:
        return draft_detail(request.user, pk)
    except ImportDraft.DoesNotExist:
        raise Http404(_("Không tìm thấy bản nháp.")) from None


def _review_context(draft: ImportDraft, *, errors: list[Any] | None = None) -> dict[str, Any]:
    rows = f.draft_fields(draft)
    error_paths: dict[str, list[str]] = {}
    shown_errors = []
    for error in errors or []:
        path = path_from_error(error.field)
        error_paths.setdefault(path, []).append(error.message)
        shown_errors.append(
            {"field": error.field, "message": error.message, "slug": _slug(path) if path else ""}
        )
    labels = dict(f.SECTIONS)
    sections = []
    for key in f.SECTION_KEYS:
        section_rows = [row for row in rows if row.section == key]
        if section_rows:
            sections.append(
                {
                    "key": key,
                    "label": labels[key],
                    "rows": section_rows,
                    "open": sum(1 for r in section_rows if f.acceptable_in_section(r)),
                }
            )
    waiting = f.unreviewed_required(rows)
    return {
        "draft": draft,
        "sections": sections,
        "lines": list(enumerate(draft.lines, start=1)),
        "cited": {row.line for row in rows if row.line},
        "waiting": waiting,
        "required_total": sum(1 for r in rows if r.required),
        "missing_count": sum(1 for r in rows if r.missing),
        "unrecognised_count": sum(1 for r in rows if r.unrecognised),
        "errors": shown_errors,
        "error_paths": error_paths,
        "editable": draft.status == DraftStatus.DRAFT,
    }


@login_required
@require_GET
def review_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft beside its source text: every field, its confidence and its line."""
    draft = _visible(request, pk)
    context = _review_context(draft)
    context["can_review"] = can_review_draft(request.user, draft)
    return render(request, "plan_import/review.html", context)


@login_required
@require_POST
def field_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept, correct, fill or remove one field; HTMX gets the field back, others a redirect."""
    draft = _visible(request, pk)
    path = request.POST.get("path", "")
    action = request.POST.get("action", "")
    error = ""
    with refusal_caught() as outcome:
        if action == "accept":
            draft = services.draft_field_accept(actor=request.user, draft=draft, path=path)
        elif action == "set":
            draft = services.draft_field_set(
                actor=request.user, draft=draft, path=path, raw=request.POST.get("value", "")
            )
        elif action == "remove":
            item = item_of(path)
            draft = services.draft_item_remove(actor=request.user, draft=draft, item=item)
        else:
            error = _("Thao tác không hợp lệ.")
    error = error or outcome.error
    if not getattr(request, "htmx", False) or action == "remove":
        if error:
            messages.error(request, error)
        return redirect(reverse("plan_import:review", args=[draft.pk]) + "#" + _slug(path))
    context = _review_context(draft)
    row = next((r for s in context["sections"] for r in s["rows"] if r.path == path), None)
    if row is None:
        raise Http404(_("Không tìm thấy trường."))
    context.update({"row": row, "field_error": error, "can_review": True, "oob": True})
    return render(request, "plan_import/partials/field_response.html", context)


def _slug(path: str) -> str:
    return "f-" + path.replace(".", "-").replace("_", "-")


@login_required
@require_POST
def section_accept(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    """Accept every undecided field of one section that has a value."""
    draft = _visible(request, pk)
    if section not in f.SECTION_KEYS:
        raise Http404(_("Không có phần này."))
    with refusal_caught(request):
        services.draft_section_accept(actor=request.user, draft=draft, section=section)
    return redirect(reverse("plan_import:review", args=[draft.pk]) + "#s-" + section)


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Load the campaign; on refusal the review page again, with every error in place."""
    draft = _visible(request, pk)
    with refusal_caught() as outcome:
        draft = services.draft_confirm(actor=request.user, draft=draft)
    if not outcome.ok:
        refused = outcome.refusal
        errors = refused.errors if isinstance(refused, services.ConfirmRefused) else None
        context = _review_context(draft, errors=errors)
        context.update({"can_review": True, "confirm_error": outcome.error})
        return render(request, "plan_import/review.html", context, status=400)
    campaign = draft.campaign
    assert campaign is not None  # a confirmed draft has its campaign (a database constraint)
    messages.success(
        request, _("Đã nạp phong trào %(code)s từ kế hoạch đã rà soát.") % {"code": campaign.code}
    )
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _visible(request, pk)
    with refusal_caught(request) as outcome:
        services.draft_discard(actor=request.user, draft=draft)
    if not outcome.ok:
        return redirect("plan_import:review", pk=draft.pk)
    messages.info(request, _("Đã hủy bản nháp %(name)s.") % {"name": draft.file_name})
    return redirect("plan_import:index")


@login_required
@require_GET
def yaml_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The campaign file the draft stands for, as text (to read or keep)."""
    draft = _visible(request, pk)
    response = HttpResponse(
        services.draft_campaign_yaml(draft), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="ke-hoach-nhap.yaml"'
    return response
