"""Reminders to units that have not submitted their registration for the year.

Some days before the province's deadline (setting ``THIDUA_ANNUAL_REGISTRATION_REMINDER_DAYS``,
default 7, 3 and 1) and some days after it (``THIDUA_ANNUAL_REGISTRATION_OVERDUE_DAYS``,
default 1 and 7), the officers and head of every unit that has not submitted get a
notification in the app and by e-mail, each exactly once. The deadline is the province's
setting for the year (``RegistrationSetting``), confirmed by its Ban TĐKT.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.accounts.selectors import unit_staff
from thidua.core.dates import days_setting
from thidua.core.notifications import notify
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit, UnitKind
from thidua.registrations.models import REGISTERED_STATES, Registration
from thidua.registrations.selectors import REGISTERING_KINDS, year_setting

KIND = "annual_registration_reminder"


def reminder_days() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(days before the deadline, days after it) on which reminders go out."""
    return (
        days_setting("THIDUA_ANNUAL_REGISTRATION_REMINDER_DAYS", (7, 3, 1)),
        days_setting("THIDUA_ANNUAL_REGISTRATION_OVERDUE_DAYS", (1, 7)),
    )


def units_not_submitted(province: Unit, year: int, today: dt.date) -> list[Unit]:
    """The registering units of ``province`` in force on ``today`` without a submitted
    (or accepted) registration for ``year``, in tree order."""
    done = Registration.objects.filter(year=year, state__in=REGISTERED_STATES).values("unit_id")
    return list(
        Unit.objects.filter(
            valid_on(today), path__startswith=province.path, kind__in=REGISTERING_KINDS
        )
        .exclude(pk__in=done)
        .order_by("path")
    )


def send_reminders(province: Unit, today: dt.date) -> tuple[int, int]:
    """Remind the units of ``province`` that have not submitted this year's registration, if
    ``today`` is a reminder day. Returns (units reminded, notifications created)."""
    year = today.year
    deadline = year_setting(province.path, year).deadline
    before, after = reminder_days()
    offset = (deadline - today).days
    if not ((offset > 0 and offset in before) or (offset < 0 and -offset in after)):
        return 0, 0
    units = units_not_submitted(province, year, today)
    sent = 0
    for unit in units:
        if offset > 0:
            title = _("Còn %(days)s ngày đến hạn đăng ký thi đua năm %(year)s") % {
                "days": offset,
                "year": year,
            }
        else:
            title = _("Đã quá hạn đăng ký thi đua năm %(year)s %(days)s ngày") % {
                "days": -offset,
                "year": year,
            }
        body = _(
            "%(unit)s chưa gửi bản đăng ký thi đua năm %(year)s; hạn đăng ký là %(deadline)s "
            "(cài đặt do Ban Thi đua – Khen thưởng xác nhận)."
        ) % {"unit": unit.name, "year": year, "deadline": deadline.strftime("%d/%m/%Y")}
        created = notify(
            unit_staff(unit.pk, on=today),
            kind=KIND,
            title=title,
            body=body,
            url=reverse("registrations:unit", args=[unit.pk, year]),
            key=f"annual-registration:{unit.pk}:{year}:{offset}",
        )
        sent += len(created)
    return len(units), sent


def provinces(today: dt.date) -> list[Unit]:
    """The provinces (tree roots of kind province) in force on ``today``, by code."""
    return list(
        Unit.objects.filter(valid_on(today), kind=UnitKind.PROVINCE, parent__isnull=True).order_by(
            "code"
        )
    )
