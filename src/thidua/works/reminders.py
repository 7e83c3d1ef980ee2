"""Reminders to units still below their minimum of registered works before the deadline.

KH 128 II.2 sets how many works each kind of unit registers (at least 02 for a district,
01 for a commune, a department or any other unit); the registration deadline is the
plan's or, where the plan states none, the one the Ban Thi đua - Khen thưởng sets on the
campaign. Some days before it (setting ``THIDUA_REGISTRATION_REMINDER_DAYS``, default
7, 3 and 1 days), the officers and heads of every unit below its minimum get a
notification in the app and by e-mail — each reminder exactly once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from thidua.accounts.models import Role, User
from thidua.campaigns.models import Campaign
from thidua.core.dates import days_setting
from thidua.core.notifications import notify
from thidua.core.validity import valid_on
from thidua.organisations.models import Unit
from thidua.works.models import REGISTERED_STATES
from thidua.works.selectors import registration_minimums

DEFAULT_REMINDER_DAYS = (7, 3, 1)


def reminder_days() -> tuple[int, ...]:
    """The days before the deadline on which reminders go out, largest first.

    Read from the setting ``THIDUA_REGISTRATION_REMINDER_DAYS``: a list of numbers or a
    text like "7,3,1"; invalid or non-positive entries are ignored.
    """
    return days_setting("THIDUA_REGISTRATION_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


@dataclass(frozen=True)
class Shortfall:
    """A participating unit below its minimum on a given day."""

    unit: Unit
    registered: int
    minimum: int


def units_below_minimum(campaign: Campaign, today: dt.date) -> list[Shortfall]:
    """Units of ``campaign`` existing on ``today`` that registered fewer works than required.

    Participating units are those under the campaign's issuer whose kind a registration
    rule names (KH 128 II.2); a unit's minimum is the highest among its rules. Counted:
    the unit's works submitted or further, as on the compliance board. Not scoped to any
    user: this is the service the reminders use.
    """
    minimums = registration_minimums(campaign)
    units = (
        Unit.objects.filter(
            valid_on(today),
            kind__in=list(minimums),
            path__startswith=campaign.issuer_unit.path,
        )
        .annotate(
            registered=Count(
                "works", filter=Q(works__campaign=campaign, works__state__in=REGISTERED_STATES)
            )
        )
        .order_by("path")
    )
    return [
        Shortfall(unit, unit.registered, minimums[unit.kind])
        for unit in units
        if unit.registered < minimums[unit.kind]
    ]


def _days_left(campaign: Campaign, today: dt.date) -> int | None:
    """Days to the deadline when ``today`` is a reminder day, else None."""
    if campaign.registration_deadline is None:
        return None
    days_left = (campaign.registration_deadline - today).days
    return days_left if days_left in reminder_days() else None


def registration_reminders_due(campaign: Campaign, today: dt.date) -> list[tuple[Unit, int]]:
    """``(unit, days_left)`` for each unit to remind on ``today``; empty on other days.

    A reminder is due when the campaign has a registration deadline, ``today`` is one
    of the reminder days before it, and the unit is below its minimum (KH 128 II.2).
    """
    days_left = _days_left(campaign, today)
    if days_left is None:
        return []
    return [(row.unit, days_left) for row in units_below_minimum(campaign, today)]


def _recipients(unit: Unit, today: dt.date) -> list[User]:
    """The unit's officers and heads whose membership is in force on ``today``."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__in=unit.memberships.filter(
                valid_on(today), role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD]
            ),
        )
        .distinct()
        .order_by("pk")
    )


def send_registration_reminders(campaign: Campaign, today: dt.date) -> int:
    """Remind every unit due on ``today``; return how many notifications were created.

    Each goes to the unit's officers and heads, in the app and (through the task worker)
    by e-mail, under the key ``reg-min:<campaign>:<unit>:<days left>``: running again on
    the same day — a retried task, a re-run command — sends nothing more.
    """
    days_left = _days_left(campaign, today)
    if days_left is None or campaign.registration_deadline is None:
        return 0
    deadline = date_format(campaign.registration_deadline, "d/m/Y")
    sent = 0
    for row in units_below_minimum(campaign, today):
        values = {
            "unit": row.unit.name,
            "registered": row.registered,
            "minimum": row.minimum,
            "deadline": deadline,
            "days": days_left,
            "campaign": campaign.doc_number,
        }
        created = notify(
            _recipients(row.unit, today),
            kind="registration_reminder",
            title=_("Nhắc đăng ký công trình theo %(campaign)s: còn %(days)s ngày") % values,
            body=_(
                "Đơn vị %(unit)s mới đăng ký %(registered)s/%(minimum)s công trình; "
                "hạn đăng ký %(deadline)s (còn %(days)s ngày)."
            )
            % values,
            url=f"/cong-trinh/?campaign={campaign.pk}",
            key=f"reg-min:{campaign.pk}:{row.unit.pk}:{days_left}",
        )
        sent += len(created)
    return sent
