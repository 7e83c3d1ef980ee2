"""`python -m thidua remind_registration`: queue (or send) the registration reminders.

Meant to run once a day (cron, a systemd timer): django-tasks has no periodic schedule.
For each active campaign with a registration deadline it queues the task
``works.tasks.registration_reminders`` for the worker, or with ``--now`` sends the
reminders at once. Reminders go out only on the configured days before the deadline
(``THIDUA_REGISTRATION_REMINDER_DAYS``), each exactly once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from thidua.campaigns.daily_jobs import campaigns_run
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.works.reminders import registration_reminders_due, send_registration_reminders
from thidua.works.tasks import registration_reminders


class Command(BaseCommand):
    help = _(
        "Nhắc các đơn vị chưa đăng ký đủ số công trình tối thiểu trước hạn đăng ký "
        "(gửi thông báo và thư điện tử qua tiến trình nền)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help=_("Ngày tính nhắc (NĂM-THÁNG-NGÀY); mặc định là hôm nay.")
        )
        parser.add_argument("--campaign", help=_("Chỉ phong trào có mã này."))
        parser.add_argument(
            "--now",
            action="store_true",
            help=_("Gửi ngay trong lệnh này thay vì đưa vào hàng đợi của tiến trình nền."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        campaigns_run(
            self.stdout,
            Campaign.objects.filter(
                status=CampaignStatus.ACTIVE, registration_deadline__isnull=False
            ).select_related("issuer_unit"),
            options,
            run_now=_send_now,
            enqueue=_enqueue,
            bad_date=_(
                "Ngày “%(value)s” không hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-24."
            ),
            unknown=_("Không có phong trào đang triển khai, có hạn đăng ký, mã %(code)s."),
            none=_("Không có phong trào đang triển khai nào có hạn đăng ký."),
        )


def _send_now(campaign: Campaign, today: dt.date) -> str:
    due = len(registration_reminders_due(campaign, today))
    sent = send_registration_reminders(campaign, today)
    return _("%(code)s, ngày %(day)s: %(units)s đơn vị chưa đủ, %(sent)s thông báo mới.") % {
        "code": campaign.code,
        "day": today.strftime("%d/%m/%Y"),
        "units": due,
        "sent": sent,
    }


def _enqueue(campaign: Campaign, today: dt.date) -> str:
    return str(registration_reminders.enqueue(campaign.pk, today.isoformat()).id)
