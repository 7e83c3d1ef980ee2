from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "thidua.ratings"
    verbose_name = _("Xếp loại, sáng kiến và danh hiệu năm")

    def ready(self) -> None:
        # The title rules are eligibility checks of nominations too: awards' registry is
        # extended from here (awards may not import ratings).
        from thidua.ratings import checks  # noqa: F401
