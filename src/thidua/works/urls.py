"""Works pages under /cong-trinh/ (the "works" namespace), with the Excel routes."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.works import urls_excel, views, views_board, views_unit

app_name = "works"

#: Actions on one work: the Vietnamese address and the action name the view dispatches on.
_ACTIONS = {
    "gui-duyet": "submit",
    "duyet": "approve",
    "tra-lai": "return",
    "bat-dau": "start",
    "hoan-thanh": "complete",
    "huy": "cancel",
    "tien-do": "progress",
    "dieu-chinh": "change",
}

urlpatterns: list[URLPattern] = [
    path("", views_unit.unit_works_page, name="unit"),
    path("dang-ky/<int:campaign>/<int:unit>/", views_unit.work_create_page, name="create"),
    path("kiem-tra-trung/<int:campaign>/<int:unit>/", views_unit.similar_check, name="similar"),
    path("<int:pk>/", views.work_detail_page, name="detail"),
    path("<int:pk>/sua/", views_unit.work_edit_page, name="edit"),
    *[
        path(f"<int:pk>/{slug}/", views.work_act, {"action": action}, name=action)
        for slug, action in _ACTIONS.items()
    ],
    path("<int:pk>/dieu-chinh/<int:change>/quyet-dinh/", views.change_decide, name="decide_change"),
    path("<int:pk>/minh-chung/<int:evidence>/", views.evidence_file, name="evidence"),
    path("duyet/", views_board.queue_page, name="queue"),
    path(
        "duyet/<int:pk>/duyet/", views_board.queue_act, {"action": "approve"}, name="queue_approve"
    ),
    path(
        "duyet/<int:pk>/tra-lai/", views_board.queue_act, {"action": "return"}, name="queue_return"
    ),
    path("theo-doi-dang-ky/", views_board.compliance_page, name="compliance"),
    path("so-theo-doi/", views_board.register_page, name="register"),
    path("bieu-do/", views_board.charts_page, name="charts"),
    path("vuot-tien-do/", views_board.ahead_page, name="ahead"),
]
urlpatterns += urls_excel.urlpatterns
