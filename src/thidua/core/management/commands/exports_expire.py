"""``python -m thidua exports_expire [--days N]``: remove the files of export jobs older
than ``THIDUA_EXPORT_RETENTION_DAYS`` days and mark the jobs expired
(``core.export_expiry``). A daily job, on one host."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.core.export_expiry import export_jobs_expire


class Command(BaseCommand):
    help = _("Xóa các tệp xuất đã quá thời hạn lưu giữ (THIDUA_EXPORT_RETENTION_DAYS).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=_("Giữ tệp xuất bấy nhiêu ngày (mặc định: THIDUA_EXPORT_RETENTION_DAYS)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.EXPORT_RETENTION_DAYS if options["days"] is None else options["days"]
        if days < 0:
            raise CommandError(_("Số ngày giữ tệp xuất phải từ 0 trở lên."))
        result = export_jobs_expire(days=days)
        self.stdout.write(
            _("Đã xóa %(removed)s tệp xuất cũ hơn %(days)s ngày.")
            % {"removed": len(result.expired), "days": days}
        )
        if result.failed:
            raise CommandError(
                _(
                    "Không xóa được %(count)s tệp xuất (yêu cầu số %(ids)s); xem nhật ký. "
                    "Lần chạy sau sẽ thử lại."
                )
                % {"count": len(result.failed), "ids": ", ".join(map(str, result.failed))}
            )
