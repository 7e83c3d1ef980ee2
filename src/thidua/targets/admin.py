"""Admin views of targets and actual values: read what was recorded.

Values are written through ``targets.services`` (the API, the values file), which check the
source, the period and the permission; the admin only shows them, and lets an
administrator delete a value entered by mistake.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from thidua.campaigns.admin import CampaignAdmin
from thidua.targets.models import Target, TargetValue


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Target)
class TargetAdmin(_ReadOnly):
    list_display = ["code", "indicator", "campaign", "unit", "kind", "comparator", "value"]
    list_filter = ["kind", "comparator", "campaign"]
    list_select_related = ["campaign", "unit"]
    search_fields = ["code", "indicator", "unit__name"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # campaign targets come from the campaign file


@admin.register(TargetValue)
class TargetValueAdmin(_ReadOnly):
    list_display = ["target", "label", "value", "achieved_on", "is_estimate", "unit", "created_at"]
    list_filter = ["is_estimate", "target__campaign"]
    list_select_related = ["target", "unit"]
    search_fields = ["target__code", "target__indicator", "label", "source"]
    date_hierarchy = "period_end"


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = [
        "position",
        "code",
        "indicator",
        "kind",
        "comparator",
        "value",
        "value_max",
        "measure_unit",
    ]


# The campaign's admin page lists its targets after its phases; campaigns names no target
# (DESIGN.md: targets builds on campaigns), so the inline is added from here.
CampaignAdmin.inlines = [*CampaignAdmin.inlines, TargetInline]
