"""Target pages under /chi-tieu/ (the "targets" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.targets import views

app_name = "targets"

urlpatterns: list[URLPattern] = [
    path("", views.unit_page, name="unit"),
    path("tong-hop/", views.summary_page, name="summary"),
    path("<int:unit>/<int:campaign>/them/", views.target_add, name="add"),
    path("<int:pk>/so-lieu/", views.value_record, name="record"),
]
