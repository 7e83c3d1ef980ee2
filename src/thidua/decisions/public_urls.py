"""The public certificate verification page under /public/xac-minh/ (no sign-in)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.decisions import views_public

app_name = "verification"

urlpatterns: list[URLPattern] = [
    path("", views_public.verify_search, name="search"),
    path("<str:code>/", views_public.verify_detail, name="detail"),
]
