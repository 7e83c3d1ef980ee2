"""Pages of reviews under /so-ket/ (the "reviews" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.reviews import views

app_name = "reviews"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
