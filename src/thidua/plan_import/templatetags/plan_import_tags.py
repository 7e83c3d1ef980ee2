"""Template helpers of the plan import pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    """``mapping[key]``, or an empty list (for the errors of one field)."""
    return (mapping or {}).get(key, [])


@register.filter
def can_import_plans(user: Any) -> bool:
    """Whether the menu shows *Nhập kế hoạch*: uses the reach the header already computed,
    so it costs no query."""
    from thidua.plan_import.rules import can_import_plan

    return bool(can_import_plan(user))
