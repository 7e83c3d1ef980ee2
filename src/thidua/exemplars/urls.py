"""Pages of exemplars under /dien-hinh/ (the "exemplars" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.exemplars import views

app_name = "exemplars"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
