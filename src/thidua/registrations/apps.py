from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "thidua.registrations"
    verbose_name = _("Đăng ký thi đua")

    def ready(self) -> None:
        # A higher app plugs into the lower one: awards never imports registrations.
        from thidua.core.deadlines import register_deadlines
        from thidua.registrations.deadlines import year_deadlines
        from thidua.registrations.eligibility import plug_in

        plug_in()
        register_deadlines("registrations", year_deadlines)
