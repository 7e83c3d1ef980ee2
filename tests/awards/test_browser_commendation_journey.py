"""The whole commendation chain through the pages only, in a real browser.

Sở Y tế's officer adds a nominee, drafts a nomination and uploads its dossier (three real
PDF files); the unit head signs and submits it; Ban TĐKT reviews it and sends it to the
Council, plans a session of five members (one absent), puts the nomination on the
agenda and opens the session; four members vote yes (the first on a 390 px phone), so
4/5 reaches the 80 % of all members the shipped Bằng khen rule asks; Ban TĐKT closes the
session (the minutes link appears), drafts the decision from the approved list, issues
it, downloads the certificate, and a phone opens the verification address printed on it
without signing in.

Only units, people, the campaign and the shipped award forms are made in Python. Time is
frozen at 10/07/2025 09:00 (Asia/Ho_Chi_Minh): the session is held and the decision
signed that day, when the province chair's authority over Bằng khen (Luật TĐKT 2022
Điều 80) and the 2.340.000 lương cơ sở are in force. Screenshots are left in
``$TMPDIR/thidua-commendation-journey``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect
from pypdf import PdfReader, PdfWriter

from tests.factories import CampaignFactory, PhaseFactory, Province, member
from tests.live_checks import LiveChecks
from thidua.accounts.models import Role, User
from thidua.awards.loading import award_forms_load_shipped
from thidua.awards.models import Nomination, NominationState
from thidua.campaigns.models import Campaign, Phase

SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-commendation-journey"
NOW = dt.datetime(2025, 7, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
NOMINEE = "Phạm Thị Ngọc Lan"
FORM = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
NUMBER = "2468/QĐ-UBND"
SESSION = "Phiên họp xét khen thưởng Đợt 2 năm 2025"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _frozen_time() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@dataclass
class Cast:
    campaign: Campaign
    phase: Phase
    officer: User
    head: User
    secretariat: User
    councillors: list[User]


@pytest.fixture
def cast(province: Province) -> Cast:
    """The minimum in Python: units (``province``), people with roles, one campaign with
    its phase, and the shipped award forms."""
    award_forms_load_shipped()
    province.root.name = "Ủy ban nhân dân tỉnh Thử"
    province.root.save()
    campaign = CampaignFactory(
        issuer_unit=province.root, doc_number="128/KH-UBND", signer_name="Lê Văn Hẳn"
    )
    phase = PhaseFactory(
        campaign=campaign,
        code="dot-2",
        name="Đợt 2",
        start=dt.date(2025, 5, 1),
        end=dt.date(2025, 9, 30),
        end_precision="day",
    )
    names = ["Lê Văn Hẳn", "Trần Minh Quân", "Ngô Thị Bích", "Huỳnh Văn Tâm", "Đặng Thu Hà"]
    return Cast(
        campaign=campaign,
        phase=phase,
        officer=member(province.health),
        head=member(province.health, Role.UNIT_HEAD),
        secretariat=member(province.home_affairs, Role.SECRETARIAT),
        councillors=[member(province.root, Role.COUNCIL_MEMBER, user__full_name=n) for n in names],
    )


def _sign_in(
    browser: Any, live_server: Any, user: User, path: str, width: int = 1280
) -> tuple[Any, Page, list[str]]:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", is_mobile=width < 600
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/?next={path}")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int = 1280) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def _pdf(path: Path) -> Path:
    """A real one-page PDF (A4), as a scanned dossier document would be."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as out:
        writer.write(out)
    return path


def _draft(browser: Any, live_server: Any, cast: Cast, tmp_path: Path) -> None:
    context, page, errors = _sign_in(browser, live_server, cast.officer, "/khen-thuong/")
    checks = LiveChecks(page)
    page.get_by_role("link", name="Lập đề nghị").click()
    page.get_by_role("link", name="Chưa có trong danh sách? Thêm đối tượng").click()
    page.get_by_label("Họ tên / tên").fill(NOMINEE)
    page.get_by_label("Giới tính").select_option(label="Nữ")
    page.get_by_label("Năm sinh").fill("1985")
    page.get_by_label("Chức vụ").fill("Điều dưỡng trưởng")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".messages")).to_contain_text(f"Đã thêm “{NOMINEE}”")

    page.locator("#id_phase").select_option(label="Đợt 2")
    page.locator("#id_nominee").select_option(label=NOMINEE)
    page.locator("#id_form").select_option(label=FORM)
    page.get_by_label("Tóm tắt thành tích").fill("Dẫn đầu phong trào chăm sóc người bệnh.")
    achievement = page.get_by_label("II. Thành tích đạt được")
    achievement.fill("Hoàn thành vượt 20% chỉ tiêu khám chữa bệnh.")
    achievement.blur()
    checks.settle()
    expect(page.locator("#checks")).to_contain_text("Hồ sơ còn thiếu")
    expect(page.locator("[data-check=authority]")).to_contain_text("có thẩm quyền")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.locator("h1")).to_have_text(NOMINEE)
    for n, kind in enumerate(
        (
            "Tờ trình đề nghị khen thưởng",
            "Báo cáo thành tích có xác nhận của cấp trình",
            "Biên bản xét khen thưởng",
        )
    ):
        page.get_by_label("Loại tài liệu").select_option(label=kind)
        page.get_by_label("Tệp (PDF, DOCX, XLSX, ảnh)").set_input_files(
            str(_pdf(tmp_path / f"ho-so-{n}.pdf"))
        )
        page.get_by_role("button", name="Tải lên").click()
        expect(page.locator(".messages")).to_contain_text("Đã tải lên")
    expect(page.locator("[data-check=dossier]")).to_contain_text("Hồ sơ đủ thành phần")
    _shot(page, "1-drafted")
    assert errors == []
    context.close()


def _submit_and_review(browser: Any, live_server: Any, cast: Cast) -> None:
    context, page, errors = _sign_in(browser, live_server, cast.head, "/khen-thuong/trinh-ky/")
    page.get_by_role("link", name=NOMINEE).click()
    page.get_by_role("button", name="Ký, gửi đề nghị").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi đề nghị")
    assert errors == []
    context.close()

    context, page, errors = _sign_in(
        browser, live_server, cast.secretariat, "/khen-thuong/tham-dinh/"
    )
    page.get_by_role("button", name="Thẩm định").click()
    page.get_by_role("link", name=NOMINEE).click()
    page.get_by_role("button", name="Trình Hội đồng").click()
    expect(page.locator(".nstate")).to_have_text("Trình Hội đồng")
    assert errors == []
    context.close()


def _plan_and_open_session(browser: Any, live_server: Any, cast: Cast) -> None:
    context, page, errors = _sign_in(browser, live_server, cast.secretariat, "/hoi-dong/")
    page.get_by_role("link", name="Tạo phiên họp").click()
    page.get_by_label("Tên phiên họp").fill(SESSION)
    page.get_by_label("Tên Hội đồng").fill("Hội đồng Thi đua - Khen thưởng tỉnh Thử")
    page.get_by_label("Cơ quan (dòng trên cùng của biên bản)").fill("UBND tỉnh Thử")
    page.get_by_label("Phong trào").select_option(str(cast.campaign.pk))
    page.get_by_label("Đợt thi đua").select_option(str(cast.phase.pk))
    page.get_by_label("Ngày họp").fill("10/07/2025")
    page.get_by_label("Giờ bắt đầu").fill("08:00")
    page.get_by_label("Địa điểm").fill("Hội trường UBND tỉnh")
    page.get_by_label("Địa danh ghi trên biên bản").fill("Thử")
    page.get_by_role("button", name="Tạo phiên họp").click()
    expect(page.locator(".messages")).to_contain_text("Đã tạo phiên họp.")

    roles = ["Chủ tịch Hội đồng", "Ủy viên", "Ủy viên", "Ủy viên", "Ủy viên, Thư ký Hội đồng"]
    for councillor, role in zip(cast.councillors, roles, strict=True):
        page.locator("#thanh-vien summary").click()
        page.get_by_label("Tài khoản thành viên Hội đồng").select_option(label=councillor.full_name)
        page.get_by_label("Chức vụ").fill("Giám đốc Sở")
        page.get_by_label("Vai trò").select_option(label=role)
        page.get_by_role("button", name="Thêm thành viên").click()
        expect(page.locator(".member-list")).to_contain_text(councillor.full_name)
    absent = cast.councillors[3].full_name
    for councillor in cast.councillors:
        name = councillor.full_name
        row = page.locator(".member").filter(has_text=name)
        row.get_by_label(f"Tham dự của {name}").select_option(
            label="Vắng mặt" if name == absent else "Có mặt"
        )
        row.get_by_role("button", name="Lưu").click()
    expect(page.locator("#thanh-vien")).to_contain_text(
        "Tổng số 5 · có mặt 4 · vắng có ý kiến bằng văn bản 0 · vắng 1"
    )

    page.get_by_label(re.compile(NOMINEE)).check()
    page.get_by_role("button", name="Đưa vào nội dung xét").click()
    expect(page.locator(".agenda")).to_contain_text(f"{NOMINEE} – {FORM}")
    _shot(page, "2-planned")
    page.once("dialog", lambda dialog: dialog.accept())  # what opening fixes, then OK
    page.get_by_role("button", name="Khai mạc phiên họp").click()
    expect(page.locator(".session-head")).to_contain_text("Đang họp")
    assert errors == []
    context.close()


def _vote(browser: Any, live_server: Any, voter: User, width: int) -> None:
    context, page, errors = _sign_in(browser, live_server, voter, "/hoi-dong/", width)
    expect(page.get_by_role("heading", level=1)).to_have_text("Phiên họp của tôi")
    page.get_by_role("link", name="Bỏ phiếu").click()
    card = page.locator(".ballot-card").filter(has_text=NOMINEE)
    expect(card).to_contain_text("≥ 80 % tổng số thành viên")
    expect(card).to_contain_text("3 tài liệu")
    card.get_by_role("button", name="Đồng ý", exact=True).click()
    page.get_by_role("button", name="Gửi phiếu: Đồng ý").click()
    expect(page.locator(".ballot-card").filter(has_text=NOMINEE)).to_contain_text(
        "Đã bỏ phiếu · Ý kiến của bạn: Đồng ý"
    )
    if width < 600:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        _shot(page, "3-voted", width)
    assert errors == []
    context.close()


def _close_session(browser: Any, live_server: Any, cast: Cast) -> None:
    context, page, errors = _sign_in(browser, live_server, cast.secretariat, "/hoi-dong/")
    page.get_by_role("link", name=SESSION).click()
    expect(page.locator("#noi-dung")).to_contain_text("đã bỏ phiếu 4/5")
    page.get_by_role("link", name="Kết thúc và kiểm phiếu").click()
    page.get_by_label("Tôi xác nhận kết thúc phiên họp và kiểm phiếu.").check()
    page.get_by_role("button", name="Kết thúc và kiểm phiếu").click()
    row = page.locator("#ket-qua tbody tr").filter(has_text=NOMINEE)
    expect(row).to_contain_text("4/5")
    expect(row).to_contain_text("Đồng ý khen thưởng")
    minutes = page.get_by_role("link", name="Tải biên bản (DOCX)")
    expect(minutes).to_be_visible()
    _shot(page, "4-closed")
    with page.expect_download() as download:
        minutes.click()
    # Reading the whole file also lets the live server's thread finish with it.
    assert Path(download.value.path()).read_bytes().startswith(b"PK")
    assert errors == []
    context.close()


def _issue_and_print(browser: Any, live_server: Any, cast: Cast) -> str:
    """Issue the decision; returns the verification address printed on the certificate."""
    context, page, errors = _sign_in(browser, live_server, cast.secretariat, "/quyet-dinh/")
    page.get_by_role("link", name="Lập quyết định từ danh sách").click()
    page.get_by_label("Phong trào").select_option(str(cast.campaign.pk))
    page.get_by_label("Hình thức").select_option(label=FORM)
    page.get_by_label("Cấp khen thưởng").select_option(label="Ủy ban nhân dân tỉnh Thử")
    page.get_by_role("button", name="Xem danh sách đề nghị").click()
    expect(page.get_by_text("1 đề nghị đã được Hội đồng đồng ý")).to_be_visible()
    expect(page.get_by_label(re.compile(NOMINEE))).to_be_checked()
    page.get_by_role("button", name="Lập dự thảo quyết định").click()

    expect(page.get_by_role("heading", name="Sửa dự thảo quyết định")).to_be_visible()
    page.get_by_label("Số, ký hiệu").fill(NUMBER)
    page.get_by_label("Ngày ký").fill("10/07/2025")
    page.get_by_label("Họ tên người ký").fill("Lê Văn Hẳn")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_role("link", name="Ban hành", exact=True).click()
    page.get_by_role("button", name="Xác nhận ban hành").click()

    expect(page.get_by_text(f"Đã ban hành Quyết định số {NUMBER}.")).to_be_visible()
    row = page.locator(".entry-table tbody tr").filter(has_text=NOMINEE)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("3.510.000")  # 1,5 × 2.340.000 (ND 152/2025 Điều 54)
    _shot(page, "5-issued")
    code = row.locator("code").inner_text()
    with page.expect_download() as download:
        row.get_by_role("link", name="Tải PDF").click()
    text = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages[0].extract_text()
    assert NOMINEE in text
    assert NUMBER in text
    found = re.search(r"(http://\S+/public/xac-minh/[\w-]+/)", text)
    assert found is not None, text
    url = found.group(1)
    assert url == f"{live_server.url}/public/xac-minh/{code}/"
    assert errors == []
    context.close()
    return url


def _verify_on_a_phone(browser: Any, url: str) -> None:
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True
    )
    visitor = phone.new_page()
    errors: list[str] = []
    visitor.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    visitor.goto(url)
    expect(visitor.locator(".verify__badge")).to_have_text("Hợp lệ")
    expect(visitor.locator(".verify__name")).to_have_text(NOMINEE)
    facts = visitor.locator(".verify__facts")
    expect(facts).to_contain_text(FORM)
    expect(facts).to_contain_text(f"Số {NUMBER} ngày 10/07/2025")
    assert "1985" not in visitor.content()  # the birth year is not published
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(visitor, "6-verified", 390)
    assert errors == []
    phone.close()


def test_commendation_from_draft_to_verified_certificate(
    browser: Any, live_server: Any, cast: Cast, tmp_path: Path, settings: Any
) -> None:
    settings.THIDUA_PUBLIC_BASE_URL = live_server.url

    _draft(browser, live_server, cast, tmp_path)
    _submit_and_review(browser, live_server, cast)
    _plan_and_open_session(browser, live_server, cast)
    present = [c for n, c in enumerate(cast.councillors) if n != 3]
    _vote(browser, live_server, present[1], 390)
    for voter in (present[0], present[2], present[3]):
        _vote(browser, live_server, voter, 1280)
    _close_session(browser, live_server, cast)
    url = _issue_and_print(browser, live_server, cast)
    _verify_on_a_phone(browser, url)

    nomination = Nomination.objects.get(nominee__name=NOMINEE)
    assert nomination.state == NominationState.DECIDED
