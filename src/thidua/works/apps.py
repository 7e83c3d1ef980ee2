from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksConfig(AppConfig):
    name = "thidua.works"
    verbose_name = _("Công trình, dự án, phần việc")

    def ready(self) -> None:
        from thidua.works.exports import register

        register()
