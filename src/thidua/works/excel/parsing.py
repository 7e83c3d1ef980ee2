"""Reading one row of the registration sheet into ``WorkData``, or saying what to fix.

Each cell has a parser that either returns the value ``work_create`` expects or raises
``_CellError`` with a message for the person who typed it; ``parse_row`` gathers every
error of the row as ``RowError`` (row number, column short name, message).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from thidua.campaigns.models import ContentArea, Phase
from thidua.core.text import fold, nfc
from thidua.organisations.models import Unit
from thidua.targets.models import Target
from thidua.works.excel.columns import CATALOGUE_SHEET, COLUMN_BY_KEY, COLUMNS
from thidua.works.excel.lookups import Lookups
from thidua.works.services import WorkData


@dataclass(frozen=True)
class RowError:
    """One thing to fix: where in the sheet (row, column when known) and what to do."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = {"row": self.row, "column": self.column, "message": self.message}
        if self.row is not None and self.column:
            return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % where
        if self.row is not None:
            return _("Dòng %(row)s: %(message)s") % where
        return self.message


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def cell_text(value: object) -> str:
    """A cell's value as NFC text: "" when empty, "12" (not "12.0") for a whole number."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def parse_row(
    number: int, cells: tuple[object, ...], lookups: Lookups
) -> tuple[WorkData | None, list[RowError]]:
    """Row ``number``'s cells as ``WorkData``, or None and every error of the row."""
    values = dict(zip((c.key for c in COLUMNS), cells, strict=True))
    parsed: dict[str, Any] = {}
    errors = []
    for key, parse in _PARSERS.items():
        try:
            parsed[key] = parse(values[key], lookups)
        except _CellError as exc:
            errors.append(RowError(number, _(COLUMN_BY_KEY[key].short), exc.message))
    start, finish = parsed.get("planned_start"), parsed.get("planned_finish")
    if start and finish and finish < start:
        message = _("Ngày hoàn thành (%(finish)s) phải sau hoặc bằng ngày bắt đầu (%(start)s).")
        dates = {"start": start.strftime("%d/%m/%Y"), "finish": finish.strftime("%d/%m/%Y")}
        errors.append(RowError(number, _(COLUMN_BY_KEY["planned_finish"].short), message % dates))
    if errors:
        return None, errors
    return WorkData(**parsed), []


def _required(value: object, message: Callable[[], str]) -> str:
    """The cell's text; ``message()`` (translated only when needed) when it is empty."""
    text = cell_text(value)
    if not text:
        raise _CellError(message())
    return text


def _limited(value: object, limit: int) -> str:
    text = cell_text(value)
    if len(text) > limit:
        raise _CellError(_("Dài quá %(n)s ký tự; hãy rút gọn.") % {"n": limit})
    return text


def _parse_title(value: object, lookups: Lookups) -> str:
    _required(value, lambda: _("Hãy nhập tên công trình, dự án, phần việc."))
    return _limited(value, 500)


def _parse_kind(value: object, lookups: Lookups) -> str:
    text = _required(
        value, lambda: _("Hãy chọn loại: %(choices)s.") % {"choices": lookups.kind_choices}
    )
    kind = lookups.kind_index.get(fold(text))
    if kind is None or kind not in lookups.kinds:
        message = (
            _("“%(value)s” không phải loại hợp lệ; chọn một trong: %(choices)s.")
            if kind is None
            else _("Đơn vị của bạn không đăng ký loại “%(value)s”; chọn một trong: %(choices)s.")
        )
        raise _CellError(message % {"value": text, "choices": lookups.kind_choices})
    return str(kind.value)


def _find(index: dict[str, Any], value: object, message: str) -> Any:
    text = cell_text(value)
    if not text:
        return None
    if fold(text) not in index:
        raise _CellError(message % {"value": text})
    return index[fold(text)]


def _parse_area(value: object, lookups: Lookups) -> ContentArea | None:
    message = _(
        "Không có nội dung thi đua mã “%(value)s” trong phong trào; chọn mã trong danh sách."
    )
    return _find(lookups.area_index, value, message)


def _parse_phase(value: object, lookups: Lookups) -> Phase | None:
    message = _("Không có đợt “%(value)s” trong phong trào; chọn mã đợt trong danh sách.")
    return _find(lookups.phase_index, value, message)


def _parse_place(value: object, lookups: Lookups) -> Unit | None:
    message = _(
        "Không tìm thấy xã, phường “%(value)s” trong huyện của đơn vị; chọn trong danh sách "
        "(gõ không dấu cũng được)."
    )
    matches: list[Unit] | None = _find(lookups.place_index, value, message)
    if matches and len(matches) > 1:
        names = ", ".join(u.name for u in matches)
        raise _CellError(
            _("“%(value)s” khớp nhiều xã, phường (%(names)s); hãy ghi đầy đủ tên.")
            % {"value": cell_text(value), "names": names}
        )
    return matches[0] if matches else None


def _parse_targets(value: object, lookups: Lookups) -> list[Target]:
    codes = [code for code in re.split(r"[,;\s]+", cell_text(value)) if code]
    unknown = [code for code in codes if fold(code) not in lookups.target_index]
    if unknown:
        raise _CellError(
            _("Không có chỉ tiêu mã %(codes)s trong phong trào; mã hợp lệ ở sheet “%(sheet)s”.")
            % {"codes": ", ".join(unknown), "sheet": _(CATALOGUE_SHEET)}
        )
    return list({fold(c): lookups.target_index[fold(c)] for c in codes}.values())


_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_FIRST_SERIAL, _LAST_SERIAL = 36526, 73051  # Excel day numbers of 01/01/2000 and 31/12/2099


def _parse_date(value: object, lookups: Lookups) -> dt.date:
    """A date typed dd/mm/yyyy, or a real Excel date (a cell formatted as date, or its number)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    example = _("ghi dạng dd/mm/yyyy, ví dụ 30/04/2025")
    text = _required(value, lambda: _("Hãy nhập ngày, %(example)s.") % {"example": example})
    params = {"value": text, "example": example}
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _FIRST_SERIAL <= value <= _LAST_SERIAL:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise _CellError(_("“%(value)s” không phải ngày; %(example)s.") % params)
    if match := _DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise _CellError(_("“%(value)s” không phải ngày; %(example)s.") % params)
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise _CellError(_("Ngày “%(value)s” không có thật; hãy kiểm tra lại.") % params) from None
    if not 2000 <= parsed.year <= 2099:
        raise _CellError(_("Năm của ngày “%(value)s” không hợp lý; hãy kiểm tra lại.") % params)
    return parsed


def _parse_budget(value: object, lookups: Lookups) -> Decimal | None:
    """Million đồng, written 1.234,5 (Vietnamese), 1234,5 or 1234.5, or a number cell."""
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number: Decimal | None = Decimal(str(value))
    else:
        number = _vietnamese_number(text.replace(" ", "").replace("\u00a0", ""))
    if number is None:
        raise _CellError(
            _("“%(value)s” không phải số; ghi số triệu đồng, ví dụ 1.234,5.") % {"value": text}
        )
    if number < 0:
        raise _CellError(_("Kinh phí không được âm."))
    if number >= Decimal("1e13"):
        raise _CellError(_("Kinh phí quá lớn; hãy ghi theo đơn vị triệu đồng."))
    return number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _vietnamese_number(text: str) -> Decimal | None:
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    if "," in body and "." in body:
        if body.rfind(",") > body.rfind("."):
            body = body.replace(".", "").replace(",", ".")  # 1.234,5
        else:
            body = body.replace(",", "")  # 1,234.5
    elif body.count(",") == 1:
        body = body.replace(",", ".")  # 1234,5: the Vietnamese decimal comma
    elif "," in body:
        body = body.replace(",", "")  # 1,234,567
    elif body.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", body):
        body = body.replace(".", "")  # 1.500 or 1.234.567: Vietnamese thousands
    if not re.fullmatch(r"\d+(\.\d+)?", body):
        return None
    try:
        return Decimal(sign + body)
    except InvalidOperation:
        return None


_PARSERS: dict[str, Any] = {
    "kind": _parse_kind,
    "title": _parse_title,
    "description": lambda value, lookups: cell_text(value),
    "content_area": _parse_area,
    "place": _parse_place,
    "budget": _parse_budget,
    "budget_source": lambda value, lookups: _limited(value, 255),
    "planned_start": _parse_date,
    "planned_finish": _parse_date,
    "phase": _parse_phase,
    "targets": _parse_targets,
}
