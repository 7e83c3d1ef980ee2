"""``dong``: an amount of money written the Vietnamese way, "1.234.567 đ"."""

from __future__ import annotations

from typing import Any

from django import template

from thidua.documents.official import vn_number

register = template.Library()


@register.filter
def dong(value: Any) -> str:
    """ "3.510.000 đ"; "—" when there is no amount."""
    if value is None or value == "":
        return "—"
    return f"{vn_number(int(value))} đ"
