"""The year's calendar of the Ban TĐKT: every deadline the apps register
(``core.deadlines``) for one province and year, and who is late for each passed one.

The province's Ban TĐKT and its leaders see it; a unit's staff are refused (their own
deadlines are on their report, registration and nomination pages); another province's
Ban TĐKT sees nothing of this province.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from thidua.award_statistics.selectors import province_for, provinces_of
from thidua.core.deadlines import Deadline, year_deadlines
from thidua.core.errors import NotPermitted

#: Deadlines per page, and late units named under each before "và N đơn vị khác".
PAGE_SIZE = 20
LATE_SHOWN = 10
FIRST_YEAR = 2020


@dataclass(frozen=True)
class CalendarRow:
    """A deadline as the page shows it: passed or not, the late units it names."""

    deadline: Deadline
    passed: bool
    late_shown: tuple[str, ...]
    late_more: int


def _row(deadline: Deadline, today: object) -> CalendarRow:
    shown = deadline.late[:LATE_SHOWN]
    more = (deadline.late_count or 0) - len(shown)
    return CalendarRow(deadline, deadline.day < today, shown, max(more, 0))  # type: ignore[operator]


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw else None
    except ValueError:
        return None


@login_required
@require_GET
def calendar_page(request: HttpRequest) -> HttpResponse:
    """One province's deadlines of one year, by day, paginated."""
    province = province_for(request.user, _int(request.GET.get("province")))
    if province is None:
        raise NotPermitted(
            _("Chỉ Ban Thi đua – Khen thưởng và lãnh đạo tỉnh xem lịch công việc của tỉnh.")
        )
    today = timezone.localdate()
    year = _int(request.GET.get("year")) or today.year
    if not FIRST_YEAR <= year <= today.year + 1:
        raise Http404
    rows = [_row(deadline, today) for deadline in year_deadlines(province, year, today=today)]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "province": province,
        "provinces": provinces_of(request.user),
        "year": year,
        "years": list(range(today.year + 1, FIRST_YEAR - 1, -1)),
        "today": today,
        "rows": page.object_list,
        "page_obj": page,
        "late_total": sum(row.deadline.late_count or 0 for row in rows if row.passed),
    }
    return render(request, "desk/calendar.html", context)
