"""Pages of public under /public/ (the "public" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.public import views

app_name = "public"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("cong-trinh/", views.works_page, name="works"),
    path("dien-hinh/", views.stories_page, name="stories"),
    path("dien-hinh/<int:pk>/", views.story_page, name="story"),
    path("anh/<int:photo_pk>/", views.photo_view, name="photo"),
    path("xep-hang/", views.rankings_page, name="rankings"),
    path("quyet-dinh/", views.decisions_page, name="decisions"),
    path("cong-khai-de-nghi/", views.postings_page, name="postings"),
]
