"""Pages of proposals to higher levels under /de-nghi-cap-tren/."""

from __future__ import annotations

from django.urls import URLPattern, path

from thidua.higher_awards import views

app_name = "higher_awards"

urlpatterns: list[URLPattern] = [
    path("", views.index_page, name="index"),
    path("moi/", views.create_page, name="create"),
    path("<int:pk>/", views.detail_page, name="detail"),
    path("<int:pk>/ho-so.zip", views.dossier_view, name="dossier"),
    path("<int:pk>/<slug:step>/", views.step_view, name="step"),
]
