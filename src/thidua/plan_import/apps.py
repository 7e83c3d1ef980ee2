from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    name = "thidua.plan_import"
    verbose_name = _("Nhập kế hoạch")
