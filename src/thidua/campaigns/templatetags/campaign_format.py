"""Filters that show a plan's facts the way Vietnamese documents write them.

``{% load campaign_format %}`` gives: ``partial`` ("11/2024" or "30/04/2025" as the plan
stated it), ``weekday`` ("Chủ nhật"), ``with_weekday`` ("15/12/2024 (Chủ nhật)"),
``document_date`` (Nghị định 30/2020, Phụ lục I: "ngày 05 tháng 01 năm 2025"),
``number`` ("23.000") and the label filters for codes kept in JSON. A target's value and
period: ``target_format`` (targets).
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


@register.filter
def number(value: Decimal | int | float | None) -> str:
    """``23000`` → "23.000", ``99.5000`` → "99,5": no trailing zeros, localised."""
    if value is None:
        return ""
    amount = Decimal(str(value)).normalize()
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return formats.number_format(amount, use_l10n=True, force_grouping=True)


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


@register.inclusion_tag("campaigns/partials/illustrative_mark.html")
def illustrative_mark(campaign: object, public: bool = False) -> dict[str, object]:
    """ "Minh họa" beside a campaign whose plan is illustrative, not a real document."""
    return {"campaign": campaign, "public": public}
