"""Pages of plan_import under /nhap-ke-hoach/ (the "plan_import" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.plan_import import views

app_name = "plan_import"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
]
