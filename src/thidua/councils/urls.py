"""Pages of councils under /hoi-dong/ (the "councils" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.councils import views, views_actions, views_ballot, views_councils

app_name = "councils"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("moi/", views.create_page, name="create"),
    path("thuong-truc/", views_councils.council_index, name="council_index"),
    path("thuong-truc/moi/", views_councils.council_create, name="council_create"),
    path("thuong-truc/<int:pk>/", views_councils.council_page, name="council_detail"),
    path("thuong-truc/<int:pk>/ghe/", views_councils.seat_add, name="seat_add"),
    path(
        "thuong-truc/<int:pk>/ghe/<int:seat_pk>/ket-thuc/",
        views_councils.seat_end,
        name="seat_end",
    ),
    path("<int:pk>/", views.detail_page, name="detail"),
    path("<int:pk>/bien-ban.docx", views.minutes_download, name="minutes"),
    path("<int:pk>/thanh-vien/", views_actions.member_add, name="member_add"),
    path(
        "<int:pk>/thanh-vien/<int:member_pk>/diem-danh/",
        views_actions.attendance_set,
        name="attendance",
    ),
    path("<int:pk>/noi-dung/", views_actions.items_add, name="items_add"),
    path("<int:pk>/khai-mac/", views_actions.session_open, name="open"),
    path("<int:pk>/ket-thuc/", views_actions.session_close, name="close"),
    path("<int:pk>/phieu-van-ban/", views_actions.written_vote, name="written_vote"),
    path("<int:pk>/bo-phieu/", views_ballot.ballot_page, name="ballot"),
    path("<int:pk>/bo-phieu/<int:item_pk>/", views_ballot.vote, name="vote"),
]
