"""How reports read on the pages: their status, due dates, countdowns, figures, history.

``{% load reports_format %}`` gives ``report_status`` (Chưa nộp / Đã nộp đúng hạn / Nộp
trễ / Trả lại / Đã tiếp nhận, with a CSS tone), ``due_text`` ("15/12/2024 (Chủ nhật) →
hạn áp dụng 13/12/2024"), ``countdown`` (days left or overdue), ``figure`` (a stored
figure as "1.234,5"), ``target_line`` (a pre-filled target as "≥ 99,5 %"),
``status_label`` (Vượt / Đạt / Chưa đạt / Chưa đủ dữ liệu) and ``event_title``. None of
them runs a query.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.campaigns.templatetags.campaign_format import number, with_weekday
from thidua.core.dates import format_date
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.transitions import EDITABLE_STATES
from thidua.targets.evaluation import STATUS_LABELS, Status
from thidua.works.models import WorkState

register = template.Library()


@dataclass(frozen=True)
class ReportStatus:
    """What a report's badge says and its CSS tone (``report-state--<tone>``)."""

    label: str
    tone: str  # open, overdue, on_time, late, returned, accepted


@register.filter
def report_status(report: UnitReport, today: dt.date | None = None) -> ReportStatus:
    """The report's state as the unit and the Ban TĐKT say it.

    A submitted report is *Đã nộp đúng hạn* or *Nộp trễ* by its ``submitted_late`` flag
    (judged on the effective due date, KH 128 IV.2); an open report past its effective
    due date keeps *Chưa nộp* with the *overdue* tone.
    """
    state = report.state
    if state == ReportState.SUBMITTED:
        if report.submitted_late:
            return ReportStatus(_("Nộp trễ"), "late")
        return ReportStatus(_("Đã nộp đúng hạn"), "on_time")
    if state == ReportState.RETURNED:
        return ReportStatus(_("Trả lại"), "returned")
    if state == ReportState.ACCEPTED:
        if report.submitted_late:
            return ReportStatus(_("Đã tiếp nhận · nộp trễ"), "accepted")
        return ReportStatus(_("Đã tiếp nhận"), "accepted")
    day = today or timezone.localdate()
    overdue = report.period.effective_due < day
    return ReportStatus(_("Chưa nộp"), "overdue" if overdue else "open")


@register.filter
def due_text(period: ReportPeriod) -> str:
    """ "15/12/2024 (Chủ nhật)", or with the moved date: "… → hạn áp dụng 13/12/2024"."""
    nominal = with_weekday(period.nominal_due)
    if period.effective_due == period.nominal_due:
        return nominal
    return _("%(nominal)s → hạn áp dụng %(effective)s") % {
        "nominal": nominal,
        "effective": format_date(period.effective_due),
    }


@dataclass(frozen=True)
class Countdown:
    text: str
    tone: str  # "", "soon", "today", "overdue", "future"


@register.filter
def countdown(report: UnitReport, today: dt.date | None = None) -> Countdown | None:
    """Days left before the effective due date, or days overdue, while the unit still has
    to submit (open or returned); None once submitted or accepted."""
    if report.state not in EDITABLE_STATES:
        return None
    day = today or timezone.localdate()
    period = report.period
    if day < period.start:
        return Countdown(
            _("Kỳ báo cáo bắt đầu từ %(date)s") % {"date": format_date(period.start)}, "future"
        )
    left = (period.effective_due - day).days
    if left > 0:
        text = ngettext("Còn %(n)s ngày", "Còn %(n)s ngày", left) % {"n": left}
        return Countdown(text, "soon" if left <= 3 else "")
    if left == 0:
        return Countdown(_("Hôm nay là hạn nộp"), "today")
    late = -left
    return Countdown(
        ngettext("Quá hạn %(n)s ngày", "Quá hạn %(n)s ngày", late) % {"n": late}, "overdue"
    )


_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")


@register.filter
def figure(value: Any) -> str:
    """A stored figure for reading: numbers as "1.234,5", texts as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return number(value)
    text = str(value)
    if _NUMERIC.match(text):
        try:
            return number(Decimal(text))
        except InvalidOperation:
            return text
    return text


@register.filter
def approx(value: Decimal | float | int | None) -> str:
    """A computed figure (a forecast, an average) to one decimal: "9,7", "2.074,7"."""
    if value is None:
        return ""
    return number(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


_SYMBOLS = {"gte": "≥ ", "gt": "> ", "lte": "≤ ", "lt": "< ", "eq": ""}


@register.filter
def target_line(row: dict[str, Any]) -> str:
    """A pre-filled target (``prefill["targets"]`` row) as "≥ 99,5 %" or "10 – 11 %"."""
    unit = row.get("measure_unit") or ""
    comparator = row.get("comparator")
    if comparator == "between":
        text = f"{figure(row.get('value'))} – {figure(row.get('value_max'))}"
    elif comparator == "before":
        return _("hoàn thành đúng hạn")
    elif row.get("value") is None:
        return "—"
    else:
        text = _SYMBOLS.get(str(comparator), "") + figure(row.get("value"))
    return f"{text} {unit}".strip()


@register.filter
def status_label(status: str | Status) -> str:
    """Vượt / Đạt / Chưa đạt / Chưa đủ dữ liệu."""
    try:
        return str(STATUS_LABELS[Status(status)])
    except ValueError:
        return str(status)


@register.filter
def iso_date(value: str | None) -> str:
    """An ISO date kept in JSON ("2024-12-31") as dd/mm/yyyy."""
    if not value:
        return ""
    try:
        return format_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _event_titles() -> dict[str, str]:
    return {
        "created": _("Tạo báo cáo của kỳ"),
        "prefilled": _("Lấy số liệu tự động"),
        "saved": _("Cập nhật bản nháp"),
        "submit": _("Thủ trưởng xác nhận và nộp"),
        "return": _("Ban Thi đua - Khen thưởng trả lại"),
        "accept": _("Ban Thi đua - Khen thưởng tiếp nhận"),
        "lateness_changed": _("Xét lại đúng hạn/trễ hạn theo hạn mới"),
    }


@register.filter
def event_title(kind: str) -> str:
    """What a report event says in Vietnamese."""
    return _event_titles().get(kind, kind)


@register.filter
def work_state_label(state: str) -> str:
    """A works state code from the snapshot as its label ("in_progress" → "Đang thực hiện")."""
    return str(WorkState(state).label) if state in WorkState.values else state
