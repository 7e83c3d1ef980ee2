"""Admin views of reports: read what exists; changes go through the services."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from thidua.reports.models import ReportEvent, ReportPeriod, ReportSection, UnitReport


@admin.register(ReportPeriod)
class ReportPeriodAdmin(admin.ModelAdmin):
    list_display = ["campaign", "label", "start", "end", "nominal_due", "effective_due"]
    list_filter = ["year"]
    readonly_fields = ["campaign", "year", "number", "label", "start", "end", "nominal_due"]
    search_fields = ["campaign__code", "label"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # periods come from the reporting rule: `python -m thidua reports generate`


class SectionInline(admin.TabularInline):
    model = ReportSection
    extra = 0
    readonly_fields = ["content_area", "narrative"]
    can_delete = False


@admin.register(UnitReport)
class UnitReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "period", "state", "submitted_at", "submitted_late"]
    list_filter = ["state", "submitted_late", "period__year"]
    search_fields = ["unit__name", "unit__code"]
    list_select_related = ["unit", "period", "period__campaign"]
    inlines = [SectionInline]

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        # The workflow owns every field: state, confirmation and lateness change only
        # through reports.services, which write the history.
        return [field.name for field in UnitReport._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ReportEvent)
class ReportEventAdmin(admin.ModelAdmin):
    list_display = ["report", "kind", "from_state", "to_state", "actor", "at"]
    list_filter = ["kind"]
    readonly_fields = ["report", "kind", "from_state", "to_state", "actor", "at", "payload"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # events are append-only

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
