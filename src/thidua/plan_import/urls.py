"""Pages of plan_import under /nhap-ke-hoach/ (the "plan_import" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.plan_import import views

app_name = "plan_import"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("tai-len/", views.upload, name="upload"),
    path("<int:pk>/", views.review_page, name="review"),
    path("<int:pk>/truong/", views.field_action, name="field"),
    path("<int:pk>/phan/<slug:section>/", views.section_accept, name="section"),
    path("<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("<int:pk>/huy/", views.discard, name="discard"),
    path("<int:pk>/tep.yaml", views.yaml_preview, name="yaml"),
]
