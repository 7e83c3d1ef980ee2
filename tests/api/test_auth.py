"""Token sign-in for programs, the Token header, and refusals of unauthenticated calls."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import CampaignFactory, member
from thidua.accounts.models import Role

TOKEN_URL = "/api/v1/auth/token/"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


@pytest.fixture(autouse=True)
def _fresh_throttle(db: None) -> None:
    """The token throttle counts in the cache: each test starts from zero."""
    cache.clear()


@pytest.fixture
def officer(province):
    return member(province.commune_a1, Role.UNIT_OFFICER)


def test_token_issued_with_right_password(officer):
    client = APIClient()

    response = client.post(
        TOKEN_URL, {"username": officer.username, "password": "mat-khau-thu"}, format="json"
    )

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=officer).key}


def test_token_reused_on_second_sign_in(officer):
    client = APIClient()
    credentials = {"username": officer.username, "password": "mat-khau-thu"}

    first = client.post(TOKEN_URL, credentials, format="json").json()["token"]
    second = client.post(TOKEN_URL, credentials, format="json").json()["token"]

    assert first == second
    assert Token.objects.filter(user=officer).count() == 1


def test_token_refused_with_wrong_password(officer):
    client = APIClient()

    response = client.post(
        TOKEN_URL, {"username": officer.username, "password": "sai-mat-khau"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": WRONG, "code": "invalid_credentials", "errors": {}}
    assert not Token.objects.filter(user=officer).exists()


def test_token_refused_for_unknown_user(db):
    response = APIClient().post(
        TOKEN_URL, {"username": "khong-co", "password": "mat-khau-thu"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["detail"] == WRONG


def test_token_refused_without_credentials_field_by_field(db):
    response = APIClient().post(TOKEN_URL, {"username": ""}, format="json")

    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert body["errors"] == {
        "username": ["Nhập tên đăng nhập."],
        "password": ["Nhập mật khẩu."],
    }


def test_token_refused_for_malformed_json(db):
    response = APIClient().post(TOKEN_URL, data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert "JSON hợp lệ" in response.json()["detail"]


def test_token_then_opens_the_campaign_list(officer, province):
    campaign = CampaignFactory(issuer_unit=province.root)
    client = APIClient()
    key = client.post(
        TOKEN_URL, {"username": officer.username, "password": "mat-khau-thu"}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get("/api/v1/campaigns/")

    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == [campaign.code]


@pytest.mark.parametrize(
    "url", ["/api/v1/campaigns/", "/api/v1/campaigns/1/", "/api/v1/units/", "/api/v1/clusters/"]
)
def test_data_endpoints_refuse_anonymous_with_message(db, url):
    response = APIClient().get(url)

    body = response.json()
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert body["code"] == "not_authenticated"
    assert body["detail"].startswith("Bạn chưa xác thực")
    assert body["errors"] == {}


def test_invalid_token_refused_with_message(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")

    response = client.get("/api/v1/units/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response.json()["detail"].startswith("Khóa truy cập không hợp lệ")


def test_token_of_inactive_user_stops_working(officer):
    key = Token.objects.create(user=officer).key
    officer.is_active = False
    officer.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get("/api/v1/units/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_locked_out_user_refused_even_with_right_password(officer, settings):
    client = APIClient()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            TOKEN_URL, {"username": officer.username, "password": "sai-mat-khau"}, format="json"
        )

    response = client.post(
        TOKEN_URL, {"username": officer.username, "password": "mat-khau-thu"}, format="json"
    )

    body = response.json()
    assert response.status_code == 429
    assert body["code"] == "locked_out"
    assert body["detail"].startswith("Tài khoản tạm khóa")
    assert not Token.objects.filter(user=officer).exists()


def test_successful_sign_in_clears_earlier_failures(officer, settings):
    client = APIClient()
    wrong = {"username": officer.username, "password": "sai-mat-khau"}
    right = {"username": officer.username, "password": "mat-khau-thu"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(TOKEN_URL, wrong, format="json")
    client.post(TOKEN_URL, right, format="json")

    again = client.post(TOKEN_URL, wrong, format="json")

    assert again.status_code == 400
    assert again.json()["code"] == "invalid_credentials"


def test_token_endpoint_throttled_per_client(db, settings):
    allowed = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"].split("/")[0])
    client = APIClient()
    answers = [client.post(TOKEN_URL, {}, format="json") for _attempt in range(allowed)]

    refused = client.post(TOKEN_URL, {}, format="json")

    assert {a.status_code for a in answers} == {400}
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert refused.json()["detail"].startswith("Quá nhiều yêu cầu: hãy thử lại sau")
    assert int(refused["Retry-After"]) > 0


def test_token_throttle_counts_in_the_shared_database_cache(db, settings):
    """Every web server process reads and writes the same counts: they are rows of the
    database cache table, not memory of one process."""
    client = APIClient()

    client.post(TOKEN_URL, {}, format="json")

    assert settings.CACHES["default"]["BACKEND"].endswith("db.DatabaseCache")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM thidua_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("throttle_token" in key for key in keys)


def test_expired_token_refused_then_replaced(officer, settings):
    token = Token.objects.create(user=officer)
    Token.objects.filter(pk=token.pk).update(
        created=timezone.now() - dt.timedelta(days=settings.API_TOKEN_DAYS + 1)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    refused = client.get("/api/v1/campaigns/")
    renewed = APIClient().post(
        TOKEN_URL, {"username": officer.username, "password": "mat-khau-thu"}, format="json"
    )

    assert refused.status_code == 401
    assert "Khóa truy cập đã hết hạn" in refused.json()["detail"]
    assert refused.json()["code"] == "token_expired"
    assert renewed.status_code == 200
    assert renewed.json()["token"] != token.key
    client.credentials(HTTP_AUTHORIZATION=f"Token {renewed.json()['token']}")
    assert client.get("/api/v1/campaigns/").status_code == 200


def test_password_change_revokes_the_token(officer):
    token = Token.objects.create(user=officer)

    officer.set_password("mat-khau-moi-rat-dai")
    officer.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    assert not Token.objects.filter(user=officer).exists()
    assert client.get("/api/v1/campaigns/").status_code == 401
