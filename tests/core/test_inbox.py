"""The in-app inbox: one's own notifications only, marked read once read."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from thidua.core.models import Notification
from thidua.core.notifications import notify


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_people(db):
    return UserFactory(), UserFactory()


def test_inbox_shows_own_notifications_only(two_people, django_capture_on_commit_callbacks):
    me, other = two_people
    notify([me], kind="t", title="Hạn báo cáo quý I/2025 còn 3 ngày", key="a")
    notify([other], kind="t", title="Thư của người khác", key="b")

    html = client_for(me).get("/thong-bao/").content.decode()

    assert "Hạn báo cáo quý I/2025 còn 3 ngày" in html
    assert "Thư của người khác" not in html
    assert "1 thông báo chưa đọc." in html


def test_mark_one_and_all_read(two_people):
    me, other = two_people
    notify([me, other], kind="t", title="Nhắc việc", key="c")
    notify([me], kind="t", title="Nhắc việc 2", key="d")
    mine = Notification.objects.filter(user=me).order_by("pk")
    client = client_for(me)

    client.post("/thong-bao/da-doc/", {"id": str(mine[0].pk)})
    assert [n.read_at is not None for n in mine.all()] == [True, False]

    client.post("/thong-bao/da-doc/", {})
    assert not Notification.objects.filter(user=me, read_at__isnull=True).exists()
    assert Notification.objects.get(user=other).read_at is None


def test_cannot_mark_someone_elses_notification(two_people):
    me, other = two_people
    notify([other], kind="t", title="Riêng", key="e")
    theirs = Notification.objects.get(user=other)

    client_for(me).post("/thong-bao/da-doc/", {"id": str(theirs.pk)})

    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_bad_id_gets_a_message_not_an_error(two_people):
    response = client_for(two_people[0]).post("/thong-bao/da-doc/", {"id": "x"}, follow=True)

    assert "Thông báo không hợp lệ." in response.content.decode()


def test_anonymous_is_sent_to_sign_in(db):
    response = Client().get("/thong-bao/")

    assert response.status_code == 302
    assert "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("count", [1, 3])
def test_inbox_query_count_does_not_grow(two_people, count):
    me = two_people[0]
    for i in range(count):
        notify([me], kind="t", title=f"Nhắc {i}", key=f"k{i}")
    client = client_for(me)
    client.get("/thong-bao/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/thong-bao/")

    assert len(queries) == 6


def test_header_badge_counts_own_unread_notifications(two_people):
    me, other = two_people
    notify([me], kind="t", title="Một", key="d1")
    notify([me], kind="t", title="Hai", key="d2")
    notify([other], kind="t", title="Của người khác", key="d3")
    client = client_for(me)

    page = client.get("/thong-bao/").content.decode()
    badge = client.get("/thong-bao/chua-doc/").content.decode()

    assert 'hx-get="/thong-bao/chua-doc/"' in page
    assert ">2</span>" in badge
    assert "2 thông báo chưa đọc" in badge


def test_header_badge_is_empty_when_all_read_or_signed_out(two_people):
    me, _other = two_people
    notify([me], kind="t", title="Một", key="e1")
    Notification.objects.filter(user=me).update(read_at="2026-12-07T08:00:00Z")

    read = client_for(me).get("/thong-bao/chua-doc/").content.decode()
    anonymous = Client().get("/thong-bao/chua-doc/")

    assert read.strip() == ""
    assert anonymous.status_code == 200
    assert anonymous.content.decode().strip() == ""
