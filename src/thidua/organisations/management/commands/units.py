"""`python -m thidua units load|load-groups FILE`: the unit list and Cụm/Khối from the shell.

`units load vn --province CODE|NAME` (or `--all`) loads a province and its communes from
the official list (``thidua.organisations.divisions_loading``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.core.daily_jobs import job_date
from thidua.core.errors import DomainError
from thidua.organisations.divisions_loading import divisions_load
from thidua.organisations.loading import DataFileError, shipped_file
from thidua.organisations.services import groups_load, units_load


class Command(BaseCommand):
    help = _("Nạp danh mục đơn vị, quan hệ kế thừa và cụm, khối thi đua từ tệp YAML.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help=_("Nạp đơn vị và quan hệ kế thừa (không ghi gì nếu tệp có lỗi).")
        )
        load.add_argument(
            "file",
            help=_(
                "Đường dẫn tệp YAML, 'tra-vinh' cho tệp kèm theo, hoặc 'vn' cho danh mục "
                "đơn vị hành chính (34 tỉnh, thành phố và các xã, phường)."
            ),
        )
        load.add_argument(
            "--province",
            action="append",
            help=_(
                "Với 'vn': mã (86) hoặc tên tỉnh, thành phố (vinh long); lặp lại để nạp nhiều tỉnh."
            ),
        )
        load.add_argument(
            "--all", action="store_true", help=_("Với 'vn': nạp cả 34 tỉnh, thành phố.")
        )
        load.add_argument(
            "--date",
            help=_("Với 'vn': ngày thay đổi có hiệu lực, YYYY-MM-DD (mặc định hôm nay)."),
        )
        groups = sub.add_parser(
            "load-groups", help=_("Nạp cụm, khối thi đua theo năm (nạp đơn vị trước).")
        )
        groups.add_argument("file", help=_("Đường dẫn tệp YAML, hoặc 'tra-vinh' cho tệp kèm theo."))

    def handle(self, *args: Any, **options: Any) -> None:
        is_groups = options["action"] == "load-groups"
        if not is_groups and (options["file"] == "vn" or options["province"] or options["all"]):
            self.stdout.write(_load_divisions(options))
            return
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


def _load_divisions(options: dict[str, Any]) -> str:
    """Load ``--province`` (or ``--all``) from the official list; the summary to print."""
    if options["file"] != "vn":
        raise CommandError(_("--province và --all chỉ dùng với 'vn': units load vn --province 86."))
    if bool(options["province"]) == bool(options["all"]):
        raise CommandError(_("Với 'vn', chọn một trong hai: --province MÃ_HOẶC_TÊN hoặc --all."))
    day = job_date(options["date"], invalid=_("Ngày không hợp lệ: %(value)s (viết YYYY-MM-DD)."))
    try:
        summary = divisions_load(None if options["all"] else options["province"], day=day)
    except DomainError as exc:
        raise CommandError(exc.message) from exc
    return summary.describe()
