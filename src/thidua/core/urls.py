"""The home page (settings.LOGIN_REDIRECT_URL is ``core:home``)."""

from django.urls import path

from thidua.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
]
