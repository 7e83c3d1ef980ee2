"""A unit's ratings of a year in Excel: the template and its all-or-nothing import.

One row per person. The whole file is checked first; while any row is wrong nothing is
saved and every error names its row and column and says what to fix, in Vietnamese. A
person is found in the unit by name (and birth year when two share a name) or added."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import Nominee, SubjectKind
from thidua.awards.nominees import NomineeData, nominee_find_or_create
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.core.uploads import xlsx_import_problem
from thidua.documents.sheets import sheet_value
from thidua.organisations.models import Unit
from thidua.ratings.codes import ErrorCode, EventKind
from thidua.ratings.models import Discipline, Rating, RatingsEvent
from thidua.ratings.rules import can_record_results
from thidua.ratings.services import rating_set

MAX_ROWS = 2000
SHEET = "Xếp loại"
COLUMNS = [
    ("name", "Họ tên (*)"),
    ("birth_year", "Năm sinh"),
    ("position", "Chức vụ"),
    ("rating", "Xếp loại (*)"),
    ("discipline", "Kỷ luật"),
    ("discipline_source", "Quyết định kỷ luật"),
    ("note", "Ghi chú"),
]
_RATINGS = {fold(str(label)): value for value, label in Rating.choices} | {
    "htxs": Rating.EXCELLENT, "httnv": Rating.GOOD, "ht": Rating.COMPLETE, "khtnv": Rating.INCOMPLETE,
}  # fmt: skip
_DISCIPLINES = {fold(str(label)): value for value, label in Discipline.choices if value}


@dataclass
class ImportResult:
    saved: int = 0
    errors: list[str] = field(default_factory=list)


def template_bytes(unit: Unit, year: int) -> bytes:
    """The template, pre-filled with the unit's people, and the choices sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([label for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    people = Nominee.objects.filter(
        unit=unit, kind=SubjectKind.INDIVIDUAL, merged_into__isnull=True
    ).order_by("search_key", "pk")
    for person in people:
        sheet.append([sheet_value(person.name), person.birth_year, sheet_value(person.position)])
    for index, width in enumerate([30, 10, 24, 32, 18, 26, 30], start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    choices = book.create_sheet("Danh mục")
    choices.append([_("Xếp loại"), _("Kỷ luật"), _("Năm")])
    ratings = [str(label) for _v, label in Rating.choices]
    disciplines = [str(label) for v, label in Discipline.choices if v]
    for row in range(max(len(ratings), len(disciplines))):
        choices.append([
            ratings[row] if row < len(ratings) else None,
            disciplines[row] if row < len(disciplines) else None,
            year if row == 0 else None,
        ])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def _parse(number: int, values: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []

    def err(column: str, message: str) -> None:
        errors.append(
            _("Dòng %(row)s, cột “%(column)s”: %(message)s")
            % {"row": number, "column": column, "message": message}
        )

    labels = dict(COLUMNS)
    row: dict[str, Any] = {k: values[k] for k in ("name", "position", "discipline_source", "note")}
    if not values["name"]:
        err(labels["name"], _("thiếu họ tên."))
    row["rating"] = _RATINGS.get(fold(values["rating"]))
    if not values["rating"]:
        err(labels["rating"], _("thiếu xếp loại."))
    elif row["rating"] is None:
        err(
            labels["rating"],
            _("“%(value)s” không có trong danh mục (xem trang Danh mục).")
            % {"value": values["rating"]},
        )
    row["discipline"] = ""
    if values["discipline"] and fold(values["discipline"]) not in ("khong", "khong bi ky luat"):
        found = _DISCIPLINES.get(fold(values["discipline"]))
        if found is None:
            err(
                labels["discipline"],
                _("“%(value)s” không có trong danh mục (xem trang Danh mục).")
                % {"value": values["discipline"]},
            )
        else:
            row["discipline"] = found
            if not values["discipline_source"]:
                err(labels["discipline_source"], _("hãy ghi số, ngày quyết định kỷ luật."))
    row["birth_year"] = None
    if values["birth_year"]:
        if values["birth_year"].isdigit() and 1900 <= int(values["birth_year"]) <= 2100:
            row["birth_year"] = int(values["birth_year"])
        else:
            err(
                labels["birth_year"],
                _("“%(value)s” không hợp lệ (ví dụ 1985).") % {"value": values["birth_year"]},
            )
    return row, errors


def read_rows(stream: IO[bytes]) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """The sheet's rows (with their numbers) and every error."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:
        raise DomainError(
            _("Không đọc được tệp Excel; hãy dùng tệp mẫu (.xlsx)."), code=ErrorCode.BAD_FILE
        ) from exc
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    header = [fold(_text(v)) for v in next(lines, ())]
    if header[: len(COLUMNS)] != [fold(label) for _k, label in COLUMNS]:
        book.close()
        raise DomainError(
            _("Dòng tiêu đề không đúng mẫu; hãy tải tệp mẫu và điền lại."),
            code=ErrorCode.BAD_HEADER,
        )
    rows: list[tuple[int, dict[str, Any]]] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=2):
        values = {
            key: _text(line[i] if i < len(line) else None) for i, (key, _l) in enumerate(COLUMNS)
        }
        if not any(values.values()):
            continue
        if len(rows) >= MAX_ROWS:
            errors.append(_("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS})
            break
        row, row_errors = _parse(number, values)
        rows.append((number, row))
        errors.extend(row_errors)
    book.close()
    return rows, errors


def _person(by: Any, unit: Unit, row: dict[str, Any]) -> Nominee:
    same = list(
        Nominee.objects.filter(
            unit=unit,
            kind=SubjectKind.INDIVIDUAL,
            merged_into__isnull=True,
            search_key=fold(row["name"]),
        )
    )
    if row["birth_year"] is not None:
        same = [n for n in same if n.birth_year in (None, row["birth_year"])]
    if len(same) > 1:
        raise DomainError(
            _("có %(n)s người cùng tên trong đơn vị: hãy ghi năm sinh.") % {"n": len(same)}
        )
    if same:
        return same[0]
    nominee, _new = nominee_find_or_create(
        by=by,
        data=NomineeData(
            kind=SubjectKind.INDIVIDUAL, name=row["name"], unit=unit,
            birth_year=row["birth_year"], position=row["position"],
        ),
    )  # fmt: skip
    return nominee


class _Rollback(Exception):
    pass


def import_ratings(*, by: Any, unit: Unit, year: int, stream: IO[bytes], size: int) -> ImportResult:
    """Record the file's ratings of ``year`` for the people of ``unit``, all or nothing."""
    if not can_record_results(by, unit):
        raise NotPermitted()
    problem = xlsx_import_problem(stream, size)
    if problem is not None:
        return ImportResult(errors=[problem])
    rows, errors = read_rows(stream)
    seen: dict[tuple[str, int | None], int] = {}
    for number, row in rows:
        key = (fold(row["name"]), row["birth_year"])
        if key in seen:
            errors.append(
                _("Dòng %(row)s: trùng người với dòng %(first)s.")
                % {"row": number, "first": seen[key]}
            )
        seen.setdefault(key, number)
    if errors:
        return ImportResult(errors=errors)
    if not rows:
        return ImportResult(errors=[_("Tệp không có dòng nào để nhập.")])
    result = ImportResult()
    try:
        with transaction.atomic():
            for number, row in rows:
                try:
                    rating_set(
                        by=by, nominee=_person(by, unit, row), year=year, rating=row["rating"],
                        discipline=row["discipline"], discipline_source=row["discipline_source"],
                        note=row["note"],
                    )  # fmt: skip
                except DomainError as exc:
                    result.errors.append(
                        _("Dòng %(row)s: %(message)s") % {"row": number, "message": exc.message}
                    )
            if result.errors:
                raise _Rollback
            RatingsEvent.objects.create(
                unit=unit, year=year, actor=by, kind=EventKind.IMPORTED, payload={"rows": len(rows)}
            )
            result.saved = len(rows)
    except _Rollback:
        result.saved = 0
    return result
