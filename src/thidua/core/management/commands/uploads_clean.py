"""``python -m thidua uploads_clean [--hours N]``: remove the temporary upload files a web
server killed mid-upload left behind (``core.upload_temp``). A daily job."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from thidua.core.upload_temp import upload_temp_clean, upload_temp_dir


class Command(BaseCommand):
    help = _("Xóa các tệp tải lên tạm thời bị bỏ lại khi máy chủ web dừng đột ngột.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours",
            type=float,
            default=None,
            help=_("Chỉ xóa tệp cũ hơn số giờ này (mặc định: THIDUA_UPLOAD_TEMP_MAX_AGE_HOURS)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = upload_temp_clean(options["hours"])
        self.stdout.write(
            _("%(folder)s: đã xóa %(removed)s tệp tạm bị bỏ lại, giữ %(kept)s tệp đang tải lên.")
            % {"folder": upload_temp_dir(), "removed": len(result.removed), "kept": result.kept}
        )
