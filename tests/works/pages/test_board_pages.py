"""The approving levels' and the Ban TĐKT's pages: queue, compliance, register, charts,
works ahead of schedule."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from tests.factories.works import work_in
from tests.pages import page_text, signed_in
from thidua.core.event_time import events_dated
from thidua.works.models import WorkState

QUEUE = reverse("works:queue")


def test_queue_lists_the_districts_submitted_works_and_its_communes(kh, people, province):
    mine = work_in(WorkState.SUBMITTED, kh, people, province, title="Trạm y tế kiểu mẫu")
    draft = work_in(WorkState.DRAFT, kh, people, province, unit=province.commune_a2,
                    actor=people.a2_officer)  # fmt: skip
    other = work_in(WorkState.SUBMITTED, kh, people, province, unit=province.commune_b1,
                    actor=people.b1_officer)  # fmt: skip

    text = page_text(signed_in(people.district_a_officer).get(QUEUE))

    assert "Duyệt đăng ký công trình" in text
    assert "1 công trình chờ duyệt" in text
    assert f"{mine.title} Chờ duyệt Công trình Đơn vị Xã Phong Phú" in text
    assert draft.title not in text and other.title not in text
    assert "Đăng ký của các xã theo 128/KH-UBND" in text
    assert "Xã Phong Phú 1/1 1 đã đủ" in text
    assert "Xã Hòa Ân 0/1 0 còn thiếu 1" in text
    assert "Xã Tập Sơn" not in text


def test_queue_says_when_the_work_was_sent_not_when_its_row_was_last_written(kh, people, province):
    with events_dated(dt.datetime(2025, 2, 3, 14, 30)):
        work_in(WorkState.SUBMITTED, kh, people, province, title="Trạm y tế kiểu mẫu")

    text = page_text(signed_in(people.district_a_officer).get(QUEUE))

    assert "Gửi lúc 03/02/2025 14:30" in text


def test_queue_approve_inline_returns_the_row(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)
    url = reverse("works:queue_approve", args=[work.pk])

    response = signed_in(people.district_a_officer).post(
        url, {"approve-note": ""}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith(
        f'<li class="work-card queue-item queue-item--done" id="queue-work-{work.pk}"'
    )
    assert "Đã duyệt." in page_text(response)
    work.refresh_from_db()
    assert work.state == WorkState.APPROVED


def test_queue_return_inline_needs_reasons_and_says_so_in_the_row(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)
    url = reverse("works:queue_return", args=[work.pk])
    client = signed_in(people.district_a_officer)

    refused = client.post(url, {"return-reason": "Thiếu"}, HTTP_HX_REQUEST="true")
    done = client.post(
        url,
        {"return-reason": "Thiếu dự toán", "return-what_to_fix": "Bổ sung"},
        HTTP_HX_REQUEST="true",
    )

    assert refused.status_code == 422
    assert "Hãy ghi nội dung cần sửa." in page_text(refused)
    assert "Đã trả lại cho đơn vị để sửa." in page_text(done)
    work.refresh_from_db()
    assert work.state == WorkState.RETURNED


def test_queue_other_district_cannot_approve(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)
    url = reverse("works:queue_approve", args=[work.pk])

    page = page_text(signed_in(people.district_b_officer).get(QUEUE))
    response = signed_in(people.district_b_officer).post(url, {}, HTTP_HX_REQUEST="true")

    assert work.title not in page
    assert response.status_code == 404
    work.refresh_from_db()
    assert work.state == WorkState.SUBMITTED


def test_queue_without_htmx_redirects_with_a_message(kh, people, province):
    work = work_in(WorkState.SUBMITTED, kh, people, province)

    response = signed_in(people.district_a_officer).post(
        reverse("works:queue_approve", args=[work.pk]), {}, follow=True
    )

    assert f"Đã duyệt: {work.title}" in page_text(response)
    assert "Không có công trình nào chờ bạn duyệt." in page_text(response)


def test_queue_is_closed_to_a_provincial_leader(kh, people):
    response = signed_in(people.leader).get(QUEUE)

    assert response.status_code == 403
    assert "Không có quyền truy cập" in page_text(response)


def test_compliance_board_groups_units_below_minimum(kh, people, province):
    work_in(WorkState.SUBMITTED, kh, people, province)
    work_in(WorkState.SUBMITTED, kh, people, province, unit=province.district_a,
            actor=people.district_a_officer)  # fmt: skip

    response = signed_in(people.secretariat).get(reverse("works:compliance"))

    text = page_text(response)
    assert "Theo dõi đăng ký công trình" in text
    assert "6/7 đơn vị chưa đủ số công trình tối thiểu" in text
    assert "Huyện, thị xã, thành phố 2/2 đơn vị chưa đủ · 1 công trình đã đăng ký" in text
    assert "Huyện Cầu Kè 1/2 chưa đủ" in text and "Huyện Trà Cú 0/2 chưa đủ" in text
    assert "Xã, phường, thị trấn 2/3 đơn vị chưa đủ · 1 công trình đã đăng ký" in text
    assert "Huyện Cầu Kè 1/2 đơn vị chưa đủ Xã Hòa Ân 0/1 chưa đủ" in text
    assert "Xã Phong Phú 1/1" not in text  # only units below the minimum, unless asked
    assert "Xã Phong Phú 1/1 đã đủ" in page_text(
        signed_in(people.secretariat).get(reverse("works:compliance") + "?all=1")
    )


def test_compliance_board_is_for_the_secretariat_and_leaders(kh, people):
    officer = signed_in(people.district_a_officer).get(reverse("works:compliance"))
    leader = signed_in(people.leader).get(reverse("works:compliance"))

    assert officer.status_code == 403
    assert "Không có quyền truy cập" in page_text(officer)
    assert "Theo dõi đăng ký công trình" in page_text(leader)


def test_register_filters_and_carries_them_to_the_excel_export(kh, people, province):
    school = work_in(WorkState.IN_PROGRESS, kh, people, province, title="Trường mẫu giáo Hoa Sen")
    road = work_in(WorkState.SUBMITTED, kh, people, province, title="Cầu bê tông kênh Ba Sơn")
    client = signed_in(people.secretariat)

    everything = page_text(client.get(reverse("works:register")))
    found = client.get(
        reverse("works:register"), {"q": "truong mau giao", "state": "in_progress", "page": "1"}
    )

    assert "2 công trình" in everything and school.title in everything and road.title in everything
    text = page_text(found)
    assert "1 công trình" in text and school.title in text and road.title not in text
    export = re.search(r'href="([^"]*/excel/xuat/[^"]*)"', found.content.decode()).group(1)
    query = parse_qs(urlsplit(export.replace("&amp;", "&")).query)
    assert query == {
        "q": ["truong mau giao"],
        "state": ["in_progress"],
        "campaign": [str(kh.campaign.pk)],
    }


def test_register_htmx_returns_only_the_results(kh, people, province):
    work_in(WorkState.SUBMITTED, kh, people, province)

    response = signed_in(people.secretariat).get(
        reverse("works:register"), {"late": "0"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="register-results"')
    assert "1 công trình" in page_text(response)


def test_register_of_a_commune_officer_holds_only_its_works(kh, people, province):
    mine = work_in(WorkState.SUBMITTED, kh, people, province)
    other = work_in(WorkState.SUBMITTED, kh, people, province, unit=province.commune_a2,
                    actor=people.a2_officer)  # fmt: skip

    text = page_text(signed_in(people.a1_officer).get(reverse("works:register")))

    assert mine.title in text and other.title not in text


def test_charts_count_states_per_district_and_area_in_svg(kh, people, province):
    work_in(WorkState.COMPLETED, kh, people, province, content_area=kh.area)
    work_in(WorkState.IN_PROGRESS, kh, people, province, unit=province.commune_b1,
            actor=people.b1_officer)  # fmt: skip
    work_in(WorkState.SUBMITTED, kh, people, province, unit=province.health,
            actor=people.health_officer)  # fmt: skip

    response = signed_in(people.secretariat).get(reverse("works:charts"))

    text = page_text(response)
    assert "Huyện Cầu Kè 1 công trình Hoàn thành 1 Tiến độ bình quân 100 %" in text
    assert "Huyện Trà Cú 1 công trình Đang thực hiện 1 Tiến độ bình quân 0 %" in text
    assert "Cấp tỉnh, sở, ban, ngành 1 công trình Chờ duyệt 1 Tiến độ bình quân —" in text
    assert "ND2. Đầu tư xây dựng hệ thống kết cấu hạ tầng kinh tế - xã hội 1 công trình" in text
    assert "Chưa chọn nội dung thi đua 2 công trình" in text
    html = response.content.decode()
    assert 'aria-label="Huyện Cầu Kè — Hoàn thành: 1"' in html
    assert '<rect class="chart__seg chart__seg--completed" x="0.00" y="0" width="100.00"' in html
    assert 'class="chart__seg chart__seg--submitted" x="0.00" y="0" width="50.00"' in html


def test_ahead_lists_works_finished_before_their_planned_finish(kh, people, province):
    ahead = work_in(WorkState.COMPLETED, kh, people, province, phase=kh.phase1)  # 20/02 < 30/06
    late = work_in(WorkState.IN_PROGRESS, kh, people, province,
                   planned_finish=dt.date(2025, 2, 1))  # fmt: skip

    response = signed_in(people.secretariat).get(reverse("works:ahead"))

    text = page_text(response)
    assert "1 công trình vượt tiến độ" in text
    assert f"{ahead.title} Công trình Đợt 1 sớm 130 ngày" in text
    assert "Hoàn thành thực tế 20/02/2025" in text
    assert late.title not in text
    assert "ahead=1" in response.content.decode()
    phase2 = page_text(
        signed_in(people.secretariat).get(reverse("works:ahead"), {"phase": kh.phase2.pk})
    )
    assert "0 công trình vượt tiến độ" in phase2


def test_queue_of_the_secretariat_holds_district_works_not_communes(kh, people, province):
    district_work = work_in(WorkState.SUBMITTED, kh, people, province,
                            unit=province.district_a, actor=people.district_a_officer)  # fmt: skip
    commune_work = work_in(WorkState.SUBMITTED, kh, people, province)
    client = signed_in(people.secretariat)

    text = page_text(client.get(QUEUE))
    response = client.post(
        reverse("works:queue_approve", args=[district_work.pk]), {}, HTTP_HX_REQUEST="true"
    )

    assert district_work.title in text and commune_work.title not in text
    assert "Đã duyệt." in page_text(response)
    district_work.refresh_from_db()
    assert district_work.state == WorkState.APPROVED
