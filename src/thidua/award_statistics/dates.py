"""When the year's report is due: a setting (default 15/12), confirmed by the Ban TĐKT.

The due date of the report is fixed by the statistical reporting rules of the Ministry of
Home Affairs (Thông tư 18/2025/TT-BNV); the article and day could not be checked in its
annex, so thidua keeps it as the province's setting ``THIDUA_STATISTICS_DUE`` ("DD/MM",
default 15/12) that the Ban TĐKT confirms against the circular.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from thidua.core.dates import days_setting
from thidua.core.deadlines import day_in, day_month_setting

DEFAULT_DUE = (15, 12)
DEFAULT_REMINDER_DAYS = (7, 3, 1)
DEFAULT_ESCALATION_DAYS = (1, 7)

#: The circular whose forms the report follows (issued 08/10/2025 by the Ministry of Home
#: Affairs; it replaced Thông tư 02/2023/TT-BNV).
CIRCULAR = "Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ Nội vụ"


def due_date(year: int) -> dt.date:
    """The day ``year``'s report is due (setting ``THIDUA_STATISTICS_DUE``)."""
    return day_in(year, day_month_setting("THIDUA_STATISTICS_DUE", DEFAULT_DUE))


def due_source() -> str:
    """Where the due date comes from, as the page and the calendar show it."""
    return _("Cài đặt do Ban Thi đua – Khen thưởng xác nhận (đối chiếu %(circular)s).") % {
        "circular": CIRCULAR
    }


def reminder_days() -> tuple[int, ...]:
    """Days before the due date on which the Ban TĐKT is reminded (default 7, 3, 1)."""
    return days_setting("THIDUA_STATISTICS_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


def escalation_days() -> tuple[int, ...]:
    """Days after the due date on which an unsent report is reminded again (1, 7)."""
    return days_setting("THIDUA_STATISTICS_ESCALATION_DAYS", DEFAULT_ESCALATION_DAYS)
