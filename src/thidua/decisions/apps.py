from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "thidua.decisions"
    verbose_name = _("Quyết định khen thưởng và chứng nhận")
