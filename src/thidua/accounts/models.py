"""People who sign in, and what they may do where: memberships (role × unit × scope)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DOMAIN.md; a person may hold several, each in a unit."""

    ADMIN = "admin", _("Quản trị hệ thống")
    SECRETARIAT = "secretariat", _("Ban Thi đua - Khen thưởng (Sở Nội vụ)")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đơn vị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    CLUSTER_LEADER = "cluster_leader", _("Trưởng cụm, khối thi đua")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng TĐKT")
    LEADER = "leader", _("Lãnh đạo UBND tỉnh")


#: Roles whose holders see the whole province they belong to.
PROVINCE_WIDE_ROLES = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.LEADER, Role.COUNCIL_MEMBER})


class Scope(models.TextChoices):
    UNIT = "unit", _("Chỉ đơn vị")
    SUBTREE = "subtree", _("Đơn vị và các đơn vị trực thuộc")


class User(AbstractUser):
    """A person with a sign-in. Names are kept whole, as Vietnamese names are written."""

    full_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]  # stubs lack Meta
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name()


class Membership(models.Model):
    """A user holding a role in a unit, over the unit alone or its whole subtree."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    # By label, not by import: organisations builds on accounts (whose reach decides which
    # units a person sees), so accounts imports no other app (DESIGN.md's import rules).
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("đơn vị"),
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    scope = models.CharField(_("phạm vi"), max_length=16, choices=Scope.choices, default=Scope.UNIT)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        ordering = ["user", "unit__code", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="membership_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
