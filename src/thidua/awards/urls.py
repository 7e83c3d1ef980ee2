"""Pages of awards under /khen-thuong/ (the "awards" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.awards import views

app_name = "awards"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
