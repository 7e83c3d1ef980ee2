"""The API v1 URL map: root, token, schema, docs and one router for every app's viewsets."""

from __future__ import annotations

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from thidua.api.auth import TokenObtainView
from thidua.api.docs import ApiDocsView, ApiNotFoundView, ApiRootView
from thidua.awards import api as awards_api
from thidua.campaigns.api import CampaignViewSet
from thidua.councils import api as councils_api
from thidua.decisions import api as decisions_api
from thidua.exemplars import api as exemplars_api
from thidua.organisations.api import GroupViewSet, UnitViewSet
from thidua.plan_import import api as plan_import_api
from thidua.reports.api import ReportPeriodViewSet, UnitReportViewSet
from thidua.reviews import api as reviews_api
from thidua.scoring import api as scoring_api
from thidua.targets.api import TargetValueViewSet, TargetViewSet
from thidua.works.api import ChangeRequestViewSet, WorkViewSet

app_name = "api"

router = SimpleRouter()
router.register("campaigns", CampaignViewSet, basename="campaign")
router.register("units", UnitViewSet, basename="unit")
router.register("clusters", GroupViewSet, basename="cluster")
router.register("works", WorkViewSet, basename="work")
router.register("change-requests", ChangeRequestViewSet, basename="change-request")
router.register("report-periods", ReportPeriodViewSet, basename="report-period")
router.register("reports", UnitReportViewSet, basename="report")
router.register("targets", TargetViewSet, basename="target")
router.register("target-values", TargetValueViewSet, basename="target-value")
for app_api in (
    awards_api,
    councils_api,
    decisions_api,
    scoring_api,
    reviews_api,
    exemplars_api,
    plan_import_api,
):
    app_api.register(router)

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("auth/token/", TokenObtainView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(), name="docs"),
    path("", include(router.urls)),
    # Last: every other address ending in "/" answers a JSON 404 (without the slash,
    # APPEND_SLASH still redirects first).
    re_path(r"^.*/$", ApiNotFoundView.as_view(), name="not-found"),
]
