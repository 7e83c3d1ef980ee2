"""Numbers as Vietnamese plans write them: ``2.500``, ``1,5``, ``99,5``, ``10.000,5``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: A number as written: digits with dot or comma groups (no sign: plans write none).
NUMBER = r"\d+(?:[.,]\d+)*"
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def parse_number(text: str) -> Decimal:
    """Read a number: ``.`` groups thousands and ``,`` is the decimal comma.

    ``2.500`` → 2500, ``1,5`` → 1.5, ``10.000,5`` → 10000.5; a lone dot that does not group
    thousands (``1.5``, a typing slip) is read as a decimal point. Raises ValueError.
    """
    value = text.strip()
    if "," in value and "." in value:
        value = value.replace(".", "").replace(",", ".")
    elif "," in value:
        value = value.replace(",", ".")
    elif _THOUSANDS_DOT.match(value):
        value = value.replace(".", "")
    if value.count(".") > 1:
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def plain(value: Decimal) -> int | float:
    """The number as the campaign file writes it: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)
