"""The statistical report in the Ban TĐKT's calendar (``core.deadlines`` provider)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.award_statistics.dates import due_date, due_source
from thidua.award_statistics.selectors import is_sent
from thidua.core.deadlines import Deadline
from thidua.organisations.models import Unit


def year_deadlines(province: Unit, year: int, today: dt.date) -> list[Deadline]:
    """The report of ``year`` due (setting, 15/12 by default); late once the day has
    passed and it is not recorded as sent. One query."""
    due = due_date(year)
    late = due < today and not is_sent(province, year)
    return [
        Deadline(
            day=due,
            title=_("Gửi báo cáo thống kê thi đua, khen thưởng năm %(year)s") % {"year": year},
            source=due_source(),
            late=(province.name,) if late else (),
            late_count=1 if late else 0,
            url=f"{reverse('award_statistics:index')}?year={year}&province={province.pk}",
            setting=True,
        )
    ]
