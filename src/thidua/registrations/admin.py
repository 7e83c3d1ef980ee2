from django.contrib import admin

from thidua.registrations.models import Registration, RegistrationEntry, RegistrationSetting


class EntryInline(admin.TabularInline):
    model = RegistrationEntry
    extra = 0
    raw_id_fields = ("nominee",)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "state", "submitted_at")
    list_filter = ("year", "state")
    raw_id_fields = ("unit",)
    inlines = [EntryInline]


@admin.register(RegistrationSetting)
class RegistrationSettingAdmin(admin.ModelAdmin):
    list_display = ("province", "year", "deadline", "severity", "source")
    raw_id_fields = ("province",)
