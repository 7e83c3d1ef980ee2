"""`python -m thidua works_excel template|import|export …`: works in Excel from the shell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from thidua.accounts.models import User
from thidua.campaigns.models import Campaign
from thidua.core.errors import DomainError
from thidua.organisations.models import Unit
from thidua.works.excel import register_export_to, registration_import, registration_template
from thidua.works.exports import filters_from_query
from thidua.works.selectors import work_list


class Command(BaseCommand):
    help = "Mẫu đăng ký công trình, nhập tệp đã điền, xuất danh sách công trình (Excel)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        template = sub.add_parser("template", help="Tạo mẫu đăng ký của một đơn vị.")
        template.add_argument("--campaign", required=True, help="Mã phong trào.")
        template.add_argument("--unit", required=True, help="Mã đơn vị đăng ký.")
        template.add_argument("--out", required=True, help="Tệp .xlsx đích.")
        load = sub.add_parser(
            "import", help="Nhập tệp đã điền: tất cả các dòng, hoặc không dòng nào nếu có lỗi."
        )
        load.add_argument("file", help="Tệp .xlsx đã điền theo mẫu.")
        load.add_argument("--campaign", required=True, help="Mã phong trào.")
        load.add_argument("--unit", required=True, help="Mã đơn vị đăng ký.")
        load.add_argument("--user", required=True, help="Tên đăng nhập của cán bộ đơn vị.")
        load.add_argument(
            "--confirm-similar",
            action="store_true",
            help="Đã kiểm tra các công trình gần giống: không trùng.",
        )
        export = sub.add_parser("export", help="Xuất các công trình người dùng được xem.")
        export.add_argument("--user", required=True, help="Xuất theo quyền xem của người này.")
        export.add_argument("--out", required=True, help="Tệp .xlsx đích.")
        export.add_argument(
            "--filter",
            default="",
            help="Bộ lọc như trang danh sách, ví dụ 'campaign=1&state=approved&late=1'.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("vi"):
            action = options["action"]
            try:
                if action == "template":
                    self._template(options)
                elif action == "import":
                    self._import(options)
                else:
                    self._export(options)
            except DomainError as exc:
                raise CommandError(exc.message) from exc
            except OSError as exc:
                raise CommandError(
                    _("Không đọc, ghi được tệp: %(error)s") % {"error": exc}
                ) from exc

    def _template(self, options: dict[str, Any]) -> None:
        campaign, unit = _campaign(options["campaign"]), _unit(options["unit"])
        Path(options["out"]).write_bytes(registration_template(campaign, unit))
        self.stdout.write(_("Đã tạo mẫu đăng ký: %(path)s") % {"path": options["out"]})

    def _import(self, options: dict[str, Any]) -> None:
        result = registration_import(
            actor=_user(options["user"]),
            campaign=_campaign(options["campaign"]),
            unit=_unit(options["unit"]),
            content=Path(options["file"]).read_bytes(),
            confirm_similar=options["confirm_similar"],
        )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Tệp có %(n)s lỗi; chưa lưu công trình nào.") % {"n": len(result.errors)}
            )
        for warning in result.warnings:
            self.stderr.write(str(warning))
        self.stdout.write(_("Đã tạo %(n)s công trình ở trạng thái Nháp.") % {"n": result.created})

    def _export(self, options: dict[str, Any]) -> None:
        today = timezone.localdate()
        filters = filters_from_query(QueryDict(options["filter"]))
        works = work_list(_user(options["user"]), filters, today=today)
        with Path(options["out"]).open("wb") as stream:
            count = register_export_to(works, today=today, stream=stream)
        self.stdout.write(
            _("Đã xuất %(n)s công trình ra %(path)s") % {"n": count, "path": options["out"]}
        )


def _campaign(code: str) -> Campaign:
    campaign = Campaign.objects.select_related("issuer_unit").filter(code=code).first()
    if campaign is None:
        raise CommandError(_("Không có phong trào mã %(code)s.") % {"code": code})
    return campaign


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise CommandError(_("Không có đơn vị mã %(code)s.") % {"code": code})
    return unit


def _user(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(_("Không có người dùng %(name)s.") % {"name": username})
    return user
