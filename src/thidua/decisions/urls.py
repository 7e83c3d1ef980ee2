"""Pages of decisions under /quyet-dinh/ (the "decisions" namespace)."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.decisions import views, views_drafting, views_history
from thidua.decisions.revocations import views as revocation_views

app_name = "decisions"

urlpatterns: list[URLPattern] = [
    path("", views.decision_list_page, name="index"),
    path("moi/", views.decision_create_page, name="create"),
    path("<int:pk>/", views.decision_detail_page, name="detail"),
    path("<int:pk>/sua/", views.decision_edit_page, name="edit"),
    path("<int:pk>/ban-hanh/", views.decision_issue_page, name="issue"),
    path("<int:pk>/tham-quyen/", views_drafting.signing_partial, name="signing"),
    path("<int:pk>/nguoi-ke-thua/", views_drafting.succeed_view, name="succeed"),
    path("<int:pk>/cach-tinh-tien/", views_drafting.amounts_partial, name="amounts"),
    path("<int:pk>/thay-the/", views.decision_supersede_view, name="supersede"),
    path("<int:pk>/tai/docx/", views.decision_file, {"kind": "docx"}, name="docx"),
    path("<int:pk>/tai/pdf/", views.decision_file, {"kind": "pdf"}, name="pdf"),
    path("<int:pk>/in-chung-nhan/", views.batch_start, name="batch_start"),
    path("lo-in/<int:pk>/", views.batch_page, name="batch"),
    path("lo-in/<int:pk>/huy/", views.batch_cancel, name="batch_cancel"),
    path("lo-in/<int:pk>/tai/zip/", views.batch_file, {"kind": "zip"}, name="batch_zip"),
    path("lo-in/<int:pk>/tai/pdf/", views.batch_file, {"kind": "pdf"}, name="batch_pdf"),
    path("chung-nhan/<int:pk>/", views.certificate_file, name="certificate"),
    path("<int:pk>/huy-bo/", revocation_views.revocation_create_page, name="revoke"),
    path("huy-bo/", revocation_views.revocation_list_page, name="revocations"),
    path("huy-bo/<int:pk>/", revocation_views.revocation_detail_page, name="revocation"),
    path(
        "huy-bo/<int:pk>/ban-hanh/",
        revocation_views.revocation_issue_view,
        name="revocation_issue",
    ),
    path(
        "huy-bo/<int:pk>/thu-hoi/<int:row>/",
        revocation_views.revocation_recovery_view,
        name="revocation_recovery",
    ),
    path(
        "huy-bo/<int:pk>/tai/docx/",
        revocation_views.revocation_file,
        {"kind": "docx"},
        name="revocation_docx",
    ),
    path(
        "huy-bo/<int:pk>/tai/pdf/",
        revocation_views.revocation_file,
        {"kind": "pdf"},
        name="revocation_pdf",
    ),
    path("lich-su/", views_history.history_page, name="history"),
    path("lich-su/xlsx/", views_history.history_export, name="history_xlsx"),
    path("lich-su/<int:pk>/", views_history.nominee_page, name="nominee"),
    path("lich-su/don-vi/<int:pk>/", views_history.unit_page, name="unit_history"),
]
