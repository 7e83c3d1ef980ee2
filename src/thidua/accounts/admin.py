"""Admin for users and their memberships (system administrators only)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "position", "email", "is_active"]
    search_fields = ["username", "full_name", "email"]
    inlines = [MembershipInline]
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Thông tin cán bộ"), {"fields": ("full_name", "position")}),
    )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "scope", "valid_from", "valid_to"]
    list_filter = ["role", "scope"]
    search_fields = ["user__username", "user__full_name", "unit__name", "unit__code"]
    raw_id_fields = ["user", "unit"]
