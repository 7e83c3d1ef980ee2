from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    verbose_name = _("Quyết định khen thưởng và chứng nhận")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from thidua.decisions.certificates import certificate_batch_abandoned

        task_finished.connect(certificate_batch_abandoned, dispatch_uid="certificate_batch")

        from thidua.decisions.history_export import register

        register()
