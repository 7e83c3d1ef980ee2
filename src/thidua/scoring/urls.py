"""Pages of scoring under /cham-diem/ (the "scoring" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.scoring import views

app_name = "scoring"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
