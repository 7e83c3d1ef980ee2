"""The home page (settings.LOGIN_REDIRECT_URL is ``core:home``) and the inbox."""

from django.urls import path

from thidua.core import inbox, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("thong-bao/", inbox.inbox, name="inbox"),
    path("thong-bao/chua-doc/", inbox.inbox_unread_badge, name="inbox_unread"),
    path("thong-bao/da-doc/", inbox.inbox_mark_read, name="inbox_read"),
]
