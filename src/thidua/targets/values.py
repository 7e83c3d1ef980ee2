"""An actual value of a target: what a person, a program or a file states, the checks it
must pass against its target, and the name of its period.

Pure checks: nothing here reads or writes the database. ``targets.services`` records the
values; ``targets.loading`` checks a values file with the same ``value_problems``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from thidua.core.dates import Quarter, format_date, quarter_of
from thidua.core.text import nfc
from thidua.targets.models import Comparator, Target, TargetKind

#: The largest value the database stores (20 digits, 4 of them after the point).
MAX_VALUE = Decimal(10) ** 16
LABEL_MAX = 64


def period_label(start: dt.date, end: dt.date) -> str:
    """A name for a period: "Năm 2024", "Quý IV/2024", "6 tháng đầu năm 2025",
    "Tháng 11/2024", or "01/01/2025 – 15/03/2025"."""
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return _("Năm %(year)s") % {"year": start.year}
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 6, 30):
        return _("6 tháng đầu năm %(year)s") % {"year": start.year}
    quarter = Quarter(start.year, quarter_of(start))
    if (start, end) == (quarter.start, quarter.end):
        return _("Quý %(quarter)s") % {"quarter": quarter.label}
    following = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and following and (start.year, start.month) == (end.year, end.month):
        return _("Tháng %(month)s/%(year)s") % {"month": start.month, "year": start.year}
    return f"{format_date(start)} – {format_date(end)}"


@dataclass(frozen=True)
class ValueData:
    """One actual value as a person, a program or a file states it."""

    period_start: dt.date
    period_end: dt.date
    label: str = ""
    value: Decimal | None = None
    achieved_on: dt.date | None = None
    is_estimate: bool = False
    source: str = ""
    note: str = ""


def value_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """What is wrong with ``data`` for ``target``, in Vietnamese (empty when it fits)."""
    problems = []
    if not nfc(data.source):
        problems.append(_("Hãy ghi nguồn số liệu: văn bản, trang thông tin hoặc cơ quan công bố."))
    if len(nfc(data.label)) > LABEL_MAX:
        problems.append(_("Tên kỳ dài quá 64 ký tự."))
    if data.period_end < data.period_start:
        problems.append(_("Ngày cuối kỳ phải từ ngày đầu kỳ trở đi."))
    if target.kind == TargetKind.MILESTONE or target.comparator == Comparator.BEFORE:
        return problems + _milestone_problems(target, data, today)
    return problems + _number_problems(target, data, today)


def _milestone_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """A milestone takes the day it was reached: in the period, not after today."""
    problems = []
    if data.achieved_on is None or data.value is not None:
        problems.append(
            _(
                "Chỉ tiêu %(code)s là mốc hoàn thành: ghi ngày đạt (achieved_on), không ghi giá trị số."
            )
            % {"code": target.code}
        )
    if data.achieved_on is not None and data.achieved_on > today:
        problems.append(_("Ngày đạt không được sau hôm nay."))
    elif data.achieved_on is not None and not (
        data.period_start <= data.achieved_on <= data.period_end
    ):
        problems.append(_("Ngày đạt phải nằm trong kỳ số liệu."))
    return problems


def _number_problems(target: Target, data: ValueData, today: dt.date) -> list[str]:
    """Any other target takes a number the database can hold; a period not yet over
    (a year-end figure published in December) only an estimate."""
    problems = []
    if data.value is None or data.achieved_on is not None:
        problems.append(
            _(
                "Chỉ tiêu %(code)s cần giá trị số (value) theo đơn vị tính %(unit)s; "
                "ngày đạt chỉ dùng cho chỉ tiêu mốc hoàn thành."
            )
            % {"code": target.code, "unit": target.measure_unit or "—"}
        )
    elif (
        not data.value.is_finite()
        or abs(data.value) >= MAX_VALUE
        or -int(data.value.as_tuple().exponent) > 4
    ):
        problems.append(_("Giá trị phải nhỏ hơn 10^16 và có tối đa 4 chữ số thập phân."))
    if data.period_start <= data.period_end and data.period_end > today and not data.is_estimate:
        problems.append(
            _("Kỳ số liệu chưa kết thúc (đến %(end)s): chỉ ghi được số ước tính (is_estimate).")
            % {"end": format_date(data.period_end)}
        )
    return problems
