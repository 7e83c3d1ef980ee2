"""Campaign pages."""

from django.urls import path

from thidua.campaigns import views, views_lifecycle

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list_page, name="list"),
    path("<int:pk>/", views.campaign_detail_page, name="detail"),
    path("<int:pk>/ket-thuc/", views_lifecycle.campaign_close_page, name="close"),
]
