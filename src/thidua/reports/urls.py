"""Report pages under /bao-cao/ (the "reports" namespace).

Notifications already point at ``/bao-cao/<report id>/`` ("reports:detail") and
``/bao-cao/ky/<period id>/`` ("reports:period"): keep those two addresses.
"""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.reports import views_board, views_dashboard, views_unit

app_name = "reports"

urlpatterns: list[URLPattern] = [
    path("", views_unit.index_page, name="index"),
    path("<int:pk>/", views_unit.report_page, name="detail"),
    path("<int:pk>/lam-moi-so-lieu/", views_unit.prefill_refresh, name="refresh"),
    path("<int:pk>/tep/<int:attachment>/", views_unit.attachment_file, name="attachment"),
    path("<int:pk>/tiep-nhan/", views_board.report_review, {"action": "accept"}, name="accept"),
    path("<int:pk>/tra-lai/", views_board.report_review, {"action": "return"}, name="return"),
    path("ky/", views_board.periods_page, name="periods"),
    path("ky/<int:pk>/", views_board.period_page, name="period"),
    path("ky/<int:pk>/tong-hop/", views_board.consolidation_start, name="consolidate"),
    path("tong-hop/<int:pk>/", views_board.consolidation_page, name="consolidation"),
    path(
        "tong-hop/<int:pk>/huy/", views_board.consolidation_cancel_view, name="consolidation_cancel"
    ),
    *[
        path(
            f"tong-hop/<int:pk>/{kind}/",
            views_board.consolidation_file,
            {"kind": kind},
            name=f"consolidation_{kind}",
        )
        for kind in ("docx", "xlsx")
    ],
    path("bang-dieu-khien/", views_dashboard.dashboard_page, name="dashboard"),
]
