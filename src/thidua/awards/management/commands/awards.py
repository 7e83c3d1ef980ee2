"""`python -m thidua awards load-forms [FILE]`: award forms, rules, salaries and holidays.

`python -m thidua awards reorganise [--date YYYY-MM-DD]`: open nominations of a unit that
ended follow its recorded successor (``thidua.awards.reorganisation``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.awards.loading import SHIPPED_FILE, AwardDataError, award_forms_load
from thidua.awards.reorganisation import nominations_apply_successions
from thidua.core.daily_jobs import job_date


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
        moves = sub.add_parser(
            "reorganise",
            help=_(
                "Chuyển đề nghị khen thưởng đang mở của đơn vị đã sáp nhập, giải thể sang đơn "
                "vị kế thừa (giữ hồ sơ và lịch sử)."
            ),
        )
        moves.add_argument("--date", help=_("Ngày áp dụng, YYYY-MM-DD (mặc định hôm nay)."))

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "reorganise":
            self._reorganise(options["date"])
            return
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

    def _reorganise(self, date: str | None) -> None:
        on = job_date(date, invalid=_("Ngày không hợp lệ: %(value)s (viết YYYY-MM-DD)."))
        applied = nominations_apply_successions(on=on)
        for old, new, moved in applied:
            self.stdout.write(
                _("%(old)s → %(new)s: %(count)s đề nghị chuyển sang.")
                % {"old": old.code, "new": new.code, "count": moved}
            )
        if not applied:
            self.stdout.write(_("Không có đề nghị nào cần chuyển."))
