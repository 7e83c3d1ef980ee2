"""The base salary (lương cơ sở) by date: rewards are a multiple of it (R16)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def entered_by_field() -> models.ForeignKey:
    """Who entered a row of legal data on the legal data page (empty: shipped data)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )


class BaseSalary(models.Model):
    """Lương cơ sở from a date (ND 73/2024: 2.340.000 đồng from 01/7/2024); rewards are a
    multiple of it (ND 152/2025 Điều 50, 54)."""

    valid_from = models.DateField(_("áp dụng từ"), unique=True)
    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng)"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    entered_by = entered_by_field()

    class Meta:
        verbose_name = _("lương cơ sở")
        verbose_name_plural = _("lương cơ sở")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{self.amount} ({self.valid_from:%d/%m/%Y})"
