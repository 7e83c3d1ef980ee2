"""Counts on the approving level's and the Ban TĐKT's boards (issue 12, item 7): an inline
approval updates the queue's counts, and a unit merged into a registering successor is
not counted short on the compliance board, the district's queue or the dashboard."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import UnitFactory
from tests.factories.works import TITLES, advance, register
from tests.pages import page_text, signed_in
from thidua.organisations.models import UnitKind, UnitSuccession
from thidua.works.models import WorkState
from thidua.works.selectors import registration_compliance

pytestmark = pytest.mark.django_db


def _submitted(kh, people, unit, actor, n: int):  # type: ignore[no-untyped-def]
    work = register(actor, kh, unit, title=TITLES[n])
    return advance(work, WorkState.SUBMITTED, unit_actor=actor, approver=people.district_a_officer)


def _oob(html: str, element_id: str) -> str:
    """The text of the out-of-band element ``element_id`` of an HTMX answer."""
    match = re.search(rf'<(\w+)[^>]*id="{element_id}"[^>]*hx-swap-oob="true"[^>]*>', html)
    assert match, f"no out-of-band #{element_id}"
    end = html.index(f"</{match.group(1)}>", match.end())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[match.end() : end])).strip()


def test_an_inline_approval_updates_the_queues_counts(kh, people, province):
    first = _submitted(kh, people, province.commune_a1, people.a1_officer, 0)
    _submitted(kh, people, province.commune_a1, people.a1_officer, 1)
    _submitted(kh, people, province.commune_a2, people.a2_officer, 2)
    client = signed_in(people.district_a_officer)
    page = page_text(client.get(reverse("works:queue"), {"campaign": kh.campaign.pk}))

    answer = client.post(
        reverse("works:queue_approve", args=[first.pk]),
        {"approve-note": "", "campaign": str(kh.campaign.pk)},
        HTTP_HX_REQUEST="true",
    )

    html = answer.content.decode()
    assert "3 công trình chờ duyệt" in page and "Xã Phong Phú 2 (tối thiểu 1) 2 đã đủ" in page
    assert html.lstrip().startswith('<li class="work-card queue-item queue-item--done"')
    assert _oob(html, "queue-count") == "2 công trình chờ duyệt"
    communes = _oob(html, "queue-communes")
    assert "Xã Phong Phú 2 (tối thiểu 1) 1 đã đủ" in communes
    assert "Xã Hòa Ân 1/1 1 đã đủ" in communes


def test_a_refused_inline_action_still_says_how_many_wait(kh, people, province):
    work = _submitted(kh, people, province.commune_a1, people.a1_officer, 0)

    answer = signed_in(people.district_a_officer).post(
        reverse("works:queue_return", args=[work.pk]),
        {"return-reason": "Thiếu"},
        HTTP_HX_REQUEST="true",
    )

    assert answer.status_code == 422
    assert _oob(answer.content.decode(), "queue-count") == "1 công trình chờ duyệt"


@pytest.fixture
def merged(kh, province):  # type: ignore[no-untyped-def]
    """Sở Giao thông vận tải (until 28/02/2025) merged into Sở Y tế on 01/03/2025; Xã cũ
    (until 31/12/2024) into Xã Phong Phú; Huyện cũ dissolved without a registering
    successor (into another province's unit)."""
    transport = UnitFactory(
        code="P-SGTVT", name="Sở Giao thông vận tải", kind=UnitKind.DEPARTMENT,
        parent=province.root, valid_to=dt.date(2025, 2, 28),
    )  # fmt: skip
    UnitSuccession.objects.create(
        predecessor=transport, successor=province.health, effective=dt.date(2025, 3, 1),
        kind="merge",
    )  # fmt: skip
    old_commune = UnitFactory(
        code="P-A-OLD", name="Xã cũ", kind=UnitKind.COMMUNE, parent=province.district_a,
        valid_to=dt.date(2024, 12, 31),
    )  # fmt: skip
    UnitSuccession.objects.create(
        predecessor=old_commune, successor=province.commune_a1, effective=dt.date(2025, 1, 1),
        kind="merge",
    )  # fmt: skip
    elsewhere = UnitFactory(code="Z", name="UBND tỉnh mới", kind=UnitKind.PROVINCE)
    old_district = UnitFactory(
        code="P-OLD", name="Huyện cũ", kind=UnitKind.DISTRICT, parent=province.root,
        valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    UnitSuccession.objects.create(
        predecessor=old_district, successor=elsewhere, effective=dt.date(2025, 7, 1),
        kind="dissolve",
    )  # fmt: skip


def test_a_unit_taken_over_by_a_registering_successor_is_not_counted(kh, people, merged):
    rows = {r.unit_name: r for r in registration_compliance(people.secretariat, kh.campaign)}

    assert "Sở Giao thông vận tải" not in rows
    assert "Xã cũ" not in rows
    assert rows["Huyện cũ"].below and rows["Huyện cũ"].ended == dt.date(2025, 6, 30)
    assert rows["Sở Y tế"].ended is None


def test_the_compliance_board_names_the_units_it_leaves_out(kh, people, merged):
    text = page_text(
        signed_in(people.secretariat).get(
            reverse("works:compliance"), {"campaign": kh.campaign.pk, "all": "1"}
        )
    )

    assert "Không tính riêng 2 đơn vị đã sáp nhập, đổi tên trong thời gian phong trào" in text
    assert "Sở Giao thông vận tải → Sở Y tế (từ 01/03/2025)" in text
    assert "Xã cũ → Xã Phong Phú (từ 01/01/2025)" in text
    assert "Huyện cũ (hoạt động đến 30/06/2025)" in text
    assert "8/8 đơn vị chưa đủ số công trình tối thiểu" in text


def test_the_districts_queue_leaves_out_its_merged_commune(kh, people, province, merged):
    _submitted(kh, people, province.commune_a1, people.a1_officer, 0)

    text = page_text(
        signed_in(people.district_a_officer).get(
            reverse("works:queue"), {"campaign": kh.campaign.pk}
        )
    )

    assert "Xã Phong Phú 1/1 1 đã đủ" in text
    assert "Xã cũ" not in text


def test_the_dashboard_does_not_list_a_merged_unit_at_risk(kh, people, merged):
    text = page_text(
        signed_in(people.secretariat).get(
            reverse("reports:dashboard"), {"campaign": kh.campaign.pk}
        )
    )

    assert "Huyện cũ" in text
    assert "Sở Giao thông vận tải" not in text
