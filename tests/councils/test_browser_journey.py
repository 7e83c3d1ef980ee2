"""A council session in a real browser: the secretary opens it, a member votes on a
phone-sized screen (an open vote and a secret ballot), the secretary closes it and finds
the results and the minutes. Screenshots at 1280 and 390 px are left in
``$TMPDIR/thidua-councils-journey`` to be looked at."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.accessibility import axe_problems
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.factories.councils import make_session, nominations, seats
from thidua.councils import services
from thidua.councils.models import SessionState, VoteChoice

SCREENSHOTS = Path(tempfile.gettempdir()) / "thidua-councils-journey"

pytestmark = pytest.mark.browser


def _request_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request_thread" in t.name]


@pytest.fixture
def browser(playwright: Any) -> Iterator[Any]:
    """Debian Chromium for this journey alone: closed at its end, and the live server's
    request threads (each holding a database connection while Chromium keeps its
    connections alive) given time to finish, so PostgreSQL can drop the test database."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests"
        if os.environ.get("THIDUA_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (THIDUA_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()
    deadline = time.monotonic() + 10
    while _request_threads() and time.monotonic() < deadline:
        time.sleep(0.05)


def _sign_in(chromium, live_server, user, width: int) -> tuple[object, Page, list[str]]:
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/hoi-dong/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page, errors


def _shot(page: Page, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_session_journey(browser, live_server, kh, people, province):
    items = nominations(kh, province, 1) + nominations(kh, province, 1, form=kh.cstd)
    session = make_session(kh, people, members=5, items=items)
    plain, secret = session.items.order_by("order")
    voter = people.councillors[1]

    context, page, errors = _sign_in(browser, live_server, people.secretariat, 1280)
    page.get_by_role("link", name=session.title).click()
    _shot(page, "1-planned", 1280)
    page.once("dialog", lambda dialog: dialog.accept())  # what opening fixes, then OK
    page.get_by_role("button", name="Khai mạc phiên họp").click()
    # A secret item: the tally code is shown once, and stored nowhere.
    expect(page.get_by_role("heading", level=2)).to_have_text("Mã kiểm phiếu (chỉ hiện một lần)")
    tally_code = page.locator(".tally-code code").inner_text()
    assert len(tally_code) == 35  # six groups of five letters
    _shot(page, "1-tally-code", 1280)
    page.get_by_role("link", name="Tôi đã chép mã — về phiên họp").click()
    expect(page.locator(".session-head")).to_contain_text("Đang họp")
    assert errors == []
    context.close()

    member_ctx, phone, phone_errors = _sign_in(browser, live_server, voter, 390)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Phiên họp của tôi")
    phone.get_by_role("link", name="Bỏ phiếu").click()
    _shot(phone, "2-ballot", 390)
    card = phone.locator(f"#muc-{plain.pk}")
    card.get_by_role("button", name="Đồng ý", exact=True).click()
    expect(phone.locator(".ballot-confirm")).to_contain_text(plain.nomination.nominee.name)
    _shot(phone, "2-confirm", 390)
    phone.get_by_role("button", name="Gửi phiếu: Đồng ý").click()
    expect(phone.locator(f"#muc-{plain.pk}")).to_contain_text(
        "Đã bỏ phiếu · Ý kiến của bạn: Đồng ý"
    )
    phone.locator(f"#muc-{secret.pk}").get_by_role("button", name="Đồng ý", exact=True).click()
    phone.get_by_role("button", name="Gửi phiếu: Đồng ý").click()
    secret_card = phone.locator(f"#muc-{secret.pk}")
    expect(secret_card).to_contain_text("phiếu kín, không ai xem được lựa chọn của bạn")
    expect(secret_card).not_to_contain_text("Ý kiến của bạn")
    expect(secret_card.get_by_role("button", name="Gửi phiếu")).to_have_count(0)
    _shot(phone, "3-voted", 390)
    assert axe_problems(phone) == []
    # A change of mind before the session closes, from this phone: confirmed, then shown.
    secret_card.get_by_text("Đổi ý kiến (đến khi kết thúc phiên họp)").click()
    secret_card.get_by_role("button", name="Không đồng ý").click()
    expect(phone.locator(".ballot-confirm")).to_contain_text("Bạn đổi ý kiến thành")
    phone.get_by_role("button", name="Đổi phiếu: Không đồng ý").click()
    expect(phone.locator(".messages")).to_contain_text("Đã đổi ý kiến của bạn.")
    assert phone_errors == []
    member_ctx.close()

    for seat in seats(session):
        if seat.user_id != voter.pk:
            services.council_vote(actor=seat.user, item=plain, choice=VoteChoice.YES)
            services.council_vote(actor=seat.user, item=secret, choice=VoteChoice.YES)

    context, page, errors = _sign_in(browser, live_server, people.secretariat, 1280)
    page.goto(f"{live_server.url}/hoi-dong/{session.pk}/")
    expect(page.locator("#noi-dung")).to_contain_text("đã bỏ phiếu 5/5")
    page.get_by_role("link", name="Kết thúc và kiểm phiếu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết thúc phiên họp và kiểm phiếu")
    _shot(page, "4-closing", 1280)
    page.get_by_label("Mã kiểm phiếu", exact=True).fill(tally_code)
    page.get_by_label("Tôi xác nhận kết thúc phiên họp và kiểm phiếu.").check()
    page.get_by_role("button", name="Kết thúc và kiểm phiếu").click()
    results = page.locator("#ket-qua")
    expect(results).to_contain_text("Kết quả biểu quyết")
    expect(results.locator("tbody tr").nth(0)).to_contain_text("5/5")
    expect(results.locator("tbody tr").nth(0)).to_contain_text("Đồng ý khen thưởng")
    expect(results.locator("tbody tr").nth(1)).to_contain_text("4/5")
    expect(results.locator("tbody tr").nth(1)).to_contain_text("Không đạt tỷ lệ phiếu")
    _shot(page, "4-closed", 1280)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải biên bản (DOCX)").click()
    assert download.value.suggested_filename == f"bien-ban-hop-hoi-dong-{session.pk}.docx"
    # Waits for the whole file: the live server's thread is done with it afterwards.
    assert Path(download.value.path()).read_bytes().startswith(b"PK")
    assert errors == []
    context.close()

    for width in (390, 1280):
        ctx, view, _errors = _sign_in(browser, live_server, people.leader, width)
        view.goto(f"{live_server.url}/hoi-dong/{session.pk}/")
        expect(view.locator("#ket-qua")).to_contain_text("Không đạt tỷ lệ phiếu")
        _shot(view, "5-leader", width)
        assert axe_problems(view) == []
        ctx.close()
    session.refresh_from_db()
    assert session.state == SessionState.CLOSED
