"""Pages of decisions under /quyet-dinh/ (the "decisions" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.decisions import views

app_name = "decisions"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
