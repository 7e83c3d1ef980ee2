from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksConfig(AppConfig):
    name = "thidua.works"
    verbose_name = _("Công trình, dự án, phần việc")

    def ready(self) -> None:
        from thidua.core.imports import register_import_kind
        from thidua.works.exports import register
        from thidua.works.import_jobs import WORKS_IMPORT

        register()
        register_import_kind(WORKS_IMPORT)
