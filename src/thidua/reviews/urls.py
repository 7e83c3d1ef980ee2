"""Pages of reviews under /so-ket/ (the "reviews" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.reviews import views

app_name = "reviews"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("<int:pk>/", views.detail_page, name="detail"),
    path("<int:pk>/bao-cao/", views.report_view, name="report"),
    path("<int:pk>/<slug:action>/", views.action_view, name="action"),
]
