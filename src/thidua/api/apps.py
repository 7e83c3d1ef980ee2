from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "thidua.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import pre_save

        from thidua.api.auth import token_revoke_on_password_change

        pre_save.connect(
            token_revoke_on_password_change,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="token_revoke_on_password_change",
        )
