"""Works against the campaign's calendar (issue 12, item 2): refused when wholly outside the
campaign period, registered with warnings when they only partly fit — at every door (the
service, the form, the Excel import, the API) — and flagged in the approver's queue.

The campaign of ``kh`` runs 11/2024 – 30/09/2025 (Đợt 1 to 30/04/2025, Đợt 2 to 30/09/2025),
registration deadline 15/01/2025; today is 01/03/2025.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories.works import advance, register
from tests.pages import page_text, signed_in
from thidua.core.errors import DomainError
from thidua.works import services
from thidua.works.excel import FIRST_DATA_ROW, registration_import, registration_template
from thidua.works.models import Work, WorkState
from thidua.works.timing import TimingFlag, timing_warnings, work_timing_warnings

pytestmark = pytest.mark.django_db

D = dt.date


def _flags(kh, *, start: dt.date, finish: dt.date, on: dt.date, phase=None) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        w.flag
        for w in timing_warnings(
            campaign=kh.campaign,
            phase=phase,
            planned_start=start,
            planned_finish=finish,
            registered_on=on,
        )
    ]


# --- The service: one check for every door ---------------------------------------------


def test_a_work_wholly_after_the_campaign_is_refused(kh, people, province):
    # The case of the issue: 15/01/2026 – 30/06/2026 under Đợt 2, which ends 30/09/2025.
    with pytest.raises(DomainError) as refused:
        register(
            people.a1_officer,
            kh,
            province.commune_a1,
            planned_start=D(2026, 1, 15),
            planned_finish=D(2026, 6, 30),
            phase=kh.phase2,
        )

    assert refused.value.code == "outside_campaign"
    assert refused.value.field == "planned_finish"
    assert refused.value.message.startswith(
        "Thời gian thực hiện (15/01/2026 – 30/06/2026) nằm ngoài thời gian của phong trào "
        "(01/11/2024 – 30/09/2025): công trình không được tính cho phong trào này."
    )
    assert not Work.objects.exists()


@pytest.mark.parametrize(
    ("start", "finish", "refused"),
    [
        (D(2024, 9, 1), D(2024, 10, 31), True),  # finishes the day before the campaign
        (D(2024, 9, 1), D(2024, 11, 1), False),  # finishes on its first day (11/2024)
        (D(2025, 9, 30), D(2025, 12, 31), False),  # starts on its last day
        (D(2025, 10, 1), D(2025, 12, 31), True),  # starts the day after
    ],
)
def test_the_campaign_period_boundaries(kh, people, province, start, finish, refused):
    def create() -> Work:
        return register(
            people.a1_officer, kh, province.commune_a1, planned_start=start, planned_finish=finish
        )

    if refused:
        with pytest.raises(DomainError, match="nằm ngoài thời gian của phong trào"):
            create()
        assert not Work.objects.exists()
    else:
        assert create().planned_finish == finish


def test_a_work_that_partly_fits_is_saved_with_its_warnings(kh, people, province):
    work = register(
        people.a1_officer,
        kh,
        province.commune_a1,
        planned_start=D(2025, 3, 1),
        planned_finish=D(2025, 12, 31),
        phase=kh.phase1,
    )

    warnings = work_timing_warnings(work)

    assert [w.flag for w in warnings] == [
        TimingFlag.FINISHES_AFTER_CAMPAIGN,
        TimingFlag.FINISHES_AFTER_PHASE,
        TimingFlag.REGISTERED_AFTER_DEADLINE,
    ]
    assert [w.message for w in warnings] == [
        "Hoàn thành sau khi phong trào kết thúc (30/09/2025).",
        "Hoàn thành sau khi Đợt 1 kết thúc (30/04/2025), không kịp chào mừng đợt này.",
        "Đăng ký sau hạn đăng ký của phong trào (15/01/2025).",
    ]


def test_warnings_boundaries(kh):
    within = _flags(
        kh, start=D(2025, 1, 1), finish=D(2025, 4, 30), on=D(2025, 1, 15), phase=kh.phase1
    )
    past_phase = _flags(
        kh, start=D(2025, 1, 1), finish=D(2025, 5, 1), on=D(2025, 1, 15), phase=kh.phase1
    )
    late_day = _flags(kh, start=D(2025, 1, 1), finish=D(2025, 4, 30), on=D(2025, 1, 16))
    after_end = _flags(kh, start=D(2025, 1, 1), finish=D(2025, 9, 30), on=D(2025, 10, 1))
    already = _flags(kh, start=D(2024, 12, 1), finish=D(2025, 1, 9), on=D(2025, 1, 10))
    same_day = _flags(kh, start=D(2024, 12, 1), finish=D(2025, 1, 10), on=D(2025, 1, 10))

    assert within == []
    assert past_phase == [TimingFlag.FINISHES_AFTER_PHASE]
    assert late_day == [TimingFlag.REGISTERED_AFTER_DEADLINE]
    assert after_end == [TimingFlag.REGISTERED_AFTER_CAMPAIGN, TimingFlag.FINISH_ALREADY_PASSED]
    assert already == [TimingFlag.FINISH_ALREADY_PASSED]
    assert same_day == []


def test_editing_a_draft_out_of_the_campaign_is_refused(kh, people, province):
    work = register(people.a1_officer, kh, province.commune_a1)
    data = services.WorkData(
        kind=work.kind,
        title=work.title,
        planned_start=D(2026, 1, 15),
        planned_finish=D(2026, 6, 30),
    )

    with pytest.raises(DomainError) as refused:
        services.work_update(actor=people.a1_officer, work=work, data=data)

    assert refused.value.code == "outside_campaign"
    work.refresh_from_db()
    assert work.planned_finish == D(2025, 6, 30)


def test_a_change_request_out_of_the_campaign_is_refused(kh, people, province):
    work = advance(
        register(people.a1_officer, kh, province.commune_a1),
        WorkState.APPROVED,
        unit_actor=people.a1_officer,
        approver=people.district_a_officer,
    )

    with pytest.raises(DomainError) as refused:
        services.change_request_create(
            actor=people.a1_officer,
            work=work,
            changes={"planned_start": "2026-01-15", "planned_finish": "2026-06-30"},
            reason="Chưa bố trí được vốn",
        )

    assert refused.value.code == "outside_campaign"
    assert not work.change_requests.exists()


# --- The form, the queue, the API, the Excel import ------------------------------------


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "kind": "construction",
        "title": "Đường bê tông ấp Trà Kha",
        "planned_start": "01/03/2025",
        "planned_finish": "30/06/2025",
    }
    data.update(overrides)
    return data


def test_the_form_refuses_beside_the_finish_and_warns_after_saving(kh, people, province):
    client = signed_in(people.a1_officer)
    url = reverse("works:create", args=[kh.campaign.pk, province.commune_a1.pk])

    page = client.get(url)
    outside = client.post(url, _form(planned_start="15/01/2026", planned_finish="30/06/2026"))
    saved = client.post(
        url,
        _form(phase=str(kh.phase1.pk), planned_finish="31/05/2025", submit_now="1"),
        follow=True,
    )

    assert "Phong trào diễn ra từ 01/11/2024 đến 30/09/2025" in page_text(page)
    assert "Đợt 1 kết thúc 30/04/2025. Đợt 2 kết thúc 30/09/2025. Hạn đăng ký: 15/01/2025." in (
        page_text(page)
    )
    assert outside.status_code == 200
    assert not Work.objects.filter(planned_finish=D(2026, 6, 30)).exists()
    html = outside.content.decode()
    finish_field = html[html.index('id="id_planned_finish"') :]
    assert "nằm ngoài thời gian của phong trào" in finish_field[:2000]
    text = page_text(saved)
    assert "Đã lưu, nhưng thời gian chưa khớp với phong trào:" in text
    assert "Hoàn thành sau khi Đợt 1 kết thúc (30/04/2025)" in text
    assert Work.objects.get().state == WorkState.SUBMITTED


def test_the_approvers_queue_flags_the_work(kh, people, province):
    flagged = register(
        people.a1_officer, kh, province.commune_a1, planned_finish=D(2025, 12, 31), phase=kh.phase2
    )
    services.work_submit(actor=people.a1_officer, work=flagged)

    queue = page_text(signed_in(people.district_a_officer).get(reverse("works:queue")))
    detail = page_text(signed_in(people.district_a_officer).get(f"/cong-trinh/{flagged.pk}/"))

    assert "Thời gian chưa khớp với phong trào:" in queue
    assert "Hoàn thành sau khi phong trào kết thúc (30/09/2025)." in queue
    assert "Hoàn thành sau khi Đợt 2 kết thúc (30/09/2025)" in queue
    assert "Hoàn thành sau khi phong trào kết thúc (30/09/2025)." in detail


def _api(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_refuses_and_warns_alike(kh, people, province):
    body = {
        "campaign": kh.campaign.pk,
        "unit": province.commune_a1.pk,
        "kind": "construction",
        "title": "Đường giao thông nông thôn ấp Trà Kha",
        "planned_start": "2026-01-15",
        "planned_finish": "2026-06-30",
        "phase": kh.phase2.pk,
    }
    client = _api(people.a1_officer)

    refused = client.post("/api/v1/works/", body, format="json")
    saved = client.post(
        "/api/v1/works/",
        {**body, "planned_start": "2025-06-01", "planned_finish": "2025-10-31"},
        format="json",
    )

    assert refused.status_code == 400
    assert refused.json()["code"] == "outside_campaign"
    assert saved.status_code == 201
    assert [w["flag"] for w in saved.json()["timing_warnings"]] == [
        "finishes_after_campaign",
        "finishes_after_phase",
        "registered_after_deadline",
    ]


def _excel(kh, unit, rows: list[list[object]]) -> bytes:  # type: ignore[no-untyped-def]
    workbook = openpyxl.load_workbook(io.BytesIO(registration_template(kh.campaign, unit)))
    sheet = workbook["Đăng ký"]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(row=FIRST_DATA_ROW + offset, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _row(n: int, title: str, start: str, finish: str) -> list[object]:
    return [n, "Công trình", title, None, None, None, None, None, start, finish, None, None]


def test_the_excel_import_refuses_and_warns_alike(kh, people, province):
    unit = province.commune_a1
    outside = _excel(kh, unit, [_row(1, "Cầu bê tông kênh Ba Sơn", "15/01/2026", "30/06/2026")])
    partly = _excel(kh, unit, [_row(1, "Cầu bê tông kênh Ba Sơn", "01/06/2025", "31/10/2025")])

    refused = registration_import(
        actor=people.a1_officer, campaign=kh.campaign, unit=unit, content=outside
    )
    saved = registration_import(
        actor=people.a1_officer, campaign=kh.campaign, unit=unit, content=partly
    )

    [error] = [str(e) for e in refused.errors]
    assert error.startswith(
        f"Dòng {FIRST_DATA_ROW}, cột “Ngày hoàn thành”: Thời gian thực hiện (15/01/2026 – 30/06/2026)"
    )
    assert saved.created == 1
    assert [str(w) for w in saved.warnings] == [
        f"Dòng {FIRST_DATA_ROW}: Hoàn thành sau khi phong trào kết thúc (30/09/2025). "
        "Đăng ký sau hạn đăng ký của phong trào (15/01/2025)."
    ]
