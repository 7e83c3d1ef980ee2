"""Nominees: one record per real person, collective, household or enterprise, and the hold
list that stops their awards (ND 152/2025 Điều 4.4)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.models.forms import SubjectKind
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit


class Gender(models.TextChoices):
    FEMALE = "female", _("Nữ")
    MALE = "male", _("Nam")


class Nominee(models.Model):
    """Someone who can be awarded, kept once across campaigns and units so the award
    history follows them through transfers and mergers. Holds no more personal data than
    a dossier needs (name, gender, birth year, position, unit).

    ``search_key`` is the folded name (no diacritics, lower case) for search and duplicate
    detection; ``merged_into`` points a duplicate at the record that replaced it.
    """

    kind = models.CharField(_("loại đối tượng"), max_length=16, choices=SubjectKind.choices)
    name = models.CharField(_("họ tên / tên"), max_length=255)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominees",
        verbose_name=_("đơn vị"),
    )
    unit_part = models.CharField(
        _("bộ phận"), max_length=255, blank=True, help_text=_("Ví dụ: Phòng Kế toán.")
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    women_share = models.DecimalField(
        _("tỷ lệ nữ"), max_digits=4, decimal_places=3, null=True, blank=True
    )
    direct_worker = models.BooleanField(_("trực tiếp lao động, sản xuất"), default=False)
    search_key = models.CharField(max_length=255, db_index=True, editable=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đối tượng khen thưởng")
        verbose_name_plural = _("đối tượng khen thưởng")
        ordering = ["search_key", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(women_share__isnull=True)
                | (Q(women_share__gte=0) & Q(women_share__lte=1)),
                name="nominee_women_share_range",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="nominee_not_merged_into_self"
            ),
        ]
        indexes = [
            # The live nominees of the units in reach (``nominees_visible_to``): counted
            # from this index alone, without reading the merged duplicates (issue #16).
            models.Index(
                fields=["unit"],
                condition=Q(merged_into__isnull=True),
                name="nominee_live_unit_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = nfc(self.name)
        self.search_key = fold(self.name)
        super().save(*args, **kwargs)


class HoldKind(models.TextChoices):
    """Why a subject may not be awarded for now (ND 152/2025 Điều 4.4)."""

    DISCIPLINE = "discipline", _("Đang xem xét kỷ luật hoặc trong thời hạn kỷ luật")
    INSPECTION = "inspection", _("Đang thanh tra, kiểm tra")
    INVESTIGATION = "investigation", _("Đang điều tra")
    COMPLAINT = "complaint", _("Có đơn khiếu nại, tố cáo đang giải quyết")
    CORRUPTION = "corruption", _("Đang xác minh tin báo chí về tham nhũng")


class Hold(models.Model):
    """A period during which a nominee may not be proposed or awarded. ``end`` empty: still
    open. After a discipline ends, achievements count only from its end date."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="holds")
    kind = models.CharField(_("lý do"), max_length=16, choices=HoldKind.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    source = models.CharField(
        _("nguồn"), max_length=255, help_text=_("Văn bản hoặc cơ quan cung cấp thông tin.")
    )
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("trường hợp tạm dừng khen thưởng")
        verbose_name_plural = _("trường hợp tạm dừng khen thưởng")
        ordering = ["nominee", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="hold_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nominee}: {self.get_kind_display()}"
