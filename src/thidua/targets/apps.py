from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "thidua.targets"
    verbose_name = _("Chỉ tiêu")

    def ready(self) -> None:
        """The plan's targets become a part of every campaign (``campaigns.parts``)."""
        from thidua.campaigns.parts import plan_part_register
        from thidua.targets.plan_part import PLAN_TARGETS

        plan_part_register(PLAN_TARGETS)
