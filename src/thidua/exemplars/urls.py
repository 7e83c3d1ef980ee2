"""Pages of exemplars under /dien-hinh/ (the "exemplars" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.exemplars import views

app_name = "exemplars"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("moi/", views.create_page, name="create"),
    path("goi-y/", views.suggestions_page, name="suggestions"),
    path("tu-cong-trinh/<int:work_pk>/", views.from_work_view, name="from_work"),
    path("tu-de-nghi/<int:nomination_pk>/", views.from_nomination_view, name="from_nomination"),
    path("anh/<int:photo_pk>/", views.photo_view, name="photo"),
    path("<int:pk>/", views.detail_page, name="detail"),
    path("<int:pk>/sua/", views.edit_page, name="edit"),
    path("<int:pk>/anh/", views.photo_add_view, name="photo_add"),
    path("<int:pk>/anh/<int:photo_pk>/bo/", views.photo_remove_view, name="photo_remove"),
    path("<int:pk>/<slug:action>/", views.action_view, name="action"),
]
