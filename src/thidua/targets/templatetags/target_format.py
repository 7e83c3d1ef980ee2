"""Filters that show a target the way the plan writes it (``{% load target_format %}``).

``target_value`` ("≥ 99,5 %", "10 – 11 %", "trước 01/01/2025") and ``target_period``
("2020 – 2025"); numbers as ``campaign_format``'s ``number`` shows them ("23.000").
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from thidua.campaigns.templatetags.campaign_format import number
from thidua.core.dates import format_date
from thidua.targets.models import Comparator, Target

register = template.Library()

_SYMBOLS = {
    Comparator.GTE: "≥ ",
    Comparator.GT: "> ",
    Comparator.LTE: "≤ ",
    Comparator.LT: "< ",
    Comparator.EQ: "",
}


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
