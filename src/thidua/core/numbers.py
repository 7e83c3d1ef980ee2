"""Numbers as Vietnamese documents write them: ``28,6`` and ``1.234,5`` (the formats in
``thidua/formats``, which the English pages keep too)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats

MEBIBYTE = 1024 * 1024


def format_number(value: float | int | Decimal, decimals: int | None = None) -> str:
    """``value`` with the active language's decimal and thousands separators."""
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def megabytes(size: int) -> str:
    """A file size in MB: whole when it is ("5"), else with one decimal ("28,6", "10,0")."""
    if size % MEBIBYTE == 0:
        return format_number(size // MEBIBYTE)
    return format_number(round(size / MEBIBYTE, 1), 1)
