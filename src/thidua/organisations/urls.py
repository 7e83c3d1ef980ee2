"""Organisation pages."""

from django.urls import path

from thidua.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.unit_tree_page, name="tree"),
]
