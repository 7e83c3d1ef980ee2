"""Public holidays and days off in lieu: the data of the working-day calendar
(``thidua.awards.calendar``; LAW-NOTES §4.3, R13)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.salary import entered_by_field


class Holiday(models.Model):
    """A public holiday or a day off in lieu: not a working day (Bộ luật Lao động Điều 112)."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên"), max_length=128)
    working = models.BooleanField(
        _("ngày làm bù"),
        default=False,
        help_text=_("Thứ Bảy đi làm để bù cho một ngày nghỉ hoán đổi."),
    )
    source = models.CharField(_("căn cứ"), max_length=255, blank=True)
    entered_by = entered_by_field()

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"
