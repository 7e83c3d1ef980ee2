"""The Ban TĐKT's account import: upload a list → preview with every error → confirm.

The checked rows wait in the session between the preview and the confirmation (no
password is kept anywhere); confirming creates them all and answers with the workbook of
initial passwords, which is therefore downloaded once and never shown again.
"""

from __future__ import annotations

from dataclasses import asdict

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.core.errors import DomainError, NotPermitted
from thidua.core.refusals import refusal_caught
from thidua.desk.accounts_import.rules import may_import_accounts
from thidua.desk.accounts_import.services import accounts_import, accounts_read
from thidua.desk.accounts_import.sheet import (
    MAX_ROWS,
    XLSX,
    SheetRow,
    passwords_bytes,
    template_bytes,
)

_SESSION_KEY = "desk_account_import"


def _check(request: HttpRequest) -> None:
    if not may_import_accounts(request.user):
        raise NotPermitted(_("Chỉ Ban Thi đua - Khen thưởng của tỉnh tạo tài khoản hàng loạt."))


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    """The empty list with its roles sheet and instructions."""
    _check(request)
    response = HttpResponse(template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-tai-khoan.xlsx"'
    return response


def _errors(refusal: DomainError | None) -> list[str]:
    """A refusal as the lines to show: the summary, then each row's error."""
    if refusal is None:
        return []
    return [refusal.message, *getattr(refusal, "errors", [])]


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload (errors listed, nothing written), preview, then confirm to create all."""
    _check(request)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        return _confirm(request)
    context: dict[str, object] = {"max_rows": MAX_ROWS, "errors": [], "accounts": None}
    if request.method == "POST":
        request.session.pop(_SESSION_KEY, None)
        upload = request.FILES.get("file")
        with refusal_caught() as outcome:
            if upload is None:
                raise DomainError(_("Hãy chọn tệp Excel (.xlsx) theo mẫu."))
            rows, accounts = accounts_read(by=request.user, stream=upload, size=upload.size or 0)
            request.session[_SESSION_KEY] = [asdict(row) for row in rows]
            context["accounts"] = accounts
        context["errors"] = _errors(outcome.refusal)
    return render(request, "desk/accounts_import.html", context)


def _confirm(request: HttpRequest) -> HttpResponse:
    stored = request.session.pop(_SESSION_KEY, None)
    rows = [SheetRow(number=row["number"], values=row["values"]) for row in stored or []]
    with refusal_caught() as outcome:
        if not rows:
            raise DomainError(_("Không còn danh sách chờ xác nhận; hãy tải tệp lên lại."))
        created = accounts_import(by=request.user, rows=rows)
        response = HttpResponse(passwords_bytes(created), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="mat-khau-ban-dau.xlsx"'
        return response
    context = {"max_rows": MAX_ROWS, "errors": _errors(outcome.refusal), "accounts": None}
    return render(request, "desk/accounts_import.html", context)
