"""Numbers and file sizes in the active language."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from thidua.core.numbers import MEBIBYTE, format_number, megabytes


def test_vietnamese_uses_a_decimal_comma_and_dot_thousands() -> None:
    with translation.override("vi"):
        assert format_number(Decimal("1234.5"), 1) == "1.234,5"
        assert megabytes(int(28.6 * MEBIBYTE)) == "28,6"
        assert megabytes(10 * MEBIBYTE + 1) == "10,0"
        assert megabytes(5 * MEBIBYTE) == "5"


def test_english_keeps_the_vietnamese_number_format() -> None:
    # thidua/formats/en: the documents are Vietnamese, so English pages write numbers alike.
    with translation.override("en"):
        assert format_number(Decimal("1234.5"), 1) == "1.234,5"
        assert megabytes(int(28.6 * MEBIBYTE)) == "28,6"
