"""One's own API token page: issue (shown once), see its dates, revoke; nobody else's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
URL = "/tai-khoan/khoa-truy-cap-api/"


def _api_status(key: str) -> int:
    return Client().get("/api/v1/campaigns/", HTTP_AUTHORIZATION=f"Token {key}").status_code


def test_the_page_has_its_name() -> None:
    assert reverse("accounts:api_token") == URL


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]


def test_issuing_shows_the_new_key_once_and_the_old_key_stops_working(client: Client) -> None:
    user = UserFactory()
    old = Token.objects.create(user=user).key
    client.force_login(user)

    response = client.post(URL, {"action": "issue"})

    new = Token.objects.get(user=user).key
    assert new != old
    page = response.content.decode()
    assert new in page and "chỉ hiện một lần" in page
    assert new not in client.get(URL).content.decode()  # never again
    assert new[:6] in client.get(URL).content.decode()  # only its first characters
    assert _api_status(old) == 401
    assert _api_status(new) == 200


def test_revoking_deletes_the_key_and_the_api_refuses_it(client: Client) -> None:
    user = UserFactory()
    key = Token.objects.create(user=user).key
    client.force_login(user)

    response = client.post(URL, {"action": "revoke"}, follow=True)

    assert not Token.objects.filter(user=user).exists()
    assert "Đã thu hồi khóa truy cập" in response.content.decode()
    assert _api_status(key) == 401


def test_the_page_shows_issue_and_expiry_dates_and_says_when_expired(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.API_TOKEN_DAYS = 30
    user = UserFactory()
    token = Token.objects.create(user=user)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - dt.timedelta(days=31))
    client.force_login(user)

    page = client.get(URL).content.decode()

    issued = timezone.localtime(timezone.now() - dt.timedelta(days=31))
    assert issued.strftime("%d/%m/%Y") in page
    assert "đã hết hạn" in page


def test_one_person_never_touches_anothers_token(client: Client) -> None:
    owner, other = UserFactory(), UserFactory()
    key = Token.objects.create(user=owner).key
    client.force_login(other)

    page = client.get(URL).content.decode()
    client.post(URL, {"action": "revoke"})

    assert key[:6] not in page and "chưa có khóa" in page
    assert Token.objects.filter(user=owner, key=key).exists()


def test_an_unknown_action_says_what_to_choose(client: Client) -> None:
    user = UserFactory()
    client.force_login(user)

    response = client.post(URL, {"action": "drop-table"}, follow=True)

    assert response.status_code == 200
    assert "Cấp khóa mới" in response.content.decode()
    assert not Token.objects.filter(user=user).exists()
