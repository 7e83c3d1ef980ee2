from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "thidua.reports"
    verbose_name = _("Báo cáo định kỳ")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from thidua.reports.consolidation_tasks import consolidation_abandoned

        task_finished.connect(consolidation_abandoned, dispatch_uid="consolidation")

        from thidua.core.deadlines import register_deadlines
        from thidua.reports.deadlines import year_deadlines

        register_deadlines("reports", year_deadlines)
