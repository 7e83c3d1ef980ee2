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


class TargetValue(models.Model):
    """An actual value of a target for a period, with where it comes from.

    ``value`` is in the target's unit of measure; for a milestone, ``achieved_on`` says when
    it was reached instead. ``is_estimate`` marks year-end estimates ("ước tính").
    """

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    label = models.CharField(_("kỳ"), max_length=64, help_text=_("Ví dụ: Năm 2024, Quý I/2025."))
    value = models.DecimalField(
        _("giá trị"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    achieved_on = models.DateField(_("ngày đạt"), null=True, blank=True)
    is_estimate = models.BooleanField(_("số ước tính"), default=False)
    source = models.TextField(_("nguồn số liệu"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="target_values",
        verbose_name=_("đơn vị báo cáo"),
    )
    reported_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số liệu thực hiện")
        verbose_name_plural = _("số liệu thực hiện")
        ordering = ["target", "period_end", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "period_start", "period_end"], name="target_value_once"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="target_value_dates"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | Q(achieved_on__isnull=False),
                name="target_value_has_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target.code} {self.label}: {self.value}"
