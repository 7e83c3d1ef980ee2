"""The legal data page of the Ban TĐKT (/khen-thuong/du-lieu-phap-ly/): the base salary
by date with its decree, the holidays of each year with their notice, what may be out of
date, and the values still to confirm (unverified sources, the province's settings).

Everything here is data the rules read by date (ND 152/2025 Điều 50, 54: rewards are a
multiple of the base salary; working-day deadlines need each year's holidays).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.awards.forms_legal import BaseSalaryForm, HolidayForm
from thidua.awards.legal_data import (
    base_salary_add,
    holiday_add,
    legal_data_warnings,
    values_to_confirm,
)
from thidua.awards.models import BaseSalary, Holiday
from thidua.awards.rules import is_commendation_board
from thidua.core.refusals import refusal_caught


def _year(request: HttpRequest, default: int) -> int:
    raw = request.GET.get("nam", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else default


def _context(request: HttpRequest, salary_form: Any, holiday_form: Any) -> dict[str, Any]:
    today = timezone.localdate()
    year = _year(request, today.year)
    return {
        "warnings": legal_data_warnings(today),
        "salaries": BaseSalary.objects.select_related("entered_by").order_by("-valid_from"),
        "year": year,
        "years": [year - 1, year, year + 1],
        "holidays": Holiday.objects.filter(date__year=year).order_by("date"),
        "pending": values_to_confirm(today),
        "salary_form": salary_form,
        "holiday_form": holiday_form,
        "today": today,
    }


@login_required
@require_http_methods(["GET", "POST"])
def legal_data_page(request: HttpRequest) -> HttpResponse:
    """The page; a POST adds a base salary (``salary``) or a holiday (``holiday``)."""
    if not is_commendation_board(request.user):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng cập nhật dữ liệu pháp lý."))
    salary_form, holiday_form = BaseSalaryForm(prefix="salary"), HolidayForm(prefix="holiday")
    if request.method == "POST" and "salary-amount" in request.POST:
        salary_form = BaseSalaryForm(request.POST, prefix="salary")
        if _added(request, salary_form, base_salary_add):
            return _saved(request, _("Đã thêm mức lương cơ sở."))
    elif request.method == "POST":
        holiday_form = HolidayForm(request.POST, prefix="holiday")
        if _added(request, holiday_form, holiday_add):
            year = holiday_form.cleaned_data["date"].year
            return _saved(request, _("Đã thêm ngày vào lịch nghỉ lễ."), year)
    status = 400 if salary_form.errors or holiday_form.errors else 200
    context = _context(request, salary_form, holiday_form)
    return render(request, "awards/legal_data.html", context, status=status)


def _added(request: HttpRequest, form: Any, service: Callable[..., Any]) -> bool:
    """Run ``service`` with the form's data; a refusal goes on the form (False)."""
    if not form.is_valid():
        return False
    with refusal_caught(form=form) as outcome:
        service(actor=request.user, **form.cleaned_data)
    return outcome.ok


def _saved(request: HttpRequest, message: str, year: int | None = None) -> HttpResponse:
    messages.success(request, message)
    url = reverse("awards:legal_data")
    return redirect(f"{url}?nam={year}" if year else url)
