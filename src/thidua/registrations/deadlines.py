"""The annual registration in the Ban TĐKT's calendar (``core.deadlines`` provider)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.deadlines import Deadline
from thidua.organisations.models import Unit
from thidua.registrations.reminders import units_not_submitted
from thidua.registrations.selectors import year_setting

#: How many late units the calendar names (the count says how many there are in all).
NAMED = 10


def year_deadlines(province: Unit, year: int, today: dt.date) -> list[Deadline]:
    """The registration deadline of ``year`` (the province's setting, else the default the
    Ban TĐKT confirms: no law fixes the day); once it has passed, the registering units
    with no submitted registration are late. Two queries."""
    setting = year_setting(province.path, year)
    late: list[Unit] = []
    if setting.deadline < today:
        late = units_not_submitted(province, year, min(today, dt.date(year, 12, 31)))
    source = setting.source or _(
        "Cài đặt do Ban Thi đua – Khen thưởng xác nhận (không văn bản luật nào ấn định ngày)."
    )
    return [
        Deadline(
            day=setting.deadline,
            title=_("Các đơn vị nộp đăng ký thi đua năm %(year)s") % {"year": year},
            source=source,
            late=tuple(unit.name for unit in late[:NAMED]),
            late_count=len(late),
            url=reverse("registrations:compiled", args=[year]),
            setting=True,
        )
    ]
