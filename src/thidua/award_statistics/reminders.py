"""Daily reminders to the Ban TĐKT while the year's statistical report is not sent.

Some days before the due date (``THIDUA_STATISTICS_REMINDER_DAYS``, default 7, 3, 1), on
the day itself and some days after it (``THIDUA_STATISTICS_ESCALATION_DAYS``, 1 and 7),
each active Ban TĐKT member of a province whose report of the year is not recorded as
sent gets a notification (in the app, and by e-mail through the task worker). Each goes
out once (its key names the province, the year and the day's stage).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from thidua.accounts.models import Membership, Role, User
from thidua.award_statistics.dates import due_date, escalation_days, reminder_days
from thidua.award_statistics.models import AnnualStatistics, ReportState
from thidua.core.notifications import notify
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit


def stage_on(year: int, today: dt.date) -> tuple[str, int] | None:
    """``("before", n)``, ``("due", 0)`` or ``("after", n)`` on a reminder day, else None."""
    left = (due_date(year) - today).days
    if left > 0 and left in reminder_days():
        return "before", left
    if left == 0:
        return "due", 0
    if left < 0 and -left in escalation_days():
        return "after", -left
    return None


def _secretariat(province: Unit, today: dt.date) -> list[User]:
    memberships = Membership.objects.filter(
        valid_on(today), role=Role.SECRETARIAT, unit__path__startswith=province.path
    )
    return list(
        User.objects.filter(is_active=True, memberships__in=memberships).distinct().order_by("pk")
    )


def _texts(stage: str, days: int, year: int, due: dt.date) -> tuple[str, str]:
    values = {"year": year, "days": days, "due": date_format(due, "d/m/Y")}
    if stage == "before":
        title = _("Nhắc gửi báo cáo thống kê thi đua, khen thưởng năm %(year)s: còn %(days)s ngày")
    elif stage == "due":
        title = _("Hôm nay là hạn gửi báo cáo thống kê thi đua, khen thưởng năm %(year)s")
    else:
        title = _("Báo cáo thống kê thi đua, khen thưởng năm %(year)s quá hạn %(days)s ngày")
    body = _(
        "Hạn gửi Bộ Nội vụ: %(due)s (cài đặt do Ban Thi đua – Khen thưởng xác nhận). "
        "Khi đã gửi, hãy ghi nhận trên trang báo cáo thống kê để dừng nhắc."
    )
    return title % values, body % values


def send_statistics_reminders(today: dt.date) -> int:
    """Remind every province whose report of ``today``'s year is due soon (or overdue) and
    not sent; returns the number of notifications created."""
    year = today.year
    stage = stage_on(year, today)
    if stage is None:
        return 0
    sent = set(
        AnnualStatistics.objects.filter(year=year, state=ReportState.SENT).values_list(
            "province_id", flat=True
        )
    )
    title, body = _texts(*stage, year, due_date(year))
    created = 0
    for province in Unit.objects.filter(parent__isnull=True).exclude(pk__in=sent).order_by("code"):
        url = f"{reverse('award_statistics:index')}?year={year}&province={province.pk}"
        key = f"statistics:{province.pk}:{year}:{stage[0]}:{stage[1]}"
        created += len(
            notify(
                _secretariat(province, today),
                kind="statistics_reminder",
                title=title,
                body=body,
                url=url,
                key=key,
            )
        )
    return created
