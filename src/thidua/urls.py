"""URL map: pages per capability, the API under /api/v1/, the admin."""

from django.contrib import admin
from django.urls import include, path

from thidua.core.health import health_view

urlpatterns = [
    path("", include("thidua.desk.urls")),
    path("tai-khoan/", include("thidua.accounts.urls")),
    path("don-vi/", include("thidua.organisations.urls")),
    path("phong-trao/", include("thidua.campaigns.urls")),
    path("cong-trinh/", include("thidua.works.urls")),
    path("bao-cao/", include("thidua.reports.urls")),
    path("chi-tieu/", include("thidua.targets.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("hoi-dong/", include("thidua.councils.urls")),
    path("quyet-dinh/", include("thidua.decisions.urls")),
    path("cham-diem/", include("thidua.scoring.urls")),
    path("so-ket/", include("thidua.reviews.urls")),
    path("dien-hinh/", include("thidua.exemplars.urls")),
    path("de-nghi-cap-tren/", include("thidua.higher_awards.urls")),
    path("thong-ke-khen-thuong/", include("thidua.award_statistics.urls")),
    path("xep-loai/", include("thidua.ratings.urls")),
    path("dang-ky-thi-dua/", include("thidua.registrations.urls")),
    path("nhap-ke-hoach/", include("thidua.plan_import.urls")),
    path("public/xac-minh/", include("thidua.decisions.public_urls")),
    path("public/", include("thidua.public.urls")),
    path("api/v1/", include("thidua.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    # For a load balancer in front of several web servers (docs/operations.md).
    path("health/", health_view, name="health"),
]
