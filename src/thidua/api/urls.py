"""The API root: v1's URL map (root, token, schema, docs) and one router for every app.

The root imports the apps; each app's ``api.py`` imports only the kit (``thidua.api.kit``)
and offers its viewsets through ``register(router)``, in the order listed here (the
order of the API root's listing).
"""

from __future__ import annotations

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from thidua.api.auth import TokenObtainView
from thidua.api.docs import ApiDocsView, ApiNotFoundView, ApiRootView, SchemaView
from thidua.award_statistics import api as award_statistics_api
from thidua.awards import api as awards_api
from thidua.campaigns import api as campaigns_api
from thidua.councils import api as councils_api
from thidua.decisions import api as decisions_api
from thidua.exemplars import api as exemplars_api
from thidua.higher_awards import api as higher_awards_api
from thidua.organisations import api as organisations_api
from thidua.plan_import import api as plan_import_api
from thidua.public import api as public_api
from thidua.ratings import api as ratings_api
from thidua.registrations import api as registrations_api
from thidua.reports import api as reports_api
from thidua.reviews import api as reviews_api
from thidua.scoring import api as scoring_api
from thidua.targets import api as targets_api
from thidua.works import api as works_api

app_name = "api"

#: Every app's ``api`` module, in the order of the root listing.
APP_APIS = (
    campaigns_api,
    organisations_api,
    works_api,
    reports_api,
    targets_api,
    awards_api,
    councils_api,
    decisions_api,
    scoring_api,
    reviews_api,
    exemplars_api,
    higher_awards_api,
    award_statistics_api,
    ratings_api,
    registrations_api,
    plan_import_api,
    public_api,
)

router = SimpleRouter()
for app_api in APP_APIS:
    app_api.register(router)

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("auth/token/", TokenObtainView.as_view(), name="token"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(), name="docs"),
    path("", include(router.urls)),
    # Last: every other address ending in "/" answers a JSON 404 (without the slash,
    # APPEND_SLASH still redirects first).
    re_path(r"^.*/$", ApiNotFoundView.as_view(), name="not-found"),
]
