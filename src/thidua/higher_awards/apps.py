from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HigherAwardsConfig(AppConfig):
    name = "thidua.higher_awards"
    verbose_name = _("Đề nghị khen thưởng cấp Nhà nước")
