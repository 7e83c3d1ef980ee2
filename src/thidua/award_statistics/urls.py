from django.urls import path

from thidua.award_statistics import views

app_name = "award_statistics"
urlpatterns = [
    path("", views.index, name="index"),
    path("bao-cao.xlsx", views.export, name="export"),
    path("da-gui/", views.mark_sent, name="mark_sent"),
    path("mo-lai/", views.reopen, name="reopen"),
]
