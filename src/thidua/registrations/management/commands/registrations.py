"""`python -m thidua registrations remind`: remind units that have not submitted their
annual registration (đăng ký thi đua).

Meant to run once a day (cron, a systemd timer), beside ``remind_registration`` and
``reports remind``. For each province it reminds the units without a submitted
registration for the year, on the configured days before and after the province's
deadline (``registrations.reminders``), each reminder exactly once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from thidua.core.daily_jobs import job_date
from thidua.registrations.reminders import provinces, send_reminders


class Command(BaseCommand):
    help = _("Đăng ký thi đua hằng năm: nhắc các đơn vị chưa gửi bản đăng ký.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind", help=_("Nhắc các đơn vị chưa gửi bản đăng ký (trước và sau hạn).")
        )
        remind.add_argument(
            "--date", help=_("Ngày tính nhắc (NĂM-THÁNG-NGÀY); mặc định là hôm nay.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = job_date(
            options.get("date"),
            invalid=_(
                "Ngày “%(value)s” không hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-08."
            ),
        )
        for province in provinces(today):
            units, sent = send_reminders(province, today)
            self.stdout.write(
                _("%(province)s, ngày %(day)s: %(units)s đơn vị chưa gửi, %(sent)s thông báo mới.")
                % {
                    "province": province.name,
                    "day": today.strftime("%d/%m/%Y"),
                    "units": units,
                    "sent": sent,
                }
            )
