"""Vietnamese first: an English browser still gets Vietnamese; the switch changes it."""

from __future__ import annotations

from django.test import Client


def test_english_browser_gets_vietnamese(db):
    response = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get("/tai-khoan/dang-nhap/")

    assert response.headers["Content-Language"] == "vi"
    assert "Đăng nhập" in response.content.decode()


def test_language_switch_gives_english(db):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/tai-khoan/dang-nhap/"})

    response = client.get("/tai-khoan/dang-nhap/")

    assert response.headers["Content-Language"] == "en"
    assert "Log in" in response.content.decode()
