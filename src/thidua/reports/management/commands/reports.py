"""`python -m thidua reports generate|remind`: report periods and the daily reminders.

``generate CODE`` creates or updates a campaign's report periods from its reporting rule
and one open report per participating unit and period (safe to re-run, e.g. after the
weekend policy or the units changed). ``remind`` is the daily job (cron, a systemd
timer: django-tasks has no periodic schedule): for each active campaign with a
reporting rule it queues ``reports.tasks.report_reminders`` for the worker, or with
``--now`` sends at once. Each reminder goes out exactly once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.campaigns.daily_jobs import campaigns_run
from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.reports.reminders import report_reminders_due, send_report_reminders
from thidua.reports.services import report_periods_generate
from thidua.reports.tasks import report_reminders


class Command(BaseCommand):
    help = _("Lập kỳ báo cáo và báo cáo của các đơn vị; nhắc nộp báo cáo (chạy hằng ngày).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        generate = sub.add_parser(
            "generate",
            help=_("Lập (hoặc cập nhật) kỳ báo cáo và báo cáo của các đơn vị; chạy lại an toàn."),
        )
        generate.add_argument("code", help=_("Mã phong trào, ví dụ kh-128-2024-tra-vinh."))
        remind = sub.add_parser(
            "remind", help=_("Nhắc nộp báo cáo trước, đúng và sau hạn (mỗi lời nhắc một lần).")
        )
        remind.add_argument(
            "--date", help=_("Ngày tính nhắc (NĂM-THÁNG-NGÀY); mặc định là hôm nay, giờ Việt Nam.")
        )
        remind.add_argument("--campaign", help=_("Chỉ phong trào có mã này."))
        remind.add_argument(
            "--now",
            action="store_true",
            help=_("Gửi ngay trong lệnh này thay vì đưa vào hàng đợi của tiến trình nền."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "generate":
            self._generate(options["code"])
        else:
            self._remind(options)

    def _generate(self, code: str) -> None:
        campaign = Campaign.objects.filter(code=code).select_related("issuer_unit").first()
        if campaign is None:
            raise CommandError(_("Không có phong trào mã %(code)s.") % {"code": code})
        result = report_periods_generate(campaign)
        if not result.periods:
            raise CommandError(
                _("Phong trào %(code)s chưa có quy định báo cáo định kỳ.") % {"code": code}
            )
        self.stdout.write(
            _(
                "%(code)s: %(periods)s kỳ báo cáo (%(created)s mới, %(updated)s cập nhật), "
                "%(reports)s báo cáo mới, %(late)s báo cáo đổi trạng thái nộp trễ."
            )
            % {
                "code": code,
                "periods": result.periods,
                "created": result.periods_created,
                "updated": result.periods_updated,
                "reports": result.reports_created,
                "late": result.lateness_changed,
            }
        )

    def _remind(self, options: dict[str, Any]) -> None:
        campaigns_run(
            self.stdout,
            Campaign.objects.filter(
                status=CampaignStatus.ACTIVE, reporting_rule__isnull=False
            ).select_related("issuer_unit"),
            options,
            run_now=_send_now,
            enqueue=_enqueue,
            bad_date=_(
                "Ngày “%(value)s” không hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-12."
            ),
            unknown=_("Không có phong trào đang triển khai, có quy định báo cáo, mã %(code)s."),
            none=_("Không có phong trào đang triển khai nào có quy định báo cáo."),
        )


def _send_now(campaign: Campaign, today: dt.date) -> str:
    due = len(report_reminders_due(campaign, today))
    sent = send_report_reminders(campaign, today)
    return _("%(code)s, ngày %(day)s: %(reports)s báo cáo cần nhắc, %(sent)s thông báo mới.") % {
        "code": campaign.code,
        "day": today.strftime("%d/%m/%Y"),
        "reports": due,
        "sent": sent,
    }


def _enqueue(campaign: Campaign, today: dt.date) -> str:
    return str(report_reminders.enqueue(campaign.pk, today.isoformat()).id)
