"""`python -m thidua demo_setup`: the Trà Vinh demo, loaded idempotently.

Loads the units of Trà Vinh and the 2024/2025 clusters and blocks, the KH 128 campaign
file, and the demo users (password ``thidua-demo``). Safe to run again: nothing doubles.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.accounts.demo import DEMO_PASSWORD, demo_users_ensure


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: đơn vị Trà Vinh, cụm/khối thi đua, Kế hoạch 128, người dùng mẫu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Cho phép chạy trên cơ sở dữ liệu không phải SQLite (tạo người dùng mẫu!).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        engine = settings.DATABASES["default"]["ENGINE"]
        if "sqlite" not in engine and not options["force"]:
            raise CommandError(
                "demo_setup tạo người dùng với mật khẩu công khai; chỉ chạy trên cơ sở dữ liệu "
                "thử nghiệm. Thêm --force nếu đúng là như vậy."
            )
        call_command("units", "load", "tra-vinh", stdout=self.stdout)
        call_command("units", "load-groups", "tra-vinh", stdout=self.stdout)
        call_command("campaign", "load", "kh-128", stdout=self.stdout)
        users = demo_users_ensure()
        self.stdout.write("\nTài khoản mẫu (mật khẩu: %s):" % DEMO_PASSWORD)
        for demo in users:
            self.stdout.write(f"  {demo.username:<13} {demo.position} – {demo.unit_code}")
