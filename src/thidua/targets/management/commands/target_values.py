"""`python -m thidua target_values load|validate FILE`: actual values of targets from the shell."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.targets.loading import (
    ValuesFileInvalid,
    read_values,
    resolve_values_path,
    target_values_load,
)


class Command(BaseCommand):
    help = _("Nạp số liệu thực hiện chỉ tiêu từ tệp YAML (docs/targets.md).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help=_("Kiểm tra toàn bộ tệp rồi nạp (không ghi gì nếu tệp có lỗi).")
        )
        load.add_argument("file", help=_("Đường dẫn tệp YAML, hoặc 'tra-vinh' cho tệp kèm theo."))
        check = sub.add_parser("validate", help=_("Chỉ kiểm tra tệp, không ghi."))
        check.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        path = resolve_values_path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from exc
        try:
            if options["action"] == "load":
                self.stdout.write(target_values_load(content=content).describe())
            else:
                campaign, rows = read_values(content.decode("utf-8-sig"))
                self.stdout.write(
                    _("Tệp hợp lệ: %(count)s số liệu của phong trào %(code)s.")
                    % {"count": len(rows), "code": campaign.code}
                )
        except ValuesFileInvalid as exc:
            header = _("Tệp %(name)s có %(count)s lỗi; chưa ghi gì vào cơ sở dữ liệu:") % {
                "name": path.name,
                "count": len(exc.errors),
            }
            raise CommandError("\n".join([header, *(str(e) for e in exc.errors)])) from exc
        except (DomainError, UnicodeDecodeError) as exc:
            raise CommandError(str(exc)) from exc
