"""`python -m thidua units load|load-groups FILE`: the unit list and Cụm/Khối from the shell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.organisations.loading import DataFileError, shipped_file
from thidua.organisations.services import groups_load, units_load


class Command(BaseCommand):
    help = _("Nạp danh mục đơn vị, quan hệ kế thừa và cụm, khối thi đua từ tệp YAML.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help=_("Nạp đơn vị và quan hệ kế thừa (không ghi gì nếu tệp có lỗi).")
        )
        load.add_argument("file", help=_("Đường dẫn tệp YAML, hoặc 'tra-vinh' cho tệp kèm theo."))
        groups = sub.add_parser(
            "load-groups", help=_("Nạp cụm, khối thi đua theo năm (nạp đơn vị trước).")
        )
        groups.add_argument("file", help=_("Đường dẫn tệp YAML, hoặc 'tra-vinh' cho tệp kèm theo."))

    def handle(self, *args: Any, **options: Any) -> None:
        is_groups = options["action"] == "load-groups"
        path = _resolve(options["file"], groups=is_groups)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": exc}
            ) from exc
        load = groups_load if is_groups else units_load
        try:
            summary = load(data=text, source_name=path.name)
        except DataFileError as exc:
            header = _("Tệp %(name)s có %(count)s lỗi; chưa ghi gì vào cơ sở dữ liệu:") % {
                "name": path.name,
                "count": len(exc.errors),
            }
            raise CommandError("\n".join([header, *(str(error) for error in exc.errors)])) from exc
        self.stdout.write(summary.describe())


def _resolve(name: str, *, groups: bool) -> Path:
    """A path as given, or the shipped file for a short name such as ``tra-vinh``."""
    path = Path(name)
    if path.is_file():
        return path
    return shipped_file(name, groups=groups) or path
