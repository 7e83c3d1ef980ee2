"""Report pages under the strict Content-Security-Policy: no inline script or style, in
Vietnamese and in English; and the home page's reports card."""

from __future__ import annotations

from django.urls import reverse

from tests.factories.reports import form_data, put_in_state, report_of, target_with_values
from tests.pages import csp_problems, page_text, signed_in
from thidua.reports.models import Consolidation, ReportState


def _pages(kh, people, province, q4) -> dict[str, tuple[object, str]]:  # type: ignore[no-untyped-def]
    target_with_values(kh.campaign)
    health = report_of(q4, province.health)
    submitted = put_in_state(report_of(q4, province.district_a), ReportState.SUBMITTED)
    returned = put_in_state(
        report_of(q4, province.district_b), ReportState.RETURNED, return_reason="Thiếu."
    )
    consolidation = Consolidation.objects.create(period=q4, requested_by=people.secretariat)
    return {
        "index": (people.health_head, reverse("reports:index")),
        "detail-head": (people.health_head, reverse("reports:detail", args=[health.pk])),
        "detail-officer": (people.health_officer, reverse("reports:detail", args=[health.pk])),
        "detail-review": (people.secretariat, reverse("reports:detail", args=[submitted.pk])),
        "detail-returned": (people.district_b_head, reverse("reports:detail", args=[returned.pk])),
        "periods": (people.secretariat, reverse("reports:periods")),
        "period": (people.secretariat, reverse("reports:period", args=[q4.pk])),
        "consolidation": (
            people.secretariat,
            reverse("reports:consolidation", args=[consolidation.pk]),
        ),
        "dashboard": (people.leader, reverse("reports:dashboard")),
        "home-head": (people.health_head, reverse("core:home")),
        "home-ban": (people.secretariat, reverse("core:home")),
    }


def test_every_report_page_has_no_inline_code(kh, people, province, q4):
    pages = _pages(kh, people, province, q4)

    for name, (user, url) in pages.items():
        response = signed_in(user).get(url)

        assert response.status_code == 200, name
        assert csp_problems(response) == [], name


def test_refused_report_form_renders_without_inline_code(kh, people, province, q4):
    report = report_of(q4, province.health)
    data = {**form_data(report, kh), "figure_name_0": "", "action": "save"}

    response = signed_in(people.health_officer).post(
        reverse("reports:detail", args=[report.pk]), data
    )

    assert response.status_code == 422
    assert csp_problems(response) == []
    assert "Biểu mẫu còn lỗi; hãy xem các ô được đánh dấu bên dưới." in page_text(response)


def test_report_pages_render_in_english(kh, people, province, q4):
    pages = _pages(kh, people, province, q4)

    for name, (user, url) in pages.items():
        client = signed_in(user)
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        response = client.get(url)

        assert response.status_code == 200, name
        assert '<html lang="en">' in response.content.decode(), name
        assert csp_problems(response) == [], name


def test_home_card_counts_what_waits(kh, people, province, q4):
    put_in_state(report_of(q4, province.district_a), ReportState.SUBMITTED)

    head = page_text(signed_in(people.health_head).get(reverse("core:home")))
    ban = page_text(signed_in(people.secretariat).get(reverse("core:home")))

    assert "Báo cáo định kỳ" in head
    assert "Đơn vị còn 1 báo cáo chưa nộp." in head
    assert "Báo cáo định kỳ của đơn vị" in head
    assert "1 báo cáo đã nộp, chờ tiếp nhận." in ban
    assert "Theo dõi báo cáo theo kỳ" in ban and "Bảng điều khiển của lãnh đạo" in ban
