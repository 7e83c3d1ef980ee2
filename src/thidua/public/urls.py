"""Pages of public under /public/ (the "public" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.public import views

app_name = "public"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
