"""The annual statistical report on emulation and commendation of a province: whether the
year's report has been sent to the Ministry of Home Affairs, and when.

The figures themselves are not stored: they are computed from the award history
(``selectors.statistics_for``) each time, so a revoked award leaves them at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.models import Event
from thidua.organisations.models import Unit


class ReportState(models.TextChoices):
    """States of the year's report; the transition table is in ``transitions.py``."""

    DRAFT = "draft", _("Chưa gửi")
    SENT = "sent", _("Đã gửi")


class AnnualStatistics(models.Model):
    """One province's statistical report on emulation and commendation for one year
    (Thông tư 18/2025/TT-BNV, chế độ báo cáo thống kê ngành Nội vụ): its state, the day
    it was sent and the dispatch's number."""

    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("tỉnh")
    )
    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    sent_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    reference = models.CharField(_("số văn bản gửi"), max_length=128, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người gửi"),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo thống kê thi đua, khen thưởng")
        verbose_name_plural = _("báo cáo thống kê thi đua, khen thưởng")
        ordering = ["province", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year"], name="annual_statistics_unique"),
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(sent_on__isnull=False),
                name="annual_statistics_sent_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province} {self.year}"


class AnnualStatisticsEvent(Event):
    """Append-only history of a report: sent, reopened."""

    report = models.ForeignKey(AnnualStatistics, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(_("từ trạng thái"), max_length=16, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=16, blank=True)

    class Meta(Event.Meta):
        verbose_name = _("sự kiện báo cáo thống kê")
        verbose_name_plural = _("sự kiện báo cáo thống kê")

    def __str__(self) -> str:
        return f"{self.report}: {self.kind}"
