"""Filters that show a plan's facts the way Vietnamese documents write them.

``{% load campaign_format %}`` gives: ``target_value`` ("≥ 99,5 %", "10 – 11 %",
"trước 01/01/2025"), ``target_period`` ("2020 – 2025"), ``partial`` ("11/2024" or
"30/04/2025" as the plan stated it), ``weekday`` ("Chủ nhật"), ``with_weekday``
("15/12/2024 (Chủ nhật)"), ``document_date`` (Nghị định 30/2020, Phụ lục I: "ngày 05
tháng 01 năm 2025"), ``number`` ("23.000") and the label filters for codes kept in JSON.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import WorkKind
from thidua.core.dates import PartialDate, format_date
from thidua.organisations.models import UnitKind
from thidua.targets.models import Comparator, Target

register = template.Library()

WEEKDAYS = (
    _("Thứ Hai"),
    _("Thứ Ba"),
    _("Thứ Tư"),
    _("Thứ Năm"),
    _("Thứ Sáu"),
    _("Thứ Bảy"),
    _("Chủ nhật"),
)

#: Who a campaign award may go to (campaign file ``subjects``; KH 128 section III.1).
SUBJECTS = {
    "department": _("Sở, ban, ngành"),
    "mass_organisation": _("Mặt trận, đoàn thể, hội"),
    "district": _("Huyện, thị xã, thành phố"),
    "commune": _("Xã, phường, thị trấn"),
    "collective": _("Tập thể"),
    "individual": _("Cá nhân"),
    "household": _("Hộ gia đình"),
    "enterprise": _("Doanh nghiệp"),
}

_SYMBOLS = {
    Comparator.GTE: "≥ ",
    Comparator.GT: "> ",
    Comparator.LTE: "≤ ",
    Comparator.LT: "< ",
    Comparator.EQ: "",
}


@register.filter
def number(value: Decimal | int | float | None) -> str:
    """``23000`` → "23.000", ``99.5000`` → "99,5": no trailing zeros, localised."""
    if value is None:
        return ""
    amount = Decimal(str(value)).normalize()
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return formats.number_format(amount, use_l10n=True, force_grouping=True)


def _with_unit(text: str, measure_unit: str) -> str:
    return f"{text} {measure_unit}" if measure_unit else text


@register.filter
def target_value(target: Target) -> str:
    """The target with its comparator and unit: "≥ 99,5 %", "10 – 11 %", "trước 01/01/2025"."""
    if target.comparator == Comparator.BEFORE:
        return gettext("trước %(date)s") % {"date": format_date(target.deadline)}
    if target.comparator == Comparator.BETWEEN:
        span = f"{number(target.value)} – {number(target.value_max)}"
        return _with_unit(span, target.measure_unit)
    if target.value is None:
        return "—"
    symbol = _SYMBOLS.get(Comparator(target.comparator), "")
    return symbol + _with_unit(number(target.value), target.measure_unit)


@register.filter
def target_period(target: Target) -> str:
    """The period a target covers as the plan states it: "2020 – 2025", "đến 2025"."""
    start, end = target.period_from_partial, target.period_to_partial
    if start and end:
        return start.display() if start == end else f"{start.display()} – {end.display()}"
    if end:
        return gettext("đến %(date)s") % {"date": end.display()}
    if start:
        return gettext("từ %(date)s") % {"date": start.display()}
    return ""


@register.filter
def partial(value: PartialDate | None) -> str:
    """A date with the precision the plan gave: "11/2024", "30/04/2025" or "2025"."""
    return value.display() if value else ""


@register.filter
def weekday(value: dt.date | None) -> str:
    """The Vietnamese weekday name: "Thứ Hai" … "Chủ nhật"."""
    return str(WEEKDAYS[value.weekday()]) if value else ""


@register.filter
def with_weekday(value: dt.date | None) -> str:
    """ "15/12/2024 (Chủ nhật)"."""
    return f"{format_date(value)} ({weekday(value)})" if value else ""


@register.filter
def document_date(value: dt.date | None) -> str:
    """ "ngày 11 tháng 11 năm 2024" (NĐ 30/2020, Phụ lục I: a 0 before days < 10 and
    months 1 and 2)."""
    if value is None:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return gettext("ngày %(day)s tháng %(month)s năm %(year)s") % {
        "day": f"{value.day:02d}",
        "month": month,
        "year": value.year,
    }


@register.filter
def subject_labels(codes: list[str] | None) -> list[str]:
    """Award subject codes → Vietnamese labels, unknown codes kept as written."""
    return [str(SUBJECTS.get(code, code)) for code in codes or []]


@register.filter
def unit_kind_labels(codes: list[str] | None) -> list[str]:
    """Unit kind codes (``district``) → labels ("Huyện, thị xã, thành phố")."""
    labels = dict(UnitKind.choices)
    return [str(labels.get(code, code)) for code in codes or []]


@register.filter
def work_kind_labels(codes: list[str] | None) -> list[str]:
    """Work kind codes → "Công trình", "Dự án", "Phần việc"."""
    labels = dict(WorkKind.choices)
    return [str(labels.get(code, code)) for code in codes or []]


@register.filter
def minutes(value: dt.timedelta | None) -> str:
    """A duration in whole minutes ("15"), for the sign-in lockout page."""
    if not isinstance(value, dt.timedelta):
        return ""
    return str(round(value.total_seconds() / 60))
