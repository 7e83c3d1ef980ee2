"""Admin of awards: quotas and phase award dates are configuration set here; forms, rules
and legal values come from ``award-forms.yaml`` (read-only here, so the file stays the
source); base salaries and holidays are added on the legal data page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from thidua.awards.models import (
    AwardAuthority,
    AwardForm,
    AwardRule,
    BaseSalary,
    Hold,
    Holiday,
    LegalValue,
    PhaseAwardDate,
    Quota,
)


@admin.register(Quota)
class QuotaAdmin(admin.ModelAdmin):
    list_display = ["campaign", "phase", "form", "unit", "subject_kind", "maximum", "note"]
    list_filter = ["campaign", "form", "subject_kind"]
    autocomplete_fields = ["unit"]


@admin.register(PhaseAwardDate)
class PhaseAwardDateAdmin(admin.ModelAdmin):
    list_display = ["phase", "review_on", "note"]


@admin.register(Hold)
class HoldAdmin(admin.ModelAdmin):
    list_display = ["nominee", "kind", "start", "end", "source"]
    list_filter = ["kind"]
    raw_id_fields = ["nominee", "recorded_by"]


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AwardForm)
class AwardFormAdmin(_ReadOnly):
    list_display = ["code", "name", "kind", "campaign_allowed", "legal_basis"]


@admin.register(AwardRule)
class AwardRuleAdmin(_ReadOnly):
    list_display = [
        "form",
        "valid_from",
        "valid_to",
        "council_required",
        "council_threshold",
        "legal_basis",
    ]


@admin.register(AwardAuthority)
class AwardAuthorityAdmin(_ReadOnly):
    list_display = ["form", "grantor_kind", "grantor_title", "valid_from", "valid_to", "verified"]


@admin.register(LegalValue)
class LegalValueAdmin(_ReadOnly):
    list_display = ["code", "valid_from", "valid_to", "value", "legal_basis", "verified", "setting"]
    list_filter = ["code", "verified", "setting"]


# Base salaries and holidays are added on the legal data page (views_legal), by the Ban TĐKT.
@admin.register(BaseSalary)
class BaseSalaryAdmin(_ReadOnly):
    list_display = ["valid_from", "amount", "legal_basis", "entered_by"]


@admin.register(Holiday)
class HolidayAdmin(_ReadOnly):
    list_display = ["date", "name", "working", "source", "entered_by"]
