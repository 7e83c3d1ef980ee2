"""The public certificate verification page under /public/xac-minh/ (no sign-in)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.decisions import views

app_name = "verification"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="search"),
]
