"""The Ban TĐKT's year calendar: the deadlines each app registers, who is late on both
sides of a deadline, permissions and leaks, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.factories import UnitFactory
from tests.factories.award_statistics import StatsPeople
from tests.factories.organisations import Province
from tests.factories.registrations import people_of, registration_in
from tests.factories.reports import at
from tests.factories.year_calendar import CalendarWorld, calendar_world
from tests.pages import page_text, signed_in
from thidua.award_statistics.workflow import statistics_mark_sent
from thidua.awards.loading import award_forms_load_shipped
from thidua.core.deadlines import year_deadlines
from thidua.organisations.models import UnitKind
from thidua.registrations.models import RegistrationState

pytestmark = pytest.mark.django_db

URL = "/lich-cong-viec/"


def _by_title(province: Province, year: int, today: dt.date) -> dict[str, object]:
    return {d.title: d for d in year_deadlines(province.root, year, today=today)}


def test_the_year_lists_every_apps_deadlines_by_day(
    province: Province, world: CalendarWorld
) -> None:
    deadlines = year_deadlines(province.root, 2026, today=dt.date(2026, 12, 7))

    assert [(d.day, d.title) for d in deadlines] == [
        (dt.date(2026, 3, 15), "Các đơn vị nộp đăng ký thi đua năm 2026"),
        (dt.date(2026, 6, 30), "Kết thúc Đợt 1 – 55/KH-UBND"),
        (dt.date(2026, 9, 15), "Nộp báo cáo Quý 3/2026 – 55/KH-UBND"),
        (dt.date(2026, 12, 10), "Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm 2026"),
        (dt.date(2026, 12, 15), "Gửi báo cáo thống kê thi đua, khen thưởng năm 2026"),
        (dt.date(2026, 12, 15), "Nộp báo cáo Quý 4/2026 – 55/KH-UBND"),
        (dt.date(2026, 12, 31), "Kết thúc Đợt 2 – 55/KH-UBND"),
    ]
    dossier = deadlines[3]
    assert dossier.setting and dossier.late_count is None
    assert "Cài đặt do Ban Thi đua – Khen thưởng xác nhận" in dossier.source
    assert deadlines[1].source == "Kế hoạch 55/KH-UBND"


def test_a_report_period_names_the_late_unit_only_after_its_day(
    province: Province, world: CalendarWorld
) -> None:
    on_the_day = _by_title(province, 2026, dt.date(2026, 9, 15))[
        "Nộp báo cáo Quý 3/2026 – 55/KH-UBND"
    ]
    next_day = _by_title(province, 2026, dt.date(2026, 9, 16))[
        "Nộp báo cáo Quý 3/2026 – 55/KH-UBND"
    ]

    assert (on_the_day.late, on_the_day.late_count) == ((), 0)  # type: ignore[attr-defined]
    assert (next_day.late, next_day.late_count) == (("Sở Y tế",), 1)  # type: ignore[attr-defined]


def test_the_registration_names_the_units_not_submitted_only_after_its_day(
    province: Province,
) -> None:
    award_forms_load_shipped()
    people = people_of(province)
    registration_in(
        RegistrationState.SUBMITTED, province.health, people.health_officer, people.health_head
    )
    title = "Các đơn vị nộp đăng ký thi đua năm 2026"

    on_the_day = _by_title(province, 2026, dt.date(2026, 3, 15))[title]
    next_day = _by_title(province, 2026, dt.date(2026, 3, 16))[title]

    assert (on_the_day.late, on_the_day.late_count) == ((), 0)  # type: ignore[attr-defined]
    assert "Sở Y tế" not in next_day.late  # type: ignore[attr-defined]  # submitted
    assert "Xã Phong Phú" in next_day.late  # type: ignore[attr-defined]
    assert next_day.late_count == len(next_day.late)  # type: ignore[attr-defined]
    assert "không văn bản luật nào ấn định ngày" in next_day.source  # type: ignore[attr-defined]


def test_the_statistical_report_is_late_until_recorded_sent(
    province: Province, people: StatsPeople
) -> None:
    title = "Gửi báo cáo thống kê thi đua, khen thưởng năm 2025"
    before = _by_title(province, 2025, dt.date(2025, 12, 15))[title]
    after = _by_title(province, 2025, dt.date(2025, 12, 16))[title]
    statistics_mark_sent(
        actor=people.secretariat, province=province.root, year=2025, sent_on=dt.date(2025, 12, 20)
    )
    sent = _by_title(province, 2025, dt.date(2026, 12, 7))[title]

    assert before.late_count == 0  # type: ignore[attr-defined]
    assert after.late == ("UBND tỉnh Thử",)  # type: ignore[attr-defined]
    assert sent.late_count == 0  # type: ignore[attr-defined]


def test_the_dossier_date_is_a_setting(province: Province, settings) -> None:  # type: ignore[no-untyped-def]
    settings.THIDUA_ANNUAL_DOSSIER_DUE = "05/12"

    titles = _by_title(province, 2026, dt.date(2026, 12, 7))

    assert titles["Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm 2026"].day == dt.date(2026, 12, 5)  # type: ignore[attr-defined]


def test_another_provinces_campaign_is_not_listed(province: Province, world: CalendarWorld) -> None:
    other = UnitFactory(code="Z", name="UBND tỉnh Z", kind=UnitKind.PROVINCE)

    titles = [d.title for d in year_deadlines(other, 2026, today=dt.date(2026, 12, 7))]

    assert not any("55/KH-UBND" in title for title in titles)


def test_page_shows_deadlines_and_late_units(
    province: Province, world: CalendarWorld, people: StatsPeople
) -> None:
    with at(2026, 12, 7):
        text = page_text(signed_in(people.secretariat).get(URL, {"year": 2026}))

    assert "Lịch công việc năm 2026" in text and "Hôm nay 07/12/2026." in text
    assert "15/09/2026 Đã qua Nộp báo cáo Quý 3/2026 – 55/KH-UBND" in text
    assert "Trễ hạn: 1 đơn vị Sở Y tế" in text
    assert "10/12/2026 Sắp tới Hạn nộp hồ sơ đề nghị khen thưởng tổng kết năm 2026" in text
    assert "Chưa theo dõi đơn vị trễ hạn cho việc này." in text  # Đợt 1's end


def test_leader_sees_the_calendar(
    province: Province, world: CalendarWorld, people: StatsPeople
) -> None:
    with at(2026, 12, 7):
        text = page_text(signed_in(people.leader).get(URL, {"year": 2026}))

    assert "Nộp báo cáo Quý 3/2026 – 55/KH-UBND" in text


@pytest.mark.parametrize("who", ["officer", "head"])
def test_a_unit_is_refused(
    province: Province, world: CalendarWorld, people: StatsPeople, who: str
) -> None:
    response = signed_in(getattr(people, who)).get(URL, {"year": 2026})

    assert response.status_code == 403
    assert "55/KH-UBND" not in response.content.decode()


def test_another_provinces_secretariat_sees_nothing_of_this_one(
    province: Province, world: CalendarWorld, people: StatsPeople
) -> None:
    refused = signed_in(people.other_secretariat).get(
        URL, {"year": 2026, "province": province.root.pk}
    )
    own = signed_in(people.other_secretariat).get(URL, {"year": 2026})

    assert refused.status_code == 403 and "55/KH-UBND" not in refused.content.decode()
    assert "55/KH-UBND" not in own.content.decode() and "Sở Y tế" not in page_text(own)


def test_anonymous_is_sent_to_sign_in() -> None:
    response = Client().get(URL)

    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_list_paginates(province: Province, people: StatsPeople) -> None:
    for n in range(8):
        calendar_world(province, code=f"kh-{n}")

    with at(2026, 12, 7):
        first = page_text(signed_in(people.secretariat).get(URL, {"year": 2026}))
        second = page_text(signed_in(people.secretariat).get(URL, {"year": 2026, "page": 2}))

    assert "Trang 1/2" in first and "Trang 2/2" in second
    assert first.count("Đã qua") + first.count("Sắp tới") == 20


@pytest.mark.parametrize("campaigns", [1, 3])
def test_page_queries_do_not_grow(
    province: Province, people: StatsPeople, campaigns: int, django_assert_num_queries
) -> None:
    for n in range(campaigns):
        calendar_world(province, code=f"kh-{n}")
    client = signed_in(people.secretariat)

    with at(2026, 12, 7), django_assert_num_queries(12):
        client.get(URL, {"year": 2026})


def test_home_links_the_calendar_for_the_board_only(
    province: Province, people: StatsPeople
) -> None:
    board = signed_in(people.secretariat).get("/").content.decode()
    unit = signed_in(people.officer).get("/").content.decode()

    assert 'href="/lich-cong-viec/"' in board and 'href="/thong-ke-khen-thuong/"' in board
    assert "/lich-cong-viec/" not in unit and "/thong-ke-khen-thuong/" not in unit
