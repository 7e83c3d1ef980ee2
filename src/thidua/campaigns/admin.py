"""Admin views of campaigns: read what was loaded; changes go through campaign files."""

from __future__ import annotations

from django.contrib import admin

from thidua.campaigns.models import Campaign, CampaignEvent, Phase


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["position", "code", "name", "start", "start_precision", "end", "end_precision"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["doc_number", "code", "status", "doc_date", "issuer_unit"]
    list_filter = ["status", "kind"]
    search_fields = ["code", "doc_number", "title"]
    raw_id_fields = ["issuer_unit"]
    inlines = [PhaseInline]  # targets.admin adds the plan's targets


@admin.register(CampaignEvent)
class CampaignEventAdmin(admin.ModelAdmin):
    list_display = ["campaign", "kind", "actor", "at"]
    readonly_fields = ["campaign", "kind", "actor", "at", "payload"]

    def has_change_permission(self, request, obj=None):
        return False  # events are append-only

    def has_delete_permission(self, request, obj=None):
        return False
