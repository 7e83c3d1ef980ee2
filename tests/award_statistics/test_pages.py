"""The statistics page and API: who sees them, what they show, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.factories.award_statistics import StatsPeople, award, known_awards_2025
from tests.factories.organisations import Province
from tests.pages import page_text, signed_in
from thidua.award_statistics.models import AnnualStatistics, ReportState

pytestmark = pytest.mark.django_db

URL = "/thong-ke-khen-thuong/"
API = "/api/v1/statistics/"


def test_secretariat_sees_the_figures_and_the_due_date(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    text = page_text(signed_in(people.secretariat).get(URL, {"year": 2025}))

    assert "Báo cáo thống kê thi đua, khen thưởng năm 2025" in text
    assert "Chiến sĩ thi đua cơ sở 2 0 2 1 1 0 2.000.000" in text
    assert "15/12/2025" in text and "Cài đặt do Ban Thi đua – Khen thưởng xác nhận" in text
    assert "Ghi nhận đã gửi" in text


def test_leader_reads_but_does_not_record(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    text = page_text(signed_in(people.leader).get(URL, {"year": 2025}))

    assert "Chiến sĩ thi đua cơ sở 2 0 2" in text
    assert "Ghi nhận đã gửi" not in text


@pytest.mark.parametrize("who", ["officer", "head"])
def test_a_unit_is_refused(province: Province, forms: None, people: StatsPeople, who: str) -> None:
    known_awards_2025(province)

    response = signed_in(getattr(people, who)).get(URL, {"year": 2025})

    assert response.status_code == 403
    assert "2.000.000" not in response.content.decode()


def test_another_province_sees_nothing_of_this_one(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    response = signed_in(people.other_secretariat).get(
        URL, {"year": 2025, "province": province.root.pk}
    )
    own = page_text(signed_in(people.other_secretariat).get(URL, {"year": 2025}))

    assert response.status_code == 403
    assert "UBND tỉnh Thử" not in response.content.decode()
    assert "UBND tỉnh Khác" in own and "2.000.000" not in own


def test_anonymous_is_sent_to_sign_in(province: Province, forms: None) -> None:
    response = Client().get(URL)

    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_posting_marks_sent(province: Province, forms: None, people: StatsPeople) -> None:
    client = signed_in(people.secretariat)

    client.post(
        URL + "da-gui/",
        {"province": province.root.pk, "year": 2025, "sent_on": "12122025", "reference": "9/BC"},
    )
    text = page_text(client.get(URL, {"year": 2025}))

    report = AnnualStatistics.objects.get()
    assert (report.state, report.sent_on) == (ReportState.SENT, dt.date(2025, 12, 12))
    assert "Đã gửi 12/12/2025 · 9/BC" in text


def test_leader_posting_is_refused_and_writes_nothing(
    province: Province, forms: None, people: StatsPeople
) -> None:
    response = signed_in(people.leader).post(
        URL + "da-gui/", {"province": province.root.pk, "year": 2025, "sent_on": "12/12/2025"}
    )

    assert response.status_code == 403
    assert not AnnualStatistics.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_page_queries_do_not_grow(
    province: Province, forms: None, people: StatsPeople, count: int, django_assert_num_queries
) -> None:
    for n in range(count):
        award(province.health, "cstdcs", dt.date(2025, 4, 1 + n), 1_000_000, kind="individual")
    client = signed_in(people.secretariat)
    client.get(URL, {"year": 2025})  # session, reach

    with django_assert_num_queries(10):
        client.get(URL, {"year": 2025})


def test_api_gives_the_rows_to_the_secretariat_and_leader(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    for user in (people.secretariat, people.leader):
        data = signed_in(user).get(API, {"year": 2025}).json()

        rows = {row["code"]: row for row in data["results"]}
        assert data["province"]["name"] == "UBND tỉnh Thử" and data["year"] == 2025
        assert data["due"] == "2025-12-15" and data["sent"] is False
        assert rows["cstdcs"] == {
            "code": "cstdcs",
            "name": "Chiến sĩ thi đua cơ sở",
            "kind": "title",
            "total": 2,
            "collective": 0,
            "individual": 2,
            "female": 1,
            "direct_worker": 1,
            "household": 0,
            "amount": 2_000_000,
        }


def test_api_refuses_units_other_provinces_and_visitors(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    unit = signed_in(people.officer).get(API, {"year": 2025})
    other = signed_in(people.other_secretariat).get(
        API, {"year": 2025, "province": province.root.pk}
    )
    anonymous = Client().get(API)

    assert unit.status_code == 403 and "results" not in unit.json()
    assert other.status_code == 403 and "UBND tỉnh Thử" not in other.content.decode()
    assert anonymous.status_code in (401, 403)


@pytest.mark.parametrize("count", [1, 3])
def test_api_queries_do_not_grow(
    province: Province, forms: None, people: StatsPeople, count: int, django_assert_num_queries
) -> None:
    for n in range(count):
        award(province.health, "cstdcs", dt.date(2025, 4, 1 + n), 1_000_000, kind="individual")
    client = signed_in(people.secretariat)

    with django_assert_num_queries(8):
        client.get(API, {"year": 2025})
