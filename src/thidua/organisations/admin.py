"""Django admin for units, successions and Cụm/Khối thi đua (for system administrators)."""

from __future__ import annotations

from django.contrib import admin

from thidua.organisations.models import EmulationGroup, GroupMembership, Unit, UnitSuccession


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "subkind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "subkind"]
    search_fields = ["code", "name", "short_name", "search_text"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
    readonly_fields = ["path"]


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "effective", "kind"]
    list_filter = ["kind", "effective"]
    search_fields = ["predecessor__code", "predecessor__name", "successor__code", "successor__name"]
    raw_id_fields = ["predecessor", "successor"]
    list_select_related = ["predecessor", "successor"]


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    raw_id_fields = ["unit"]
    extra = 0


@admin.register(EmulationGroup)
class EmulationGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "year", "organiser"]
    list_filter = ["year", "kind"]
    search_fields = ["code", "name", "search_text"]
    raw_id_fields = ["organiser"]
    list_select_related = ["organiser"]
    inlines = [GroupMembershipInline]
