"""`python -m thidua demo_setup`: the demo, loaded idempotently.

Loads the units (today's Vĩnh Long from the official list, the Trà Vinh of KH 128 and
the successions of 01/7/2025 between them: ``desk.demo_units``); the historical Trà Vinh
demo — the 2024/2025 clusters and blocks, the KH 128 campaign file, the demo users
(password ``thidua-demo``), the registration deadline the Ban TĐKT sets in the demo
(31/12/2024), the demo works of every state and the commendation chain — then the
present-day one: Vĩnh Long's illustrative 2026 campaign (desk/demo_vinh_long.py) and its
annual cycle of 2025 (desk/demo_annual.py). Safe to run again: nothing doubles.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.awards import demo as awards_demo
from thidua.campaigns.models import Campaign
from thidua.core.event_time import events_dated
from thidua.councils import demo as councils_demo
from thidua.decisions import demo as decisions_demo
from thidua.desk.demo_annual import annual_demo_ensure
from thidua.desk.demo_units import demo_units_load
from thidua.desk.demo_users import VINH_LONG_USERS, demo_users_ensure
from thidua.desk.demo_vinh_long import vinh_long_demo_ensure
from thidua.exemplars import demo as exemplars_demo
from thidua.plan_import import demo as plan_import_demo
from thidua.reports.demo import demo_reports_ensure
from thidua.reports.services import report_periods_generate
from thidua.reviews import demo as reviews_demo
from thidua.scoring import demo as scoring_demo
from thidua.works.demo import demo_works_ensure

#: The KH 128 campaign of the demo, and the registration deadline the Ban TĐKT sets for it
#: in the demo (the plan states none: II.2 says only "đăng ký", with no date).
KH128_CODE = "kh-128-2024-tra-vinh"
DEMO_REGISTRATION_DEADLINE = dt.date(2024, 12, 31)


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: đơn vị Trà Vinh, cụm/khối thi đua, Kế hoạch 128, người dùng mẫu, "
        "công trình mẫu."
    )

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
        demo_units_load(self.stdout)
        call_command("units", "load-groups", "tra-vinh", stdout=self.stdout)
        call_command("campaign", "load", "kh-128", stdout=self.stdout)
        call_command("target_values", "load", "tra-vinh", stdout=self.stdout)
        campaign = Campaign.objects.get(code=KH128_CODE)
        if campaign.registration_deadline is None:
            campaign.registration_deadline = DEMO_REGISTRATION_DEADLINE
            campaign.save(update_fields=["registration_deadline"])
            self.stdout.write(
                "Hạn đăng ký công trình: %s (thiết lập mẫu của Ban Thi đua - Khen thưởng; "
                "kế hoạch không nêu hạn)." % DEMO_REGISTRATION_DEADLINE.strftime("%d/%m/%Y")
            )
        users = demo_users_ensure()
        created = demo_works_ensure(campaign)
        self.stdout.write(
            "Công trình mẫu: %s mới." % created
            if created
            else "Công trình mẫu: đã có, không tạo thêm."
        )
        with events_dated(campaign.doc_date):  # the reports open with the plan, in its story
            report_periods_generate(campaign)
        written = demo_reports_ensure(campaign)
        self.stdout.write(
            "Báo cáo định kỳ mẫu: %s báo cáo quý IV/2024 – quý II/2025 (thủ trưởng đơn vị đăng "
            "nhập bằng tt_<mã đơn vị>, ví dụ tt_tv_ck)." % written
            if written
            else "Báo cáo định kỳ mẫu: đã có, không tạo thêm."
        )
        # Commendation, scoring, reviews and exemplary models build on each other: in order.
        for app_demo in (
            awards_demo,
            councils_demo,
            decisions_demo,
            scoring_demo,
            reviews_demo,
            exemplars_demo,
            plan_import_demo,
        ):
            line = app_demo.demo_ensure(campaign)
            if line:
                self.stdout.write(line)
        # The present-day demo: Vĩnh Long's illustrative 2026 campaign, on today's date.
        for line in vinh_long_demo_ensure():
            self.stdout.write(line)
        # The annual cycle of 2025 in Vĩnh Long, and the registrations of 2026.
        for line in annual_demo_ensure():
            self.stdout.write(line)
        self.stdout.write("\nTài khoản mẫu (mật khẩu: %s):" % DEMO_PASSWORD)
        for demo in [*users, *VINH_LONG_USERS]:
            self.stdout.write(f"  {demo.username:<16} {demo.position} – {demo.unit_code}")
