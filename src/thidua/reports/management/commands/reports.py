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
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign, CampaignStatus
from thidua.reports.reminders import report_reminders_due, send_report_reminders
from thidua.reports.services import report_periods_generate
from thidua.reports.tasks import report_reminders


def _parse_date(value: str | None) -> dt.date:
    if not value:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            _("Ngày “%(value)s” không hợp lệ; hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-12.")
            % {"value": value}
        ) from exc


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
        today = _parse_date(options.get("date"))
        campaigns = Campaign.objects.filter(
            status=CampaignStatus.ACTIVE, reporting_rule__isnull=False
        ).select_related("issuer_unit")
        if options.get("campaign"):
            campaigns = campaigns.filter(code=options["campaign"])
            if not campaigns.exists():
                raise CommandError(
                    _("Không có phong trào đang triển khai, có quy định báo cáo, mã %(code)s.")
                    % {"code": options["campaign"]}
                )
        day = today.strftime("%d/%m/%Y")
        for campaign in campaigns.order_by("code"):
            if options["now"]:
                due = len(report_reminders_due(campaign, today))
                sent = send_report_reminders(campaign, today)
                message = _(
                    "%(code)s, ngày %(day)s: %(reports)s báo cáo cần nhắc, %(sent)s thông báo mới."
                ) % {"code": campaign.code, "day": day, "reports": due, "sent": sent}
            else:
                result = report_reminders.enqueue(campaign.pk, today.isoformat())
                message = _("%(code)s, ngày %(day)s: đã đưa vào hàng đợi (tác vụ %(id)s).") % {
                    "code": campaign.code,
                    "day": day,
                    "id": result.id,
                }
            self.stdout.write(message)
        if not campaigns.exists():
            self.stdout.write(_("Không có phong trào đang triển khai nào có quy định báo cáo."))
