"""The home page and the inbox, under the ``core:`` names every page links to.

``settings.LOGIN_REDIRECT_URL`` is ``core:home``; the names stayed ``core:…`` when the home
page moved from core to desk, so no link or bookmark changed.
"""

from django.urls import path

from thidua.core import export_views, inbox
from thidua.desk import calendar, views
from thidua.desk.accounts_import import views as accounts_import

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("thong-bao/", inbox.inbox, name="inbox"),
    path("lich-cong-viec/", calendar.calendar_page, name="year_calendar"),
    path("thong-bao/chua-doc/", inbox.inbox_unread_badge, name="inbox_unread"),
    path("thong-bao/da-doc/", inbox.inbox_mark_read, name="inbox_read"),
    path("xuat-tep/<int:pk>/", export_views.export_job_page, name="export_job"),
    path("xuat-tep/<int:pk>/huy/", export_views.export_job_cancel_view, name="export_job_cancel"),
    path("xuat-tep/<int:pk>/tep/", export_views.export_job_file, name="export_job_file"),
    path("tai-khoan/nhap/", accounts_import.import_page, name="accounts_import"),
    path("tai-khoan/nhap/mau.xlsx", accounts_import.template_download, name="accounts_template"),
]
