"""Pages of scoring under /cham-diem/ (the "scoring" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.scoring import views, views_sheet

app_name = "scoring"

#: Actions on a sheet: the Vietnamese address and the action the view dispatches on.
_ACTIONS = {
    "luu": "save",
    "gui": "submit",
    "tham-dinh": "review",
    "tra-lai": "return",
    "xac-nhan": "confirm",
}

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("tao/<int:group>/", views.set_create, name="set_create"),
    path("bang/<int:pk>/", views.set_page, name="set"),
    path("bang/<int:pk>/ap-dung/", views.set_activate, name="set_activate"),
    path("bang/<int:pk>/cong-bo/", views.set_publish, name="set_publish"),
    path("bang/<int:pk>/xep-hang/", views.ranking_page, name="ranking"),
    path("bang/<int:pk>/chuyen-de-nghi/", views.ranking_hand_over, name="hand_over"),
    path("phieu/<int:pk>/", views_sheet.sheet_page, name="sheet"),
    path("phieu/<int:pk>/minh-chung/<int:score>/", views_sheet.evidence_file, name="evidence"),
    *[
        path(f"phieu/<int:pk>/{slug}/", views_sheet.sheet_act, {"action": action}, name=action)
        for slug, action in _ACTIONS.items()
    ],
]
