"""`python -m thidua accounts template|validate|import`: a province's accounts from Excel.

`import` creates every account of the list or none, and writes the initial passwords to
the file named by ``--passwords-out`` (the only place they are ever shown). The shell is
the installation's operator, so any province's units may be named (the page of the Ban
TĐKT is limited to its own province).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.desk.accounts_import.checks import check_rows
from thidua.desk.accounts_import.services import RowsRefused, accounts_create
from thidua.desk.accounts_import.sheet import SheetRow, passwords_bytes, read_sheet, template_bytes


class Command(BaseCommand):
    help = _("Tạo tài khoản hàng loạt từ danh sách Excel (tất cả hoặc không tài khoản nào).")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        template = sub.add_parser("template", help=_("Ghi tệp mẫu danh sách tài khoản."))
        template.add_argument("--out", required=True, help=_("Tệp .xlsx sẽ ghi."))
        validate = sub.add_parser("validate", help=_("Kiểm tra danh sách, không ghi gì."))
        validate.add_argument("file", help=_("Danh sách tài khoản (.xlsx theo mẫu)."))
        load = sub.add_parser("import", help=_("Tạo các tài khoản của danh sách."))
        load.add_argument("file", help=_("Danh sách tài khoản (.xlsx theo mẫu)."))
        load.add_argument(
            "--passwords-out",
            required=True,
            help=_("Tệp .xlsx ghi mật khẩu ban đầu (chỉ ghi một lần, không ghi đè tệp có sẵn)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "template":
            Path(options["out"]).write_bytes(template_bytes())
            self.stdout.write(_("Đã ghi tệp mẫu %(path)s.") % {"path": options["out"]})
            return
        rows = _read(Path(options["file"]))
        if options["action"] == "validate":
            _accounts, errors = check_rows(rows, provinces=None)
            if errors:
                raise CommandError(_refusal(RowsRefused(errors)))
            self.stdout.write(_("Tệp hợp lệ: %(count)s tài khoản.") % {"count": len(rows)})
            return
        out = Path(options["passwords_out"])
        if out.exists():
            raise CommandError(
                _("Tệp %(path)s đã có; chọn tên khác để không ghi đè mật khẩu đã giao.")
                % {"path": out}
            )
        try:
            created = accounts_create(rows=rows, provinces=None)
        except RowsRefused as exc:
            raise CommandError(_refusal(exc)) from exc
        out.write_bytes(passwords_bytes(created))
        self.stdout.write(
            _("Đã tạo %(count)s tài khoản; mật khẩu ban đầu ở %(path)s (giao rồi hủy tệp).")
            % {"count": len(created), "path": out}
        )


def _read(path: Path) -> list[SheetRow]:
    try:
        with path.open("rb") as stream:
            return read_sheet(stream, size=path.stat().st_size)
    except OSError as exc:
        raise CommandError(
            _("Không đọc được tệp %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc
    except DomainError as exc:
        raise CommandError(exc.message) from exc


def _refusal(exc: RowsRefused) -> str:
    return "\n".join([exc.message, *exc.errors])
