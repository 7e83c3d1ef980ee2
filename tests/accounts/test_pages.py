"""Sign-in (with axes lockout), sign-out and password change pages."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, member
from tests.pages import csp_problems, page_text, signed_in

LOGIN = "accounts:login"


def test_login_page_has_vietnamese_labels(db):
    response = Client().get(reverse(LOGIN))

    text = page_text(response)
    assert "Đăng nhập" in text
    assert "Tên đăng nhập" in text
    assert "Mật khẩu" in text
    assert "Sau 5 lần nhập sai liên tiếp" in text
    assert 'autocomplete="current-password"' in response.content.decode()


def test_login_with_wrong_password_says_so_in_vietnamese(db):
    user = UserFactory(username="canbo")

    response = Client().post(reverse(LOGIN), {"username": user.username, "password": "sai"})

    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page_text(response)
    assert "_auth_user_id" not in response.client.session


def test_login_success_goes_to_home(province):
    user = member(province.commune_a1)
    client = Client()

    response = client.post(
        reverse(LOGIN), {"username": user.username, "password": "mat-khau-thu"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "Xin chào, " + user.full_name in page_text(response)


def test_login_success_honours_next(province):
    user = member(province.commune_a1)
    target = reverse("organisations:tree")

    response = Client().post(
        reverse(LOGIN) + f"?next={target}",
        {"username": user.username, "password": "mat-khau-thu", "next": target},
    )

    assert response.headers["Location"] == target


def test_login_locked_out_after_five_failures(db):
    user = UserFactory(username="khoa")
    client = Client()
    for _ in range(4):
        client.post(reverse(LOGIN), {"username": user.username, "password": "sai"})

    response = client.post(reverse(LOGIN), {"username": user.username, "password": "sai"})
    again = client.post(reverse(LOGIN), {"username": user.username, "password": "mat-khau-thu"})

    for locked in (response, again):
        text = page_text(locked)
        assert locked.status_code == 429
        assert "Đăng nhập tạm thời bị khóa" in text
        assert "5 lần liên tiếp" in text
        assert "Hãy đợi 15 phút rồi đăng nhập lại" in text
        assert "liên hệ quản trị hệ thống" in text
        assert csp_problems(locked) == []
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(db):
    locked, other = UserFactory(username="khoa"), UserFactory(username="khac")
    client = Client()
    for _ in range(5):
        client.post(reverse(LOGIN), {"username": locked.username, "password": "sai"})

    response = client.post(reverse(LOGIN), {"username": other.username, "password": "mat-khau-thu"})

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("core:home")


def test_logout_by_post_signs_out_with_message(province):
    client = signed_in(member(province.commune_a1))

    response = client.post(reverse("accounts:logout"), follow=True)

    assert response.redirect_chain[-1][0] == reverse(LOGIN)
    assert "Bạn đã đăng xuất." in page_text(response)
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(province):
    client = signed_in(member(province.commune_a1))

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert "_auth_user_id" in client.session


def test_password_change_wrong_old_password_is_explained(province):
    user = member(province.commune_a1)

    response = signed_in(user).post(
        reverse("accounts:password_change"),
        {"old_password": "sai", "new_password1": "Cau-Ke-2025!", "new_password2": "Cau-Ke-2025!"},
    )

    assert "Mật khẩu hiện tại không đúng" in page_text(response)


def test_password_change_mismatch_is_explained(province):
    user = member(province.commune_a1)

    response = signed_in(user).post(
        reverse("accounts:password_change"),
        {"old_password": "mat-khau-thu", "new_password1": "Cau-Ke-2025!", "new_password2": "x"},
    )

    assert "Hai lần nhập mật khẩu mới không khớp nhau." in page_text(response)


def test_password_change_success_shows_done_page_and_keeps_session(province):
    user = member(province.commune_a1)
    client = signed_in(user)

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "mat-khau-thu",
            "new_password1": "Cau-Ke-2025!",
            "new_password2": "Cau-Ke-2025!",
        },
        follow=True,
    )

    user.refresh_from_db()
    assert user.check_password("Cau-Ke-2025!")
    assert "Đã đổi mật khẩu" in page_text(response)
    assert csp_problems(response) == []
    assert "Xin chào" in page_text(client.get(reverse("core:home")))
