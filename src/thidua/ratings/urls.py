from django.urls import path

from thidua.ratings import views

app_name = "ratings"

urlpatterns = [
    path("", views.index_page, name="index"),
    path("sang-kien/", views.initiatives_page, name="initiatives"),
    path("<int:unit_id>/sang-kien/moi/", views.initiative_create_page, name="initiative_create"),
    path("<int:unit_id>/mo-nam/", views.open_year_page, name="open_year"),
    path("<int:unit_id>/<int:year>/", views.unit_year_page, name="unit_year"),
    path("<int:unit_id>/<int:year>/nhap/", views.import_page, name="import"),
    path("<int:unit_id>/<int:year>/mau.xlsx", views.template_download, name="template"),
]
