"""Works pages (the works pages helper fills this in)."""

from django.urls import include, path  # noqa: F401

app_name = "works"
urlpatterns: list = []
