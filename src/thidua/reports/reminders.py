"""Reminders and escalation for unit reports that are still open (or returned) near the due date.

KH 128 IV.2: units report every quarter by the 15th of the quarter's last month. Some
days before the effective due date (setting ``THIDUA_REPORT_REMINDER_DAYS``, default 3),
on the day itself, and after it (setting ``THIDUA_REPORT_ESCALATION_DAYS``, default 1
and 7 days) the unit head is told — in the app and, through the task worker, by e-mail.
After the due date the Ban Thi đua - Khen thưởng also gets a summary of the units still
missing. Each reminder has its own key, so each goes out exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from thidua.accounts.models import Membership, Role, User
from thidua.campaigns.models import Campaign
from thidua.core.dates import days_setting
from thidua.core.notifications import notify
from thidua.core.tree import root_path
from thidua.core.validity import valid_on
from thidua.reports.models import ReportPeriod, ReportState, UnitReport
from thidua.reports.transitions import EDITABLE_STATES

DEFAULT_REMINDER_DAYS = (3,)
DEFAULT_ESCALATION_DAYS = (1, 7)

BEFORE, DUE, AFTER = "before", "due", "after"


def reminder_days() -> tuple[int, ...]:
    """Days before the effective due date on which open reports are reminded (default 3)."""
    return days_setting("THIDUA_REPORT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)


def escalation_days() -> tuple[int, ...]:
    """Days after the effective due date on which missing reports escalate (default 1, 7)."""
    return days_setting("THIDUA_REPORT_ESCALATION_DAYS", DEFAULT_ESCALATION_DAYS)


def stage_on(period: ReportPeriod, today: dt.date) -> tuple[str, int] | None:
    """``(stage, days)`` when ``today`` is a reminder day of ``period``, else None."""
    left = (period.effective_due - today).days
    if left > 0 and left in reminder_days():
        return BEFORE, left
    if left == 0:
        return DUE, 0
    if left < 0 and -left in escalation_days():
        return AFTER, -left
    return None


@dataclass(frozen=True)
class Reminder:
    """One report to remind on one day, at one stage."""

    report: UnitReport
    stage: str
    days: int

    @property
    def key(self) -> str:
        """``report:<id>:before:3``, ``report:<id>:due`` or ``report:<id>:after:1``."""
        if self.stage == DUE:
            return f"report:{self.report.pk}:due"
        return f"report:{self.report.pk}:{self.stage}:{self.days}"


def _candidate_dues(today: dt.date) -> list[dt.date]:
    before = [today + dt.timedelta(days=n) for n in reminder_days()]
    after = [today - dt.timedelta(days=n) for n in escalation_days()]
    return [*before, today, *after]


def report_reminders_due(campaign: Campaign, today: dt.date) -> list[Reminder]:
    """The reminders due on ``today``: open or returned reports of periods whose effective
    due date is a reminder day away; submitted and accepted reports get none."""
    reports = (
        UnitReport.objects.filter(
            period__campaign=campaign,
            period__effective_due__in=_candidate_dues(today),
            state__in=EDITABLE_STATES,
        )
        .select_related("unit", "period")
        .order_by("period__end", "unit__code")
    )
    reminders = []
    for report in reports:
        stage = stage_on(report.period, today)
        if stage is not None:
            reminders.append(Reminder(report, *stage))
    return reminders


def heads_by_unit(unit_ids: Iterable[int], today: dt.date) -> dict[int, list[User]]:
    """Each unit's heads in force on ``today``; a unit without a head in thidua falls back
    to its officers, so that a reminder never goes nowhere."""
    heads: dict[int, list[User]] = defaultdict(list)
    officers: dict[int, list[User]] = defaultdict(list)
    memberships = (
        Membership.objects.filter(
            valid_on(today),
            unit_id__in=list(unit_ids),
            role__in=[Role.UNIT_HEAD, Role.UNIT_OFFICER],
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    )
    for membership in memberships:
        chosen = heads if membership.role == Role.UNIT_HEAD else officers
        chosen[membership.unit_id].append(membership.user)
    return {unit: heads.get(unit) or officers[unit] for unit in {*heads, *officers}}


def unit_staff(unit_id: int, today: dt.date) -> list[User]:
    """Active officers and heads of a unit whose membership is in force on ``today``."""
    memberships = Membership.objects.filter(
        valid_on(today), unit_id=unit_id, role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD]
    )
    return list(
        User.objects.filter(is_active=True, memberships__in=memberships).distinct().order_by("pk")
    )


def secretariat_of(campaign: Campaign, today: dt.date) -> list[User]:
    """Active secretariat staff (Ban TĐKT) of the province the campaign's issuer is in."""
    root = root_path(campaign.issuer_unit.path)
    memberships = Membership.objects.filter(
        valid_on(today), role=Role.SECRETARIAT, unit__path__startswith=root
    )
    return list(
        User.objects.filter(is_active=True, memberships__in=memberships).distinct().order_by("pk")
    )


def _values(reminder: Reminder, campaign: Campaign) -> dict[str, object]:
    report = reminder.report
    returned = report.state == ReportState.RETURNED
    return {
        "label": report.period.label,
        "campaign": campaign.doc_number,
        "unit": report.unit.name,
        "due": date_format(report.period.effective_due, "d/m/Y"),
        "days": reminder.days,
        "status": _("bị trả lại, chưa nộp lại") if returned else _("chưa nộp"),
    }


def _message(reminder: Reminder, campaign: Campaign) -> tuple[str, str]:
    values = _values(reminder, campaign)
    if reminder.stage == BEFORE:
        title = _("Nhắc nộp báo cáo %(label)s theo %(campaign)s: còn %(days)s ngày") % values
        body = _(
            "Báo cáo %(label)s của %(unit)s %(status)s; hạn nộp %(due)s (còn %(days)s ngày). "
            "Thủ trưởng đơn vị xác nhận trước khi nộp."
        )
    elif reminder.stage == DUE:
        title = _("Hôm nay là hạn nộp báo cáo %(label)s theo %(campaign)s") % values
        body = _("Báo cáo %(label)s của %(unit)s %(status)s; hạn nộp là hôm nay, %(due)s.")
    else:
        title = _("Báo cáo %(label)s theo %(campaign)s quá hạn %(days)s ngày") % values
        body = _(
            "Báo cáo %(label)s của %(unit)s %(status)s; hạn nộp %(due)s (quá hạn %(days)s "
            "ngày). Báo cáo trễ, thiếu được tính khi chấm điểm thi đua cụm, khối."
        )
    return title, body % values


def _send_summaries(campaign: Campaign, reminders: list[Reminder], today: dt.date) -> int:
    """One summary per overdue period to each secretariat member: the units still missing."""
    overdue: dict[tuple[int, int], list[Reminder]] = defaultdict(list)
    for reminder in reminders:
        if reminder.stage == AFTER:
            overdue[(reminder.report.period_id, reminder.days)].append(reminder)
    if not overdue:
        return 0
    staff = secretariat_of(campaign, today)
    sent = 0
    for (period_id, days), rows in overdue.items():
        period = rows[0].report.period
        values = {
            "count": len(rows),
            "label": period.label,
            "campaign": campaign.doc_number,
            "days": days,
            "due": date_format(period.effective_due, "d/m/Y"),
            "units": "; ".join(r.report.unit.name for r in rows),
        }
        sent += len(
            notify(
                staff,
                kind="report_overdue_summary",
                title=_(
                    "%(count)s đơn vị chưa nộp báo cáo %(label)s theo %(campaign)s "
                    "(quá hạn %(days)s ngày)"
                )
                % values,
                body=_("Hạn nộp %(due)s. Chưa nộp: %(units)s.") % values,
                url=f"/bao-cao/ky/{period_id}/",
                key=f"report-summary:{period_id}:after:{days}",
            )
        )
    return sent


def send_report_reminders(campaign: Campaign, today: dt.date) -> int:
    """Send the reminders due on ``today``; return how many notifications were created.

    The unit head (or, where none is recorded, the officers) of every open or returned
    report is told before, on and after the due date; after it the secretariat gets a
    summary too. Keys make a second run on the same day — a retried task, a re-run
    command — send nothing more.
    """
    reminders = report_reminders_due(campaign, today)
    recipients = heads_by_unit({r.report.unit_id for r in reminders}, today)
    sent = 0
    for reminder in reminders:
        title, body = _message(reminder, campaign)
        sent += len(
            notify(
                recipients.get(reminder.report.unit_id, []),
                kind=f"report_reminder_{reminder.stage}",
                title=title,
                body=body,
                url=f"/bao-cao/{reminder.report.pk}/",
                key=reminder.key,
            )
        )
    return sent + _send_summaries(campaign, reminders, today)
