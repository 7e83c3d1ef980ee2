"""Pages of the year's results under /xep-loai/ (the "ratings" namespace): the units whose
results the user sees, a unit's year (people, ratings, initiatives, previous titles, the
computed titles with their rule and reason, the nominations to draft), the Excel import,
the register of initiatives and the Ban TĐKT's opening of the year.

Every view starts from ``units_covered`` / ``initiatives_visible_to`` (a unit out of reach
is a 404); every write is one service call under ``refusal_caught``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.accounts.selectors import secretariat_covers
from thidua.awards.models import Nominee, SubjectKind
from thidua.campaigns.regular import YearPlan, open_year
from thidua.campaigns.selectors import regular_campaign
from thidua.core.refusals import refusal_caught
from thidua.core.tree import root_path
from thidua.organisations.models import Unit
from thidua.ratings.excel import import_ratings, template_bytes
from thidua.ratings.forms import CollectiveRatingForm, InitiativeForm, OpenYearForm, RatingForm
from thidua.ratings.rules import can_record_results
from thidua.ratings.selectors import initiatives_visible_to, unit_visible, unit_year, units_covered
from thidua.ratings.services import (
    COLLECTIVE_TITLES,
    INDIVIDUAL_TITLES,
    collective_rating_set,
    initiative_create,
    nominations_draft,
    rating_set,
)

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _int(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 9 else None


def _unit(request: HttpRequest, unit_id: int) -> Unit:
    try:
        return unit_visible(request.user, unit_id)
    except Unit.DoesNotExist as exc:
        raise Http404 from exc


def _year(year: int) -> int:
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404
    return year


def _people(unit: Unit) -> Any:
    return Nominee.objects.filter(unit=unit, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True)


@login_required
@require_GET
def index_page(request: HttpRequest) -> HttpResponse:
    """The units whose year results the user sees, with links to their year."""
    year = _int(request.GET.get("year")) or timezone.localdate().year
    units = units_covered(request.user).order_by("path")
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    this_year = timezone.localdate().year
    return render(
        request,
        "ratings/index.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "year": year,
            "years": list(range(this_year, this_year - 5, -1)),
        },
    )


def _choices(request: HttpRequest) -> list[tuple[int | None, str]]:
    chosen: list[tuple[int | None, str]] = []
    for value in request.POST.getlist("choice"):
        who, _sep, code = value.partition(":")
        if who == "unit" and code in COLLECTIVE_TITLES:
            chosen.append((None, code))
        elif _int(who) is not None and code in INDIVIDUAL_TITLES:
            chosen.append((_int(who), code))
    return chosen


def _post(request: HttpRequest, unit: Unit, year: int) -> Any:
    action = request.POST.get("action")
    people = _people(unit)
    if action == "rating":
        form: Any = RatingForm(request.POST, people=people)
        if form.is_valid():
            with refusal_caught(request, form=form, success=_("Đã lưu xếp loại.")) as outcome:
                rating_set(by=request.user, year=year, **form.cleaned_data)
            if outcome.ok:
                return None
        return form
    if action == "collective":
        form = CollectiveRatingForm(request.POST)
        if form.is_valid():
            with refusal_caught(request, success=_("Đã lưu xếp loại tập thể.")):
                collective_rating_set(by=request.user, unit=unit, year=year, **form.cleaned_data)
        return None
    if action == "draft":
        choices = _choices(request)
        if not choices:
            messages.error(request, _("Hãy chọn ít nhất một danh hiệu để đề nghị."))
            return None
        with refusal_caught(request) as outcome:
            created = nominations_draft(by=request.user, unit=unit, year=year, choices=choices)
        if outcome.ok:
            messages.success(
                request,
                _("Đã soạn %(n)s đề nghị (dự thảo) trong phong trào thường xuyên năm %(year)s.")
                % {"n": len(created), "year": year},
            )
        return None
    raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def unit_year_page(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    """A unit's year: people, ratings, initiatives, previous titles and computed titles
    (each with its rule, article and reason); the forms for the unit's own staff."""
    unit = _unit(request, unit_id)
    year = _year(year)
    may_record = bool(can_record_results(request.user, unit))
    rating_form: Any = None
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        rating_form = _post(request, unit, year)
        if rating_form is None:
            return redirect("ratings:unit_year", unit_id=unit.pk, year=year)
    data = unit_year(unit, year)
    page = Paginator(data.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    province = Unit.objects.filter(path=root_path(unit.path)).first()
    context = {
        "unit": unit,
        "year": year,
        "data": data,
        "page_obj": page,
        "rows": page.object_list,
        "may_record": may_record,
        "rating_form": rating_form or RatingForm(people=_people(unit)),
        "collective_form": CollectiveRatingForm(
            initial={"rating": data.collective_rating.rating if data.collective_rating else ""}
        ),
        "campaign": regular_campaign(province, year) if province else None,
    }
    return render(request, "ratings/unit_year.html", context)


@login_required
@require_GET
def template_download(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    unit = _unit(request, unit_id)
    if not can_record_results(request.user, unit):
        raise PermissionDenied
    response = HttpResponse(template_bytes(unit, _year(year)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="xep-loai-{year}.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest, unit_id: int, year: int) -> HttpResponse:
    """Upload the filled template: every row saved, or none and every error listed."""
    unit = _unit(request, unit_id)
    year = _year(year)
    if not can_record_results(request.user, unit):
        raise PermissionDenied
    errors: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Hãy chọn tệp Excel.")]
        else:
            with refusal_caught() as outcome:
                result = import_ratings(
                    by=request.user, unit=unit, year=year, stream=upload, size=upload.size or 0
                )
            errors = result.errors if outcome.ok else [outcome.error]
            if not errors:
                messages.success(
                    request, _("Đã nhập xếp loại của %(n)s người.") % {"n": result.saved}
                )
                return redirect("ratings:unit_year", unit_id=unit.pk, year=year)
    return render(request, "ratings/import.html", {"unit": unit, "year": year, "errors": errors})


@login_required
@require_GET
def initiatives_page(request: HttpRequest) -> HttpResponse:
    """The register of recognised initiatives and accepted research the user sees."""
    rows = initiatives_visible_to(request.user).select_related("unit").prefetch_related("nominees")
    year = _int(request.GET.get("year"))
    if year:
        rows = rows.filter(year=year)
    page = Paginator(rows.order_by("-year", "title", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "ratings/initiatives.html",
        {"page_obj": page, "rows": page.object_list, "year": year},
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create_page(request: HttpRequest, unit_id: int) -> HttpResponse:
    """Register an initiative of the unit's people (the unit's own staff)."""
    unit = _unit(request, unit_id)
    if not can_record_results(request.user, unit):
        raise PermissionDenied
    people = _people(unit)
    form = InitiativeForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["nominees"] = list(data["nominees"])
        with refusal_caught(request, form=form, success=_("Đã ghi sáng kiến.")) as outcome:
            item = initiative_create(by=request.user, unit=unit, **data)
        if outcome.ok:
            return redirect("ratings:unit_year", unit_id=unit.pk, year=item.year)
    return render(request, "ratings/initiative_form.html", {"unit": unit, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def open_year_page(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The Ban TĐKT opens the province's regular campaign of a year from its plan."""
    province = _unit(request, unit_id)
    if not secretariat_covers(request.user, province.path):
        raise PermissionDenied
    initial = {"year": timezone.localdate().year, "doc_date": dt.date.today()}
    form = OpenYearForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = YearPlan(
            doc_number=data["doc_number"],
            doc_date=data["doc_date"],
            signer_name=data["signer_name"],
            signer_position=data["signer_position"],
            title=data["title"],
        )
        with refusal_caught(request, form=form) as outcome:
            campaign = open_year(by=request.user, province=province, year=data["year"], plan=plan)
        if outcome.ok:
            messages.success(
                request,
                _("Đã mở năm %(year)s: %(title)s.")
                % {"year": data["year"], "title": campaign.title},
            )
            return redirect("ratings:index")
    return render(request, "ratings/open_year.html", {"province": province, "form": form})
