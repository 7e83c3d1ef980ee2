"""The shared layout: sign-in required, strict CSP, no inline code, language switch,
error pages in Vietnamese, htmx served from our own static files."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from tests.factories import GroupFactory, GroupMembershipFactory, UserFactory, member
from tests.pages import csp_problems, page_text, signed_in
from thidua.accounts.models import Role


@pytest.mark.parametrize(
    "url",
    [
        reverse("core:home"),
        reverse("campaigns:list"),
        reverse("campaigns:detail", args=[1]),
        reverse("organisations:tree") + "?q=cau+ke",
        reverse("accounts:password_change"),
    ],
)
def test_pages_redirect_anonymous_to_login(db, url):
    response = Client().get(url)

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("accounts:login") + "?next=")
    assert "Xin chào" not in response.content.decode()


def _every_page(world, client) -> dict[str, object]:
    pages = {
        "home": reverse("core:home"),
        "list": reverse("campaigns:list"),
        "list-search": reverse("campaigns:list") + "?q=dai+hoi",
        "detail": reverse("campaigns:detail", args=[world.campaign.pk]),
        "tree": reverse("organisations:tree"),
        "tree-bad-date": reverse("organisations:tree") + "?on=31/02/2025",
        "password": reverse("accounts:password_change"),
        "missing": "/khong-co-trang-nay/",
    }
    return {name: client.get(url) for name, url in pages.items()}


def test_every_page_has_csp_and_no_inline_code(world):
    group = GroupFactory(organiser=world.province.root)
    GroupMembershipFactory(group=group, unit=world.province.root, role="leader")
    user = member(world.province.root, role=Role.ADMIN)
    for role in (Role.SECRETARIAT, Role.UNIT_OFFICER, Role.CLUSTER_LEADER, Role.LEADER):
        member(world.province.root, role=role, user=user)
    client = signed_in(user)

    responses = _every_page(world, client)
    responses["login"] = Client().get(reverse("accounts:login"))

    for name, response in responses.items():
        assert csp_problems(response) == [], name
        assert 'lang="vi"' in response.content.decode(), name


def test_every_page_renders_in_english(world):
    user = member(world.province.root, role=Role.SECRETARIAT)
    client = signed_in(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    responses = _every_page(world, client)

    for name, response in responses.items():
        assert '<html lang="en">' in response.content.decode(), name
        assert csp_problems(response) == [], name
    assert "128/KH-UBND" in page_text(responses["detail"])


def test_csp_finder_catches_inline_code(db):
    class Fake:
        headers = {"Content-Security-Policy": "script-src 'self'; style-src 'self'"}
        content = b'<p style="color:red" onclick="x()"><script>alert(1)</script><style>p{}</style>'

    assert csp_problems(Fake()) == [
        "style= on <p>",
        "onclick= on <p>",
        "<script> without src",
        "inline script content",
        "<style> element",
    ]


def test_htmx_is_served_from_our_static_files(world):
    officer = member(world.province.commune_a1)

    body = signed_in(officer).get(reverse("organisations:tree")).content.decode()

    assert '<script src="/static/django_htmx/htmx-2.min.js" defer></script>' in body
    assert finders.find("django_htmx/htmx-2.min.js")
    assert finders.find("thidua/css/app.css")
    assert finders.find("thidua/js/app.js")
    assert '"includeIndicatorStyles": false' in body  # htmx would inject a <style> otherwise


def test_language_switch_posts_to_set_language_and_changes_language(world):
    officer = member(world.province.commune_a1)
    client = signed_in(officer)
    page = client.get(reverse("core:home")).content.decode()

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)

    assert '<form class="lang-switch" method="post" action="/i18n/setlang/">' in page
    assert 'name="language" value="en"' in page
    assert '<html lang="en">' in response.content.decode()
    assert 'value="en" lang="en" title="English" aria-pressed="true"' in response.content.decode()


def test_404_page_is_vietnamese_within_layout(world):
    officer = member(world.province.commune_a1)

    response = signed_in(officer).get("/khong-co-trang-nay/")

    text = page_text(response)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in text
    assert "Về trang chủ" in text
    assert "Phong trào" in text  # the navigation is there


def test_403_page_is_vietnamese(rf, db):
    request = rf.get("/")
    request.user = UserFactory()

    html = render_to_string("403.html", request=request)

    assert "Không có quyền truy cập" in html
    assert "liên hệ quản trị hệ thống" in html


def test_500_page_renders_without_request(db):
    html = render_to_string("500.html")

    assert "Hệ thống gặp lỗi" in html
    assert "/static/thidua/css/app.css" in html


def test_csrf_failure_page_is_vietnamese(province):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member(province.commune_a1))

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in page_text(response)
