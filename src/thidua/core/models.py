"""Shared model bases: the append-only event."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """An append-only record of one state change: who, when, what, with its payload.

    Concrete event tables (one per workflow) inherit this and add a link to their subject.
    Rows are written in the same transaction as the change and never updated or deleted.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("loại sự kiện"), max_length=64)
    payload = models.JSONField(_("nội dung"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("events are append-only")
