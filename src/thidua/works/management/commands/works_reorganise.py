"""`python -m thidua works_reorganise [--date YYYY-MM-DD]`: works follow recorded successions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from thidua.works.reorganisation import works_apply_successions


class Command(BaseCommand):
    help = (
        "Chuyển công trình đang mở của đơn vị đã giải thể, sáp nhập sang đơn vị kế thừa "
        "(giữ lịch sử và đơn vị đăng ký ban đầu)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Ngày áp dụng YYYY-MM-DD (mặc định: hôm nay).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = dt.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(
                "Ngày không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2025-07-01."
            ) from exc
        applied = works_apply_successions(on=on or timezone.localdate())
        for old, new, moved in applied:
            self.stdout.write(f"{old.code} → {new.code}: {moved} công trình chuyển sang.")
        if not applied:
            self.stdout.write("Không có công trình nào cần chuyển.")
