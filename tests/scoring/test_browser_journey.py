"""A unit self-assesses → its cluster leader reviews → the Ban TĐKT confirms and publishes
the ranking → the ranking page shows it → the public site shows it; in a real browser, at
phone and desk widths."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.accessibility import axe_problems
from tests.factories.scoring import Cluster, make_set, manual_entries, reviewer_for, self_submit
from thidua.scoring import services
from thidua.scoring.models import CriterionKind
from thidua.works.demo_images import minimal_pdf

SCREENSHOTS = str(Path(tempfile.gettempdir()) / "thidua-scoring-{stage}-{width}.png")


def _sign_in(browser: Any, live_server: Any, user: Any, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/cham-diem/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chấm điểm")
    return page


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_scoring_journey(live_server: Any, browser: Any, cluster: Cluster, width: int) -> None:
    cs = make_set(cluster)
    unit = cluster.members[0]
    for other in cluster.units:
        if other != unit:
            sheet = self_submit(cluster, cs, other)
            sheet = services.sheet_review(
                actor=reviewer_for(cluster, other),
                sheet=sheet,
                entries=manual_entries(cs, share=Decimal("0.8")),
            )
            services.sheet_confirm(actor=cluster.secretariat, sheet=sheet)
    manual = list(
        cs.criteria.filter(kind=CriterionKind.MANUAL, effect="normal").order_by("position")
    )

    # The unit's officer fills in the sheet on a phone, with evidence, and saves.
    page = _sign_in(browser, live_server, cluster.officers[unit.pk], width)
    page.get_by_role("link", name="Cụm thi đua số 1 – năm 2025").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huyện Tiểu Cần")
    for criterion in manual:
        page.locator(f"#p-{criterion.pk}").fill(
            str(criterion.max_points.normalize()).replace(".", ",")
        )
        if criterion.evidence_required:
            page.locator(f"#f-{criterion.pk}").set_input_files(
                {
                    "name": f"mc-{criterion.code}.pdf",
                    "mimeType": "application/pdf",
                    "buffer": minimal_pdf(["Minh chung"]),
                }
            )
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu điểm tự chấm")
    expect(page.locator(".totals")).to_contain_text("80")
    page.screenshot(path=SCREENSHOTS.format(stage="self", width=width), full_page=True)
    page.context.close()

    # The head sends it for review.
    page = _sign_in(browser, live_server, cluster.heads[unit.pk], width)
    page.get_by_role("link", name="Cụm thi đua số 1 – năm 2025").click()
    page.get_by_role("button", name="Gửi thẩm định").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi phiếu tự chấm")
    page.context.close()

    # The cluster leader reviews: criterion 1.1 is worth less than claimed.
    # (Above the group's link, its own unit's sheet: "Cụm thi đua số 1 – năm 2025".)
    page = _sign_in(browser, live_server, cluster.cluster_leader, width)
    page.get_by_role("link", name="Cụm thi đua số 1", exact=True).click()
    page.get_by_role("link", name="Huyện Tiểu Cần").click()
    for criterion in manual:
        value = "15" if criterion.code == "1.1" else str(criterion.max_points.normalize())
        page.locator(f"#r-{criterion.pk}").fill(value)
    page.get_by_role("button", name="Ghi điểm thẩm định").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi điểm thẩm định")
    expect(page.locator(".crit--gap")).to_have_count(1)
    expect(page.locator(".crit--gap")).to_contain_text("Chênh lệch lớn")
    page.screenshot(path=SCREENSHOTS.format(stage="review", width=width), full_page=True)
    page.context.close()

    # The Ban TĐKT confirms, publishes, and reads the ranking.
    page = _sign_in(browser, live_server, cluster.secretariat, width)
    page.get_by_role("link", name="Cụm thi đua số 1").first.click()
    page.get_by_role("link", name="Huyện Tiểu Cần").click()
    page.once("dialog", lambda dialog: dialog.accept())  # the total, and no way back
    page.get_by_role("button", name="Xác nhận kết quả").click()
    expect(page.locator(".messages")).to_contain_text("Đã xác nhận phiếu chấm điểm")
    page.get_by_role("link", name="Cụm thi đua số 1 2025").click()
    page.get_by_role("link", name="Công bố kết quả xếp hạng").click()
    expect(page.locator(".ranking-table")).to_contain_text("Huyện Tiểu Cần")
    page.screenshot(path=SCREENSHOTS.format(stage="publish", width=width), full_page=True)
    page.get_by_label("Tôi đã kiểm tra bảng xếp hạng và xác nhận công bố.").check()
    page.get_by_role("button", name="Công bố kết quả xếp hạng").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kết quả xếp hạng Cụm thi đua số 1 năm 2025"
    )
    expect(page.locator(".ranking-chart .ranking-chart__bar")).to_have_count(4)
    table = page.locator(".ranking-table")
    expect(table.get_by_role("row", name="Huyện Tiểu Cần")).to_contain_text(
        "Cờ thi đua của UBND tỉnh"
    )
    expect(page.locator(".tie-breaks")).to_contain_text("Nhiều tiêu chí đạt điểm tối đa hơn")
    page.screenshot(path=SCREENSHOTS.format(stage="ranking", width=width), full_page=True)
    assert axe_problems(page) == []
    page.context.close()

    # The public site shows the published ranking to anyone, without signing in.
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    public = context.new_page()
    public.goto(live_server.url + "/public/xep-hang/")
    expect(public.locator("main")).to_contain_text("Cụm thi đua số 1")
    expect(public.locator("main")).to_contain_text("Huyện Tiểu Cần")
    public.screenshot(path=SCREENSHOTS.format(stage="public", width=width), full_page=True)
    assert axe_problems(public) == []
    context.close()
