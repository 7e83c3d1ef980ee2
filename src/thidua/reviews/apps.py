from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "thidua.reviews"
    verbose_name = _("Sơ kết, tổng kết")
