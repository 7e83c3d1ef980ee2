"""`python -m thidua awards load-forms [FILE]`: award forms, rules, salaries and holidays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.awards.loading import SHIPPED_FILE, AwardDataError, award_forms_load


class Command(BaseCommand):
    help = _("Nạp hình thức khen thưởng, quy định theo thời gian, lương cơ sở và ngày nghỉ lễ.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load-forms", help=_("Nạp tệp YAML (không ghi gì nếu tệp có lỗi; chạy lại an toàn).")
        )
        load.add_argument(
            "file",
            nargs="?",
            default=str(SHIPPED_FILE),
            help=_("Tệp YAML; mặc định là tệp kèm theo."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": exc}
            ) from exc
        try:
            summary = award_forms_load(data=text)
        except AwardDataError as exc:
            header = _("Tệp %(name)s có %(count)s lỗi; chưa ghi gì vào cơ sở dữ liệu:") % {
                "name": path.name,
                "count": len(exc.errors),
            }
            raise CommandError("\n".join([header, *exc.errors])) from exc
        self.stdout.write(summary.describe())
