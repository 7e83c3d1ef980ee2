"""The report form says what is wrong where it is wrong, before asking to confirm.

"Xác nhận và nộp" asks "cannot edit afterwards?" only once the summary is written (an
empty summary is reported first, without the question); a refused file is shown beside
the file input; a text too long says its length and the limit. The leaders' dashboard
names a figure's source by its site. Today is Tuesday 10/12/2024 09:00: Quý IV/2024 is
open.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

from tests.chromium import _static_root, browser  # noqa: F401  (browser test)
from tests.factories import TargetFactory
from tests.factories.reports import Kh, People, at, report_of
from tests.html_blocks import FIELD, block_with, text_of
from tests.pages import page_text, signed_in
from thidua.reports.models import ReportPeriod, ReportState
from thidua.targets.models import TargetValue

SOURCE = "https://travinh.gov.vn/Default.aspx?sid=1426&pageid=37932&catid=69339&id=623539"


@pytest.fixture
def q4(generated: list[ReportPeriod]) -> Iterator[ReportPeriod]:
    """Quý IV/2024, seen on Tuesday 10/12/2024 09:00, before its due date."""
    with at(2024, 12, 10, 9):
        yield generated[0]


def _field(response, field_id: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the field holding the input ``field_id``, its errors included."""
    return text_of(block_with(response.content.decode(), FIELD, f'id="{field_id}"'))


def test_a_refused_file_is_shown_beside_the_file_input(kh: Kh, people: People, province, q4):  # type: ignore[no-untyped-def]
    report = report_of(q4, province.health)
    fake = SimpleUploadedFile("bao-cao.pdf", b"not a pdf", "application/pdf")

    response = signed_in(people.health_head).post(
        reverse("reports:detail", args=[report.pk]),
        {"summary": "Tóm tắt", "attachments": fake, "action": "save"},
    )

    field = _field(response, "id_attachments")
    assert "Tệp “bao-cao.pdf” không phải ảnh (JPEG, PNG, WebP) hay tài liệu" in field
    assert not report.attachments.exists()


def test_a_bad_file_and_an_empty_summary_are_both_reported_when_submitting(  # type: ignore[no-untyped-def]
    kh: Kh, people: People, province, q4
):
    report = report_of(q4, province.health)
    fake = SimpleUploadedFile("bao-cao.pdf", b"not a pdf", "application/pdf")

    response = signed_in(people.health_head).post(
        reverse("reports:detail", args=[report.pk]),
        {"summary": "", "attachments": fake, "action": "submit"},
    )

    assert "Hãy nhập tóm tắt kết quả trước khi nộp báo cáo." in _field(response, "id_summary")
    assert "không phải ảnh" in _field(response, "id_attachments")
    assert report_of(q4, province.health).state == ReportState.OPEN


def test_a_summary_too_long_says_its_length_beside_it(kh: Kh, people: People, province, q4):  # type: ignore[no-untyped-def]
    report = report_of(q4, province.health)

    response = signed_in(people.health_head).post(
        reverse("reports:detail", args=[report.pk]), {"summary": "x" * 6000, "action": "save"}
    )

    field = _field(response, "id_summary")
    assert "Tóm tắt kết quả dài 6.000 ký tự, tối đa 5.000: hãy rút gọn." in field
    report.refresh_from_db()
    assert report.summary == ""


def test_the_dashboard_names_a_source_by_its_site(kh: Kh, people: People, q4):  # type: ignore[no-untyped-def]
    target = TargetFactory(campaign=kh.campaign, code="CT01", value=Decimal("10"))
    TargetValue.objects.create(
        target=target, unit=kh.campaign.issuer_unit, value=Decimal("9"), label="Năm 2024",
        period_start=target.campaign.start, period_end=target.campaign.start, source=SOURCE,
    )  # fmt: skip

    response = signed_in(people.leader).get(reverse("reports:dashboard"))

    assert "Nguồn travinh.gov.vn" in page_text(response)
    assert SOURCE not in page_text(response)
    assert f'<a href="{SOURCE.replace("&", "&amp;")}"' in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_submit_reports_an_empty_summary_before_asking_to_confirm(  # type: ignore[no-untyped-def]
    live_server,
    browser,  # noqa: F811  (the fixture imported above)
    kh,
    people,
    province,
    q4,
):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="vi-VN")
    page = context.new_page()
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.goto(
        f"{live_server.url}/tai-khoan/dang-nhap/?next=/bao-cao/{report_of(q4, province.health).pk}/"
    )
    page.get_by_label("Tên đăng nhập").fill(people.health_head.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("button", name="Xác nhận và nộp").click()

    expect(page.locator(".messages")).to_contain_text(
        "Hãy nhập tóm tắt kết quả trước khi nộp báo cáo."
    )
    assert asked == []  # nothing to confirm yet
    page.get_by_label("Tóm tắt kết quả").fill("Sở Y tế hoàn thành khám sàng lọc.")
    page.get_by_role("button", name="Xác nhận và nộp").click()
    expect(page.locator("[data-report-state]")).to_have_text("Đã nộp đúng hạn")
    assert len(asked) == 1 and "không sửa được nữa" in asked[0]
    assert report_of(q4, province.health).state == ReportState.SUBMITTED
    context.close()
