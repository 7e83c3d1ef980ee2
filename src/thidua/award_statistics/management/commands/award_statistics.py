"""`python -m thidua award_statistics remind [--date YYYY-MM-DD]`: the daily reminder to
the Ban TĐKT while the year's statistical report is not recorded as sent (cron, a
systemd timer: django-tasks has no periodic schedule). Each reminder goes out once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from thidua.award_statistics.reminders import send_statistics_reminders
from thidua.core.daily_jobs import job_date


class Command(BaseCommand):
    help = _("Nhắc Ban Thi đua – Khen thưởng gửi báo cáo thống kê năm (chạy hằng ngày).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind",
            help=_("Nhắc trước, đúng và sau hạn gửi báo cáo thống kê (mỗi lời nhắc một lần)."),
        )
        remind.add_argument(
            "--date", help=_("Ngày tính nhắc (NĂM-THÁNG-NGÀY); mặc định là hôm nay, giờ Việt Nam.")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = job_date(
            options.get("date"),
            invalid=_(
                "Ngày “%(value)s” không hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-12."
            ),
        )
        count = send_statistics_reminders(today)
        self.stdout.write(
            _("Ngày %(day)s: %(count)s lời nhắc báo cáo thống kê.")
            % {"day": today.strftime("%d/%m/%Y"), "count": count}
        )
