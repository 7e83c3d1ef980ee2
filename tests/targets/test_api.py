"""Targets through the API: pushing values with a token, bad input, filters, leaks, N+1,
and the evaluation endpoint."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import CampaignFactory, Province, TargetFactory
from tests.factories.targets import Kh, People
from thidua.accounts.models import User
from thidua.targets.models import Target, TargetValue

VALUES = "/api/v1/target-values/"
TARGETS = "/api/v1/targets/"
SOURCE = "https://consosukien.vn/tra-vinh-tang-truong-dan-dau-vung-dong-bang-song-cuu-long.htm"


def client_for(user: User) -> APIClient:
    """An API client sending the user's token, as a statistics office's program would."""
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def body(kh: Kh, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "target": "T01",
        "campaign": kh.campaign.pk,
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "value": 10.04,
        "is_estimate": True,
        "source": SOURCE,
    }
    values.update(overrides)
    return values


def stored(target: Target, amount: str, year: int, **fields: Any) -> TargetValue:
    return TargetValue.objects.create(
        target=target, unit=target.unit or target.campaign.issuer_unit,
        period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
        label=f"Năm {year}", value=Decimal(amount), source="Cục Thống kê tỉnh", **fields,
    )  # fmt: skip


# --- Writing


def test_post_value_as_secretariat_creates_it(kh: Kh, people: People, province: Province):
    response = client_for(people.secretariat).post(VALUES, body(kh), format="json")

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["target"] == {
        "id": kh.growth.pk, "campaign": kh.campaign.pk, "unit": None, "code": "T01",
        "indicator": "Tốc độ tăng trưởng GRDP năm 2024", "measure_unit": "%",
    }  # fmt: skip
    assert (data["value"], data["label"], data["is_estimate"], data["source"]) == (
        10.04,
        "Năm 2024",
        True,
        SOURCE,
    )
    assert (data["period_start"], data["period_end"], data["achieved_on"]) == (
        "2024-01-01",
        "2024-12-31",
        None,
    )
    assert data["unit"] == {"id": province.root.pk, "code": "P", "name": "UBND tỉnh Thử"}
    assert data["reported_by"] == str(people.secretariat)
    assert TargetValue.objects.get().value == Decimal("10.04")


def test_post_same_period_again_updates_it(kh: Kh, people: People):
    client = client_for(people.secretariat)
    client.post(VALUES, body(kh, value=10.27), format="json")

    response = client.post(VALUES, body(kh, target=str(kh.growth.pk), campaign=None), format="json")

    assert response.status_code == 200, response.content
    assert response.json()["value"] == 10.04
    assert TargetValue.objects.count() == 1


def test_post_value_as_commune_officer_is_forbidden(kh: Kh, people: People):
    response = client_for(people.a1_officer).post(VALUES, body(kh), format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert "Ban Thi đua - Khen thưởng" in response.json()["detail"]
    assert not TargetValue.objects.exists()


def test_post_own_target_value_as_the_unit(kh: Kh, people: People, province: Province):
    payload = body(kh, target=kh.district_jobs.pk, campaign=None, value=1620, is_estimate=False)

    response = client_for(people.district_a_head).post(VALUES, payload, format="json")

    assert response.status_code == 201, response.content
    assert (response.json()["value"], response.json()["unit"]["code"]) == (1620, "P-A")


def test_post_milestone_day(kh: Kh, people: People):
    payload = body(kh, target="T07", value=None, achieved_on="2024-12-02", is_estimate=False)

    response = client_for(people.secretariat).post(VALUES, payload, format="json")

    assert response.status_code == 201, response.content
    assert (response.json()["value"], response.json()["achieved_on"]) == (None, "2024-12-02")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"period_end": "31/12/2024"}, "period_end", "Ngày không hợp lệ: dùng dạng YYYY-MM-DD"),
        ({"value": "mười"}, "value", "Phải là một số"),
        ({"value": 10.04001}, "value", "Giá trị có tối đa 4 chữ số thập phân."),
        ({"source": ""}, "source", "Trường này không được để trống."),
        ({"source": "   "}, "source", "Trường này không được để trống."),
        ({"campaign": None}, "campaign", "Ghi id phong trào khi chỉ tiêu được nêu bằng mã."),
        ({"target": "T 01"}, "target", "Phải là id hoặc mã chỉ tiêu"),
        ({"target": "T99"}, "target", "Không tìm thấy chỉ tiêu T99."),
        ({"target": "999999"}, "target", "Không tìm thấy chỉ tiêu 999999."),
        ({"unit": 999999}, "unit", "Không tìm thấy đơn vị 999999."),
        ({"is_estimate": "có"}, "is_estimate", "Phải là true hoặc false."),
    ],
)
def test_post_bad_input_is_refused_in_vietnamese(kh: Kh, people: People, overrides, field, message):
    payload = {k: v for k, v in body(kh, **overrides).items() if v is not None}

    response = client_for(people.secretariat).post(VALUES, payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert any(message in text for text in response.json()["errors"][field]), response.json()
    assert not TargetValue.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": None, "achieved_on": "2024-12-02"}, "Chỉ tiêu T01 cần giá trị số"),
        ({"target": "T07"}, "Chỉ tiêu T07 là mốc hoàn thành"),
        (
            {"period_start": "2025-01-01", "period_end": "2025-12-31", "is_estimate": False},
            "chỉ ghi được số ước tính",
        ),
    ],
)
def test_post_value_the_rules_refuse_answers_400(kh: Kh, people: People, overrides, message):
    response = client_for(people.secretariat).post(VALUES, body(kh, **overrides), format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_target_value"
    assert message in response.json()["detail"]


def test_post_target_of_a_sibling_is_not_found(kh: Kh, people: People):
    payload = body(kh, target=kh.district_jobs.pk, campaign=None)

    response = client_for(people.district_b_head).post(VALUES, payload, format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["target"] == [
        f"Không tìm thấy chỉ tiêu {kh.district_jobs.pk}."
    ]


# --- Reading


def test_list_values_with_filters(kh: Kh, people: People, province: Province):
    growth = stored(kh.growth, "10.04", 2024, is_estimate=True)
    jobs = stored(kh.jobs, "22000", 2024)
    own = stored(kh.district_jobs, "1620", 2024)
    other = CampaignFactory(issuer_unit=province.root, code="khac")
    elsewhere = stored(TargetFactory(campaign=other, code="T01"), "9", 2024)
    client = client_for(people.district_a_head)

    def ids(**params: Any) -> list[int]:
        response = client.get(VALUES, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [growth.pk, jobs.pk, own.pk, elsewhere.pk]
    assert ids(campaign=kh.campaign.pk) == [growth.pk, jobs.pk, own.pk]
    assert ids(campaign=kh.campaign.pk, target="T10") == [jobs.pk, own.pk]
    assert ids(target="T01") == [growth.pk, elsewhere.pk]
    assert ids(target=kh.jobs.pk) == [jobs.pk]
    assert ids(unit=province.district_a.pk) == [own.pk]
    row = client.get(VALUES, {"target": kh.growth.pk}).json()["results"][0]
    assert (row["value"], row["is_estimate"], row["source"]) == (10.04, True, "Cục Thống kê tỉnh")


def test_list_values_hides_a_sibling_units_own(kh: Kh, people: People):
    stored(kh.district_jobs, "1620", 2024)

    response = client_for(people.district_b_head).get(VALUES, {"target": "T10"})

    assert response.json()["count"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [({"campaign": "abc"}, "campaign"), ({"unit": "-1"}, "unit"), ({"target": "T 01"}, "target")],
)
def test_list_values_bad_filter_is_400(kh: Kh, people: People, params, field):
    response = client_for(people.secretariat).get(VALUES, params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_list_values_requires_a_token(kh: Kh):
    response = APIClient().get(VALUES)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def count_queries(client: APIClient, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len(queries)


def test_list_values_queries_do_not_grow(kh: Kh, people: People):
    client = client_for(people.district_a_head)
    stored(kh.growth, "10.04", 2024, reported_by=people.secretariat)
    one = count_queries(client, VALUES)
    stored(kh.jobs, "22000", 2024, reported_by=people.admin)
    stored(kh.district_jobs, "1620", 2024, reported_by=people.district_a_head)

    three = count_queries(client, VALUES)

    assert client.get(VALUES).json()["count"] == 3
    assert one == three == 4  # token, memberships (reach), count, page


def test_list_targets_queries_do_not_grow(kh: Kh, people: People, province: Province):
    client = client_for(people.a1_officer)
    mine = f"{TARGETS}?campaign={kh.campaign.pk}&unit={province.commune_a1.pk}"
    TargetFactory(campaign=kh.campaign, unit=province.commune_a1, code="A1")
    one = count_queries(client, mine)
    for code in ("A2", "A3"):
        TargetFactory(campaign=kh.campaign, unit=province.commune_a1, code=code)

    three = count_queries(client, mine)

    rows = client.get(TARGETS, {"campaign": kh.campaign.pk}).json()["results"]
    assert [(r["code"], r["unit"]) for r in rows] == [
        ("T01", None), ("T07", None), ("T10", None),
        ("A1", province.commune_a1.pk), ("A2", province.commune_a1.pk),
        ("A3", province.commune_a1.pk),
    ]  # fmt: skip
    assert one == three == 4  # token, memberships, count, page


# --- Evaluation


def test_evaluation_numbers(kh: Kh, people: People):
    stored(kh.jobs, "22000", 2024)
    stored(kh.growth, "10.04", 2024, is_estimate=True)
    client = client_for(people.a1_officer)

    jobs = client.get(f"{TARGETS}{kh.jobs.pk}/evaluation/")
    growth = client.get(f"{TARGETS}{kh.growth.pk}/evaluation/", {"as_of": "2025-01-15"})

    assert jobs.status_code == 200, jobs.content
    assert {k: v for k, v in jobs.json().items() if k != "target"} == {
        "as_of": "2025-03-01", "status": "not_met", "status_label": "Chưa đạt",
        "measured": 22000, "values_used": 1, "forecast": 22000,
        "forecast_status": "not_met", "forecast_status_label": "Chưa đạt", "warning": True,
    }  # fmt: skip
    assert jobs.json()["target"]["code"] == "T10"
    assert {k: growth.json()[k] for k in ("as_of", "status", "measured", "warning")} == {
        "as_of": "2025-01-15", "status": "met", "measured": 10.04, "warning": False,
    }  # fmt: skip


def test_evaluation_of_a_milestone_without_data(kh: Kh, people: People):
    response = client_for(people.a1_officer).get(
        f"{TARGETS}{kh.rural.pk}/evaluation/", {"as_of": "2024-12-31"}
    )

    assert (response.json()["status"], response.json()["status_label"]) == (
        "no_data",
        "Chưa đủ dữ liệu",
    )
    assert (response.json()["measured"], response.json()["forecast"]) == (None, None)


def test_evaluation_of_an_invisible_target_is_404(kh: Kh, people: People):
    client = client_for(people.district_b_head)

    hidden = client.get(f"{TARGETS}{kh.district_jobs.pk}/evaluation/")
    missing = client.get(f"{TARGETS}999999/evaluation/")
    bad = client.get(f"{TARGETS}abc/evaluation/")

    assert hidden.status_code == missing.status_code == bad.status_code == 404
    assert hidden.json() == missing.json()


def test_evaluation_bad_date_is_400(kh: Kh, people: People):
    response = client_for(people.a1_officer).get(
        f"{TARGETS}{kh.growth.pk}/evaluation/", {"as_of": "01/03/2025"}
    )

    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["errors"]["as_of"][0]


def test_evaluation_queries_do_not_grow(kh: Kh, people: People):
    client = client_for(people.a1_officer)
    stored(kh.jobs, "22000", 2024)
    one = count_queries(client, f"{TARGETS}{kh.jobs.pk}/evaluation/")
    stored(kh.jobs, "23000", 2023)
    stored(kh.jobs, "21000", 2022)

    three = count_queries(client, f"{TARGETS}{kh.jobs.pk}/evaluation/")

    assert one == three == 4  # token, memberships, target, its values
