"""Tables in an XLSX workbook: a title row, a frozen bold header, typed cells.

The companion of ``official.py`` for the figures of a document: each table goes to its own
sheet, dates are real Excel dates shown dd/mm/yyyy and numbers real numbers (Excel shows
them with the reader's separators, 1.234,5 in Vietnamese). openpyxl is imported inside
the functions (slow import).

``sheet_value`` is the one way text people typed goes into any cell of any workbook thidua
writes (this module's tables, the works register, the award history, the templates): as
text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "#,##0"
ONE_DECIMAL_FORMAT = "#,##0.0"
#: For figures whose decimals vary: whole numbers without a decimal separator.
AUTO = "auto"

#: The header is the second row; data start on the third.
HEADER_ROW = 2


#: What makes a spreadsheet read a typed text as a formula (OWASP, "CSV injection"): a
#: leading = + - @, tab or carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Control characters XML 1.0 cannot carry (openpyxl refuses them with an error).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sheet_value(value: Any) -> Any:
    """``value`` as it may go into a cell: text stays text.

    Text starting with one of ``FORMULA_STARTS`` gets a leading apostrophe, as OWASP
    recommends, so neither openpyxl (which writes "=…" as a formula) nor Excel, nor a CSV
    saved from the workbook, runs it (``=cmd|' /C calc'!A0``, ``=HYPERLINK(…)``); control
    characters XML cannot carry are dropped. Numbers, dates and None pass unchanged.
    """
    if not isinstance(value, str):
        return value
    text = _ILLEGAL.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class SheetColumn:
    """A column: header, width in characters, number format (or ``AUTO``) of its cells."""

    header: str
    width: float = 14
    number_format: str | None = None
    wrap: bool = False


def new_workbook() -> Any:
    """An empty workbook (its default sheet removed)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _auto_format(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return INTEGER_FORMAT if value == int(value) else "#,##0.0###"


def add_table(
    workbook: Any,
    name: str,
    title: str,
    columns: Sequence[SheetColumn],
    rows: Sequence[Sequence[Any]],
    *,
    total: Sequence[Any] | None = None,
) -> Any:
    """A sheet ``name``: ``title`` in row 1, the header in row 2 (frozen, filterable), the
    rows below, then an optional bold ``total`` row. Returns the sheet."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(name)
    sheet.cell(row=1, column=1, value=sheet_value(title)).font = Font(bold=True, size=13)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="E7E6E6")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=sheet_value(column.header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border, cell.fill = border, fill
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    body = [*rows, *([total] if total is not None else [])]
    for offset, values in enumerate(body, start=HEADER_ROW + 1):
        is_total = total is not None and offset == HEADER_ROW + len(body)
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=offset, column=index, value=sheet_value(value))
            fmt = _auto_format(value) if column.number_format == AUTO else column.number_format
            if isinstance(value, dt.date) and fmt is None:
                fmt = DATE_FORMAT
            if fmt and value is not None:
                cell.number_format = fmt
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
            if is_total:
                cell.font = Font(bold=True)
    last = get_column_letter(len(columns))
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"
    sheet.row_dimensions[HEADER_ROW].height = 32
    return sheet


def workbook_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
