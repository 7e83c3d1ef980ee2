"""Pages of awards under /khen-thuong/ (the "awards" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.awards import views, views_board, views_excel, views_legal, views_review

app_name = "awards"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("de-nghi/moi/", views.nomination_create_page, name="create"),
    path("de-nghi/kiem-tra/", views.checks_partial, name="checks"),
    path("de-nghi/<int:pk>/", views.nomination_detail_page, name="detail"),
    path("de-nghi/<int:pk>/sua/", views.nomination_edit_page, name="edit"),
    path("de-nghi/<int:pk>/ho-so/", views.file_upload, name="file_upload"),
    path("de-nghi/<int:pk>/ho-so/<int:file_pk>/", views.file_download, name="file"),
    path("de-nghi/<int:pk>/ho-so/<int:file_pk>/xoa/", views.file_remove, name="file_remove"),
    path(
        "de-nghi/<int:pk>/thanh-tich-khac/",
        views_review.distinct_confirm,
        name="distinct_confirm",
    ),
    path("de-nghi/<int:pk>/<str:action>/", views.nomination_action, name="action"),
    path("trinh-ky/", views_board.submit_queue_page, name="submit_queue"),
    path("tham-dinh/", views_board.review_queue_page, name="review_queue"),
    path("tong-quan/", views_board.overview_page, name="overview"),
    path("doi-tuong/", views_board.nominee_search_page, name="nominees"),
    path("doi-tuong/moi/", views_board.nominee_create_page, name="nominee_create"),
    path("excel/mau/", views_excel.template_download, name="excel_template"),
    path("excel/", views_excel.upload_page, name="excel_upload"),
    path("du-lieu-phap-ly/", views_legal.legal_data_page, name="legal_data"),
]
