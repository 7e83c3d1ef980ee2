from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "thidua.campaigns"
    verbose_name = _("Phong trào thi đua")

    def ready(self) -> None:
        from thidua.campaigns.deadlines import year_deadlines
        from thidua.core.deadlines import register_deadlines

        register_deadlines("campaigns", year_deadlines)
