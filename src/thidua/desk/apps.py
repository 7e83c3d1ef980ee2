from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The desk composes the other apps: the home page, the layout's tags, the demo."""

    name = "thidua.desk"
    verbose_name = _("Bàn làm việc")
