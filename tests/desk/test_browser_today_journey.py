"""The present-day journey, in a real browser, on today's date (issue #13).

The demo's own Vĩnh Long stage (``desk.demo_vinh_long``: province 86 and its communes
from the official list, the illustrative 2026 campaign, its users, works, reports and
approved nominations) is loaded, then, through the pages only: the officer of Xã Cầu Kè
registers a work in the 2026 campaign; the commune's chairman submits the Quý IV/2026
report; the Ban TĐKT of Sở Nội vụ drafts the Bằng khen decision from the approved list
and issues it signed today by the chairman of Ủy ban nhân dân tỉnh Vĩnh Long; a 390 px
phone opens the verification address printed on the certificate.

The clock is today's (Asia/Ho_Chi_Minh, 09:00), frozen so the pages agree with each
other. The campaign is the year 2026: a run after its Quý IV report is due would test a
campaign already over, so outside 01/10–15/12/2026 the clock is set to 07/12/2026 (the
day this journey was written) instead.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.awards.models import AwardForm
from thidua.campaigns.models import Campaign
from thidua.decisions.models import Decision, DecisionState
from thidua.desk.demo_vinh_long import CAMPAIGN_CODE, COMMUNE, vinh_long_demo_ensure
from thidua.organisations.models import Unit
from thidua.reports.models import ReportState, UnitReport
from thidua.works.models import Work, WorkState

_REAL_TODAY = dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
TODAY = (
    _REAL_TODAY
    if dt.date(2026, 10, 1) <= _REAL_TODAY <= dt.date(2026, 12, 15)
    else dt.date(2026, 12, 7)
)
NOW = dt.datetime.combine(TODAY, dt.time(9), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-today-journey"
TITLE = "Nạo vét kênh thủy lợi ấp Rạch Ruộng"
NUMBER = "1502/QĐ-UBND"
CHAIRMAN = "Nguyễn Văn Minh"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def campaign() -> Campaign:
    vinh_long_demo_ensure()
    return Campaign.objects.get(code=CAMPAIGN_CODE)


def _sign_in(
    browser: Any, live_server: Any, username: str, path: str, width: int = 1280
) -> tuple[Any, Page, list[str]]:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", is_mobile=width < 600
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next={path}")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int = 1280) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def _register_work(browser: Any, live_server: Any, campaign: Campaign, commune: Unit) -> None:
    path = f"/cong-trinh/dang-ky/{campaign.pk}/{commune.pk}/"
    context, page, errors = _sign_in(browser, live_server, "canbo_xa_vl", path)
    expect(page.locator(".illustrative-notice")).to_contain_text("MH-2026/KH-UBND")
    page.get_by_label("Tên công trình, dự án, phần việc").fill(TITLE)
    page.get_by_label("Ngày bắt đầu dự kiến").fill(f"{TODAY:%d/%m/%Y}")
    page.get_by_label("Ngày hoàn thành dự kiến").fill("31/12/2026")
    page.get_by_role("button", name="Lưu và gửi duyệt").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".work-head")).to_contain_text("Chờ duyệt")
    _shot(page, "1-work")
    assert errors == []
    context.close()
    work = Work.objects.get(title=TITLE)
    assert (work.campaign, work.unit, work.state) == (campaign, commune, WorkState.SUBMITTED)


def _submit_report(browser: Any, live_server: Any, report: UnitReport) -> None:
    path = f"/bao-cao/{report.pk}/"
    context, page, errors = _sign_in(browser, live_server, "chutich_xa_vl", path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quý IV/2026")
    page.get_by_label("Tóm tắt kết quả").fill(
        f"Xã Cầu Kè đã đăng ký công trình “{TITLE}”; các phần việc quý IV đạt tiến độ."
    )
    page.get_by_role("button", name="Xác nhận và nộp").click()
    expect(page.locator(".messages")).to_be_visible()
    _shot(page, "2-report")
    assert errors == []
    context.close()
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    assert report.submitted_at is not None and not report.submitted_late


def _issue_decision(browser: Any, live_server: Any, campaign: Campaign) -> str:
    context, page, errors = _sign_in(browser, live_server, "bantdkt_vl", "/quyet-dinh/")
    page.get_by_role("link", name="Lập quyết định từ danh sách").click()
    page.get_by_label("Phong trào").select_option(str(campaign.pk))
    form = AwardForm.objects.get(code="bang-khen-tinh")
    page.get_by_label("Hình thức").select_option(str(form.pk))
    page.get_by_label("Cấp khen thưởng").select_option(str(campaign.issuer_unit.pk))
    page.get_by_role("button", name="Xem danh sách đề nghị").click()
    expect(page.get_by_text("2 đề nghị đã được Hội đồng đồng ý")).to_be_visible()
    page.get_by_role("button", name="Lập dự thảo quyết định").click()

    expect(page.get_by_role("heading", name="Sửa dự thảo quyết định")).to_be_visible()
    page.get_by_label("Số, ký hiệu").fill(NUMBER)
    page.get_by_label("Ngày ký").fill(f"{TODAY:%d/%m/%Y}")
    page.get_by_label("Họ tên người ký").fill(CHAIRMAN)
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("link", name="Ban hành", exact=True).click()
    page.get_by_role("button", name="Xác nhận ban hành").click()

    expect(page.get_by_text(f"Đã ban hành Quyết định số {NUMBER}.")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long")
    expect(page.locator(".illustrative-notice")).to_contain_text("MH-2026/KH-UBND")
    rows = page.locator(".entry-table tbody tr")
    expect(rows).to_have_count(2)
    _shot(page, "3-issued")
    with page.expect_download() as download_info:
        rows.first.get_by_role("link", name="Tải PDF").click()
    certificate = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = certificate.pages[0].extract_text()
    found = re.search(r"(http://\S+/public/xac-minh/[\w-]+/)", text)
    assert found is not None, text
    assert errors == []
    context.close()
    decision = Decision.objects.get(number=NUMBER)
    assert (decision.state, decision.date, decision.signer_name) == (
        DecisionState.ISSUED,
        TODAY,
        CHAIRMAN,
    )
    return found.group(1)


def test_today_journey_vinh_long_2026(
    live_server: Any, browser: Any, campaign: Campaign, settings: Any
) -> None:
    settings.THIDUA_PUBLIC_BASE_URL = live_server.url
    commune = Unit.objects.get(code=COMMUNE)
    assert commune.name == "Xã Cầu Kè" and commune.parent == campaign.issuer_unit
    report = UnitReport.objects.get(
        period__campaign=campaign, period__year=2026, period__number=4, unit=commune
    )

    _register_work(browser, live_server, campaign, commune)
    _submit_report(browser, live_server, report)
    url = _issue_decision(browser, live_server, campaign)
    assert url.startswith(live_server.url)

    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True
    )
    visitor = phone.new_page()
    visitor.goto(url)
    expect(visitor.get_by_text("Hợp lệ")).to_be_visible()
    facts = visitor.locator(".verify__facts")
    expect(facts).to_contain_text(f"Số {NUMBER} ngày {TODAY:%d/%m/%Y}")
    expect(facts).to_contain_text("Vĩnh Long")
    expect(visitor.locator("body")).to_contain_text("kế hoạch minh họa")
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(visitor, "4-verify", 390)
    phone.close()
