from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    verbose_name = _("Khen thưởng")

    def ready(self) -> None:
        from thidua.awards.deadlines import year_deadlines
        from thidua.core.deadlines import register_deadlines

        register_deadlines("awards", year_deadlines)

        from thidua.awards.import_jobs import NOMINATIONS_IMPORT
        from thidua.core.imports import register_import_kind

        register_import_kind(NOMINATIONS_IMPORT)
