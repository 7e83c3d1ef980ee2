import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "thidua.core"
    verbose_name = _("Lõi hệ thống")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from thidua.core import import_tasks  # noqa: F401  (its task joins JOB_TASKS)
        from thidua.core.export_tasks import export_job_abandoned

        task_finished.connect(export_job_abandoned, dispatch_uid="export_job")

        # The deploy checks for several hosts (storage, caches, sessions) register on import.
        from thidua.core import checks  # noqa: F401

        # Django streams large uploads into FILE_UPLOAD_TEMP_DIR but never creates it.
        from thidua.core.upload_temp import upload_temp_dir

        try:
            upload_temp_dir()
        except OSError:
            logging.getLogger("thidua.core").exception("Cannot create FILE_UPLOAD_TEMP_DIR")
