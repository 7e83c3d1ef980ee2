"""Pages of councils under /hoi-dong/ (the "councils" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.councils import views

app_name = "councils"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
