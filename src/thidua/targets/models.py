"""Targets (chỉ tiêu): measurable goals of a campaign, with comparator, value and period."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.models import Campaign, ContentArea, PrecisionField
from thidua.core.dates import PartialDate
from thidua.organisations.models import Unit


class TargetKind(models.TextChoices):
    """How a target's value is measured over its period."""

    LEVEL = "level", _("Mức đạt tại thời điểm")
    PER_YEAR = "per_year", _("Hằng năm")
    CUMULATIVE = "cumulative", _("Cộng dồn cả giai đoạn")
    AVERAGE_GROWTH = "average_growth", _("Tăng bình quân hằng năm")
    ANNUAL_REDUCTION = "annual_reduction", _("Giảm bình quân hằng năm")
    MILESTONE = "milestone", _("Mốc hoàn thành")


class Comparator(models.TextChoices):
    """How an actual value is compared with the target."""

    GTE = "gte", "≥"
    GT = "gt", ">"
    LTE = "lte", "≤"
    LT = "lt", "<"
    EQ = "eq", "="
    BETWEEN = "between", _("trong khoảng")
    BEFORE = "before", _("hoàn thành trước")


class Target(models.Model):
    """One indicator of a campaign (or a unit's own target in line with it)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("đơn vị"),
        help_text=_("Để trống với chỉ tiêu chung của phong trào."),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("mã"), max_length=32)
    indicator = models.TextField(_("chỉ tiêu"))
    kind = models.CharField(_("loại"), max_length=32, choices=TargetKind.choices)
    comparator = models.CharField(_("so sánh"), max_length=16, choices=Comparator.choices)
    value = models.DecimalField(
        _("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    value_max = models.DecimalField(
        _("giá trị tối đa"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    measure_unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    period_from = models.DateField(_("từ"), null=True, blank=True)
    period_from_precision = PrecisionField(_("độ chính xác"))
    period_to = models.DateField(_("đến"), null=True, blank=True)
    period_to_precision = PrecisionField(_("độ chính xác"))
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="targets"
    )
    section = models.CharField(_("mục"), max_length=16, blank=True)
    source_text = models.TextField(_("nguyên văn"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["campaign", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                condition=Q(unit__isnull=True),
                name="target_code_unique",
            ),
            models.CheckConstraint(
                condition=~Q(comparator="between")
                | Q(value__isnull=False, value_max__isnull=False, value_max__gte=models.F("value")),
                name="target_between_has_range",
            ),
            models.CheckConstraint(
                condition=~Q(comparator="before") | Q(deadline__isnull=False),
                name="target_before_has_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.indicator}"

    @property
    def period_from_partial(self) -> PartialDate | None:
        if self.period_from is None:
            return None
        return PartialDate.from_parts(self.period_from, self.period_from_precision)

    @property
    def period_to_partial(self) -> PartialDate | None:
        if self.period_to is None:
            return None
        return PartialDate.from_parts(self.period_to, self.period_to_precision)
