"""Pages of annual registration under /dang-ky-thi-dua/ (the "registrations" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.registrations import views

app_name = "registrations"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("mau.xlsx", views.template_download, name="template"),
    path("tong-hop/<int:year>/", views.compiled_page, name="compiled"),
    path("tong-hop/<int:year>/xlsx/", views.compiled_export, name="export"),
    path("tong-hop/<int:year>/cai-dat/", views.setting_view, name="setting"),
    path("don-vi/<int:unit_pk>/<int:year>/", views.unit_page, name="unit"),
    path("don-vi/<int:unit_pk>/<int:year>/mo/", views.open_view, name="open"),
    path("<int:pk>/them/", views.entry_add_view, name="entry_add"),
    path("<int:pk>/bo/<int:entry_pk>/", views.entry_remove_view, name="entry_remove"),
    path("<int:pk>/nhap/", views.import_view, name="import"),
    path("<int:pk>/<slug:action>/", views.action_view, name="action"),
]
