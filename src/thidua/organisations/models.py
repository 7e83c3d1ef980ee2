"""Units (cơ quan, đơn vị, địa phương) as a tree over time, and emulation clusters/blocks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from tree_queries.models import TreeNode

from thidua.core.text import fold, nfc


class UnitKind(models.TextChoices):
    """What a unit is in the administrative system (Luật Tổ chức chính quyền địa phương)."""

    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    MASS_ORGANISATION = "mass_organisation", _("Mặt trận, đoàn thể, hội")
    DISTRICT = "district", _("Huyện, thị xã, thành phố")
    COMMUNE = "commune", _("Xã, phường, thị trấn")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OTHER = "other", _("Khác")


class Unit(TreeNode):
    """A public body, local government or enterprise that takes part in campaigns.

    Units are never deleted: a unit that ends gets ``valid_to`` and, where it has one,
    a recorded successor (the 2025 reorganisation: district level abolished on
    01/7/2025, communes and provinces merged), so history and award records follow it.
    """

    code = models.CharField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=128, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    subkind = models.CharField(
        _("loại chi tiết"), max_length=64, blank=True, help_text=_("Ví dụ: huyện, thị xã, phường.")
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    source = models.TextField(_("nguồn"), blank=True)
    search_text = models.CharField(max_length=512, editable=False, db_index=True)
    path = models.CharField(
        max_length=255,
        editable=False,
        db_index=True,
        help_text=_("Đường dẫn id từ gốc, ví dụ /1/5/23/; dùng để lọc cây đơn vị bằng SQL."),
    )

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        self.search_text = fold(f"{self.name} {self.short_name} {self.code}")
        old_path = self.path
        if self.pk is None:
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
        new_path = self._compute_path()
        if new_path != self.path:
            self.path = new_path
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # The unit moved: its descendants' paths start with the old prefix.
            for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                child.path = self.path + child.path[len(old_path) :]
                Unit.objects.filter(pk=child.pk).update(path=child.path)

    def _compute_path(self) -> str:
        parent_path = (
            Unit.objects.filter(pk=self.parent_id).values_list("path", flat=True).first()
            if self.parent_id
            else None
        )
        return f"{parent_path or '/'}{self.pk}/"

    @property
    def depth(self) -> int:
        """0 for a root, 1 for its children, and so on (no query)."""
        return self.path.count("/") - 2

    def is_valid_on(self, day: dt.date) -> bool:
        """True when the unit existed on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("Sáp nhập, hợp nhất")
    SPLIT = "split", _("Chia tách")
    RENAME = "rename", _("Đổi tên")
    DISSOLVE = "dissolve", _("Giải thể, chuyển giao")


class UnitSuccession(models.Model):
    """One unit taking over another's duties on a date (đơn vị kế thừa)."""

    predecessor = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="successions", verbose_name=_("đơn vị cũ")
    )
    successor = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="predecessions",
        verbose_name=_("đơn vị kế thừa"),
    )
    effective = models.DateField(_("ngày hiệu lực"))
    kind = models.CharField(_("hình thức"), max_length=16, choices=SuccessionKind.choices)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        verbose_name_plural = _("kế thừa đơn vị")
        ordering = ["effective", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="unit_succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class GroupKind(models.TextChoices):
    CLUSTER = "cluster", _("Cụm thi đua")
    BLOCK = "block", _("Khối thi đua")


class EmulationGroup(models.Model):
    """A Cụm (territorial) or Khối (sectoral) thi đua for one year."""

    kind = models.CharField(_("loại"), max_length=16, choices=GroupKind.choices)
    code = models.CharField(_("mã"), max_length=64)
    name = models.CharField(_("tên"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"))
    organiser = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="organised_groups",
        verbose_name=_("cấp tổ chức"),
    )
    members = models.ManyToManyField(
        Unit, through="GroupMembership", related_name="emulation_groups"
    )
    search_text = models.CharField(max_length=512, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["-year", "kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="group_code_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name = nfc(self.name)
        self.search_text = fold(self.name)
        super().save(*args, **kwargs)


class GroupRole(models.TextChoices):
    LEADER = "leader", _("Trưởng cụm, khối")
    DEPUTY = "deputy", _("Phó cụm, khối")
    MEMBER = "member", _("Thành viên")


class GroupMembership(models.Model):
    """A unit's place in a cluster or block for that group's year."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="group_memberships")
    role = models.CharField(
        _("vai trò"), max_length=16, choices=GroupRole.choices, default=GroupRole.MEMBER
    )

    class Meta:
        verbose_name = _("thành viên cụm, khối")
        verbose_name_plural = _("thành viên cụm, khối")
        ordering = ["group", "unit__code"]
        constraints = [
            models.UniqueConstraint(fields=["group", "unit"], name="group_member_unique"),
            models.UniqueConstraint(
                fields=["group"], condition=Q(role="leader"), name="group_one_leader"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.group}"
