"""`python -m thidua campaign load|validate|export|import …`: campaign files from the shell.

It lives in plan_import, the way plans come in (a campaign file, or a plan document read
into a draft file), because plan_import builds on campaigns and campaigns imports no app
above it (DESIGN.md's import rules).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.campaigns.files.errors import CampaignFileInvalid
from thidua.campaigns.files.export import campaign_to_yaml
from thidua.campaigns.files.validate import validate_text
from thidua.campaigns.models import Campaign
from thidua.campaigns.services import campaign_load_path, resolve_campaign_path
from thidua.core.errors import DomainError


class Command(BaseCommand):
    help = "Nạp, kiểm tra hoặc xuất tệp phong trào thi đua (docs/campaign-file.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help="Kiểm tra toàn bộ tệp rồi nạp (không ghi gì nếu có lỗi)."
        )
        load.add_argument("file", help="Đường dẫn tệp YAML, hoặc 'kh-128' cho tệp kèm theo.")
        check = sub.add_parser("validate", help="Chỉ kiểm tra tệp, không ghi.")
        check.add_argument("file")
        export = sub.add_parser("export", help="Xuất một phong trào ra tệp YAML.")
        export.add_argument("code", help="Mã phong trào, ví dụ kh-128-2024-tra-vinh.")
        export.add_argument("--out", help="Tệp đích; mặc định in ra màn hình.")
        draft = sub.add_parser(
            "import", help="Đọc văn bản kế hoạch (DOCX, PDF, TXT) thành bản nháp tệp phong trào."
        )
        draft.add_argument("file", help="Tệp kế hoạch: .docx, .pdf có lớp chữ hoặc .txt.")
        draft.add_argument("--out", help="Ghi bản nháp YAML vào tệp này.")
        draft.add_argument("--json", action="store_true", help="In bản nháp, nguồn dạng JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "load":
                campaign = campaign_load_path(resolve_campaign_path(options["file"]))
                self.stdout.write(
                    f"Đã nạp phong trào {campaign.code} ({campaign.doc_number}): "
                    f"{campaign.phases.count()} đợt, {campaign.targets.count()} chỉ tiêu."
                )
            elif action == "validate":
                path = resolve_campaign_path(options["file"])
                spec = validate_text(path.read_text(encoding="utf-8-sig"))
                self.stdout.write(f"Tệp hợp lệ: {spec.code}, {len(spec.targets)} chỉ tiêu.")
            elif action == "import":
                self._import(options["file"], options.get("out"), options["json"])
            else:
                self._export(options["code"], options.get("out"))
        except CampaignFileInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"Tệp có {len(exc.errors)} lỗi; chưa ghi gì vào cơ sở dữ liệu."
            ) from exc
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp: {exc}") from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _import(self, file: str, out: str | None, as_json: bool) -> None:
        """`campaign import FILE`: the draft of a plan (docs/campaign-file.md, "Nhập kế hoạch
        từ văn bản"); the summary of missing fields goes to stderr."""
        from thidua.plan_import.extract import extract_plan
        from thidua.plan_import.extract.render import draft_json, draft_yaml, summary
        from thidua.plan_import.reading import read_plan, refuse_size

        path = Path(file)
        refuse_size(path.stat().st_size, path.name)
        extraction = extract_plan(read_plan(path.read_bytes(), path.name))
        text = draft_json(extraction) if as_json else draft_yaml(extraction)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stdout.write(f"Đã ghi bản nháp ra {out}.")
        else:
            self.stdout.write(text, ending="")
        self.stderr.write(summary(extraction))

    def _export(self, code: str, out: str | None) -> None:
        campaign = Campaign.objects.filter(code=code).first()
        if campaign is None:
            raise CommandError(f"Không có phong trào mã {code}.")
        text = campaign_to_yaml(campaign)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stdout.write(f"Đã xuất {code} ra {out}.")
        else:
            self.stdout.write(text, ending="")
