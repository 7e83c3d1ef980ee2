"""The registration journey in a browser on a phone: an officer adds a person (HTMX),
the head submits, the Ban TĐKT sees the compiled view; axe-core finds no violation."""

from __future__ import annotations

import pytest

from tests.accessibility import axe_report
from tests.factories.registrations import registration_in
from thidua.registrations.models import Registration, RegistrationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base: str, user) -> None:
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)


def test_officer_head_and_secretariat_on_a_phone(browser, live_server, province, people):
    registration_in(
        RegistrationState.SUBMITTED, province.commune_a2, people.a2_head, people.a2_head
    )
    unit_url = f"{live_server.url}/dang-ky-thi-dua/don-vi/{province.commune_a1.pk}/2026/"
    found: list[str] = []

    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, people.a1_officer)
    page.goto(unit_url)
    page.get_by_role("button", name="Lập bản đăng ký").click()
    page.get_by_label("Danh hiệu").select_option(label="Lao động tiên tiến")
    page.get_by_label("Họ tên / tên tập thể").fill("Ngô Thị Lan")
    page.get_by_role("button", name="Thêm", exact=True).click()
    page.get_by_role("cell", name="Ngô Thị Lan").wait_for()
    found += [f"officer: {line}" for line in axe_report(page)]
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, people.a1_head)
    page.goto(unit_url)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gửi bản đăng ký").click()
    page.get_by_text("Đã gửi bản đăng ký thi đua.").wait_for()
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, live_server.url, people.secretariat)
    page.goto(f"{live_server.url}/dang-ky-thi-dua/tong-hop/2026/")
    found += [f"compiled: {line}" for line in axe_report(page)]
    page.goto(f"{live_server.url}/dang-ky-thi-dua/?year=2026")
    found += [f"index: {line}" for line in axe_report(page)]
    context.close()

    assert found == [], "\n".join(found)
    submitted = Registration.objects.get(unit=province.commune_a1, year=2026)
    assert submitted.state == RegistrationState.SUBMITTED
    assert [e.nominee.name for e in submitted.entries.all()] == ["Ngô Thị Lan"]
