"""Pages of annual registration under /dang-ky-thi-dua/ (the "registrations" namespace).

A unit's page for a year (its titles, add, remove, import, submit), the Ban TĐKT's
compiled view of the province (who has registered, totals per title, the XLSX) and the
province's settings for the year. Every view starts from the visibility selectors (a
unit out of reach is a 404); actions are POST forms calling one service each; a
``DomainError`` comes back as a message, a refused permission as the 403 page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.accounts.selectors import memberships_of
from thidua.core.refusals import refusal_caught
from thidua.core.views import render_page_or_part, wants_fragment
from thidua.organisations.models import Unit, UnitKind
from thidua.organisations.selectors import staff_units
from thidua.registrations import workflow
from thidua.registrations.excel import import_entries, template_bytes
from thidua.registrations.export import compiled_xlsx
from thidua.registrations.forms import EntryForm, ImportForm, ReasonForm, SettingForm
from thidua.registrations.models import Registration, RegistrationEntry, RegistrationState
from thidua.registrations.rules import (
    is_receiving_secretariat,
    is_unit_head,
    may_compile,
    may_prepare,
)
from thidua.registrations.selectors import (
    REGISTERING_KINDS,
    compiled_units,
    province_of,
    registration_detail,
    registration_list,
    title_totals,
    unit_in_reach,
    year_setting,
)
from thidua.registrations.transitions import EDITABLE_STATES, Action

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(raw: Any) -> int:
    text = str(raw or "")
    if text.isascii() and text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    return timezone.localdate().year


def _unit(request: HttpRequest, unit_pk: int) -> Unit:
    unit = unit_in_reach(request.user, unit_pk)
    if unit is None:
        raise Http404(_("Không tìm thấy đơn vị."))
    return unit


def _registration(request: HttpRequest, pk: int) -> Registration:
    try:
        return registration_detail(request.user, pk)
    except Registration.DoesNotExist:
        raise Http404(_("Không tìm thấy bản đăng ký.")) from None


def _back(registration: Registration) -> HttpResponse:
    return redirect("registrations:unit", registration.unit_id, registration.year)


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The registrations the user sees, by year and state; links to the user's units."""
    year = _year(request.GET.get("year"))
    state = request.GET.get("state", "")
    if state not in RegistrationState.values:
        state = ""
    rows = registration_list(request.user, year=year, state=state, search=request.GET.get("q", ""))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": year,
        "years": range(timezone.localdate().year + 1, 2023, -1),
        "state": state,
        "states": RegistrationState.choices,
        "q": request.GET.get("q", ""),
        "page_obj": page,
        "rows": page.object_list,
        "my_units": staff_units(request.user),
        "may_compile": may_compile(request.user),
    }
    return render(request, "registrations/index.html", context)


def _unit_context(
    request: HttpRequest, unit: Unit, year: int, *, errors: list[str] | None = None,
    entry_form: EntryForm | None = None,
) -> dict[str, Any]:  # fmt: skip
    found = Registration.objects.filter(unit=unit, year=year).first()
    registration = registration_detail(request.user, found.pk) if found else None
    editable = bool(
        registration and registration.state in EDITABLE_STATES and may_prepare(request.user, unit)
    )
    state = registration.state if registration else ""
    return {
        "unit": unit,
        "year": year,
        "registration": registration,
        "entries": list(registration.entries.all()) if registration else [],
        "events": list(registration.events.all()) if registration else [],
        "setting": year_setting(unit.path, year),
        "may_open": registration is None and may_prepare(request.user, unit),
        "editable": editable,
        "may_submit": editable and is_unit_head(request.user, registration),
        "may_receive": state == RegistrationState.SUBMITTED
        and is_receiving_secretariat(request.user, registration),
        "entry_form": entry_form or EntryForm(),
        "import_form": ImportForm(),
        "reason_form": ReasonForm(),
        "errors": errors or [],
    }


@login_required
@require_GET
def unit_page(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    """A unit's registration for ``year``: its titles and what the user may do with it."""
    year = _checked(year)
    unit = _unit(request, unit_pk)
    return render(request, "registrations/unit.html", _unit_context(request, unit, year))


def _entries_answer(
    request: HttpRequest, registration: Registration, errors: list[str], form: EntryForm | None
) -> HttpResponse:
    """For HTMX, the titles part of the unit's page (with the errors beside the form);
    otherwise the errors as messages and back to the page."""
    if wants_fragment(request):
        context = _unit_context(
            request, registration.unit, registration.year, errors=errors, entry_form=form
        )
        return render_page_or_part(request, "registrations/unit.html", "entries", context)
    for error in errors:
        messages.error(request, error)
    return _back(registration)


@login_required
@require_POST
def open_view(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    year = _checked(year)
    unit = _unit(request, unit_pk)
    with refusal_caught(request):
        workflow.registration_open(actor=request.user, unit=unit, year=year)
    return redirect("registrations:unit", unit.pk, year)


@login_required
@require_POST
def entry_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    form = EntryForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        return _entries_answer(request, registration, errors, form)
    with refusal_caught(
        None if wants_fragment(request) else request, success=_("Đã thêm danh hiệu đăng ký.")
    ) as outcome:
        workflow.entry_add(actor=request.user, registration=registration, data=form.entry_data())
    errors = [] if outcome.ok else [outcome.error]
    return _entries_answer(request, registration, errors, form if errors else None)


@login_required
@require_POST
def entry_remove_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    entry = RegistrationEntry.objects.filter(registration=registration, pk=entry_pk).first()
    if entry is None:
        raise Http404(_("Không tìm thấy danh hiệu đăng ký."))
    with refusal_caught(
        None if wants_fragment(request) else request, success=_("Đã bỏ danh hiệu đăng ký.")
    ) as outcome:
        workflow.entry_remove(actor=request.user, entry=entry)
    return _entries_answer(request, registration, [] if outcome.ok else [outcome.error], None)


@login_required
@require_POST
def import_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Import the list of individuals from the filled template, all or nothing."""
    registration = _registration(request, pk)
    if not may_prepare(request.user, registration.unit):
        raise PermissionDenied
    upload = request.FILES.get("file")
    errors: list[str]
    if upload is None:
        errors = [_("Hãy chọn tệp Excel.")]
    else:
        with refusal_caught() as outcome:
            result = import_entries(
                actor=request.user, registration=registration, stream=upload, size=upload.size or 0
            )
        errors = result.errors if outcome.ok else [outcome.error]
    if errors:
        messages.error(request, _("Chưa nhập dòng nào: tệp có lỗi, hãy sửa rồi tải lên lại."))
        for error in errors[:50]:
            messages.error(request, error)
    else:
        messages.success(request, _("Đã nhập %(n)s người đăng ký.") % {"n": result.created})
    return _back(registration)


@login_required
@require_POST
def action_view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Submit (the unit's head), accept or return (the Ban TĐKT)."""
    registration = _registration(request, pk)
    if action == Action.SUBMIT:
        with refusal_caught(request, success=_("Đã gửi bản đăng ký thi đua.")):
            workflow.registration_submit(actor=request.user, registration=registration)
    elif action == Action.ACCEPT:
        with refusal_caught(request, success=_("Đã tiếp nhận bản đăng ký.")):
            workflow.registration_accept(actor=request.user, registration=registration)
    elif action == Action.RETURN:
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        with refusal_caught(request, success=_("Đã trả lại bản đăng ký.")):
            workflow.registration_return(
                actor=request.user, registration=registration, reason=reason
            )
    else:
        raise Http404(_("Không có thao tác này."))
    return _back(registration)


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    """The Excel template of the list of individuals (any unit's staff)."""
    if not staff_units(request.user) and not may_compile(request.user):
        raise PermissionDenied
    response = HttpResponse(template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-dang-ky-thi-dua.xlsx"'
    return response


def _compiled_province(request: HttpRequest) -> Unit | None:
    """The province of the user's first membership (a person works in one province)."""
    for membership in memberships_of(request.user):
        province = province_of(membership.unit)
        if province is not None:
            return province
    return None


def _checked(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404(_("Năm không hợp lệ."))
    return year


@login_required
@require_GET
def compiled_page(request: HttpRequest, year: int) -> HttpResponse:
    """The Ban TĐKT's compiled view: every unit of the province, who has registered and
    who has not, totals per title; a unit's staff see their own (and sub-units')."""
    year = _checked(year)
    status = request.GET.get("status", "")
    if status not in ("submitted", "missing", *RegistrationState.values):
        status = ""
    kind = request.GET.get("kind", "")
    if kind not in [k.value for k in REGISTERING_KINDS]:
        kind = ""
    units = compiled_units(
        request.user, year, status=status, kind=kind, search=request.GET.get("q", "")
    )
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    province = _compiled_province(request)
    setting = year_setting(province.path, year) if province else None
    context = {
        "year": year,
        "status": status,
        "kind": kind,
        "kinds": [(k.value, UnitKind(k).label) for k in REGISTERING_KINDS],
        "states": RegistrationState.choices,
        "q": request.GET.get("q", ""),
        "page_obj": page,
        "rows": page.object_list,
        "totals": title_totals(request.user, year),
        "setting": setting,
        "province": province,
        "may_set": province is not None
        and is_receiving_secretariat(request.user, Registration(unit=province)),
        "setting_form": SettingForm(
            initial={
                "deadline": setting.deadline,
                "severity": setting.severity,
                "source": setting.source,
            }
        )
        if setting
        else None,
    }
    return render(request, "registrations/compiled.html", context)


@login_required
@require_GET
def compiled_export(request: HttpRequest, year: int) -> HttpResponse:
    """The compiled registrations of ``year`` as XLSX (what the user follows)."""
    year = _checked(year)
    response = HttpResponse(compiled_xlsx(request.user, year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="dang-ky-thi-dua-{year}.xlsx"'
    return response


@login_required
@require_POST
def setting_view(request: HttpRequest, year: int) -> HttpResponse:
    """The Ban TĐKT records the province's deadline and warn-or-block for ``year``."""
    year = _checked(year)
    province = _compiled_province(request)
    if province is None:
        raise PermissionDenied
    form = SettingForm(request.POST)
    if form.is_valid():
        with refusal_caught(request, success=_("Đã lưu cài đặt đăng ký thi đua.")):
            workflow.setting_save(
                actor=request.user,
                province=province,
                year=year,
                deadline=form.cleaned_data["deadline"],
                severity=form.cleaned_data["severity"],
                source=form.cleaned_data["source"] or "",
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("registrations:compiled", year)
