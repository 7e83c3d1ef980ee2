from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardStatisticsConfig(AppConfig):
    name = "thidua.award_statistics"
    verbose_name = _("Báo cáo thống kê thi đua, khen thưởng")

    def ready(self) -> None:
        from thidua.award_statistics.deadlines import year_deadlines
        from thidua.core.deadlines import register_deadlines

        register_deadlines("award_statistics", year_deadlines)
