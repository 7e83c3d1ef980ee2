"""Excel routes of works; ``works/urls.py`` includes them under the "works" namespace."""

from django.urls import path

from thidua.works import excel_views

urlpatterns = [
    path(
        "excel/mau/<int:campaign>/<int:unit>/",
        excel_views.excel_template,
        name="excel_template",
    ),
    path(
        "excel/tai-len/<int:campaign>/<int:unit>/",
        excel_views.excel_upload,
        name="excel_upload",
    ),
    path("excel/xuat/", excel_views.excel_export, name="excel_export"),
]
