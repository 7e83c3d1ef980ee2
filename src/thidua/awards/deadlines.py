"""The annual award dossiers in the Ban TĐKT's calendar (``core.deadlines`` provider).

The day the units' dossiers for the year's titles reach Sở Nội vụ is set by each
province's own regulation on emulation and commendation; no national rule fixes it. It is
the setting ``THIDUA_ANNUAL_DOSSIER_DUE`` ("DD/MM", default 10/12), which the Ban TĐKT
confirms against its province's regulation.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from thidua.core.deadlines import Deadline, day_in, day_month_setting
from thidua.organisations.models import Unit

DEFAULT_DOSSIER_DUE = (10, 12)


def annual_dossier_due(year: int) -> dt.date:
    """The day the year's annual award dossiers are due (setting, default 10/12)."""
    return day_in(year, day_month_setting("THIDUA_ANNUAL_DOSSIER_DUE", DEFAULT_DOSSIER_DUE))


def year_deadlines(province: Unit, year: int, today: dt.date) -> list[Deadline]:
    """The annual dossiers' due date. Who is late is not tracked here: a unit may rightly
    propose nobody, so only the year's registrations can tell (no query)."""
    return [
        Deadline(
            day=annual_dossier_due(year),
            title=_("Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm %(year)s") % {"year": year},
            source=_(
                "Cài đặt do Ban Thi đua – Khen thưởng xác nhận theo quy định thi đua, khen "
                "thưởng của tỉnh."
            ),
            late_count=None,
            setting=True,
        )
    ]
