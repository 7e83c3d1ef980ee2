"""Sign-in, sign-out, password change and one's API token (names used by settings.LOGIN_URL and friends)."""

from django.urls import path

from thidua.accounts import views
from thidua.accounts.api_token import ApiTokenView

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.SignInView.as_view(), name="login"),
    path("dang-xuat/", views.SignOutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.ChangePasswordView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        views.ChangePasswordDoneView.as_view(),
        name="password_change_done",
    ),
    path("khoa-truy-cap-api/", ApiTokenView.as_view(), name="api_token"),
]
