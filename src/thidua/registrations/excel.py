"""The list of a unit's people registering for individual titles, in Excel: the template
and its all-or-nothing import.

One row per person and title. The whole file is checked first; while any row is wrong
nothing is saved and every error names its row and column and says what to fix in
Vietnamese. Then every row is added in one transaction (a refusal there rolls back every
row). The upload guards are the awards import's: .xlsx by content, at most 5 MB, an
archive that unpacks within ``core.ooxml.IMPORT_LIMITS``. openpyxl is imported inside
the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import AwardForm, Gender, SubjectKind
from thidua.core.errors import DomainError
from thidua.core.text import fold, nfc
from thidua.core.uploads import xlsx_import_problem
from thidua.documents.sheets import sheet_value
from thidua.registrations.codes import ErrorCode, EventKind
from thidua.registrations.models import Registration
from thidua.registrations.selectors import title_forms
from thidua.registrations.workflow import EntryData, _event, _locked_editable, add_entries

MAX_ROWS = 1000
SHEET = "Danh sách đăng ký"
COLUMNS = [
    ("name", "Họ tên (*)"),
    ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"),
    ("position", "Chức vụ"),
    ("form", "Danh hiệu đăng ký (*)"),
    ("note", "Ghi chú"),
]
EXAMPLE = "(Dòng ví dụ: xóa trước khi tải lên)"


@dataclass
class ImportResult:
    created: int = 0
    errors: list[str] = field(default_factory=list)


def template_bytes() -> bytes:
    """The template: the list sheet with its header and an example row, and the titles."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([label for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Nguyễn Thị Hoa", "Nữ", 1985, "Điều dưỡng", "Lao động tiên tiến", EXAMPLE])
    for letter, width in zip("ABCDEF", [28, 10, 10, 24, 30, 40], strict=True):
        sheet.column_dimensions[letter].width = width
    choices = book.create_sheet("Danh mục")
    choices.append([_("Danh hiệu thi đua cá nhân"), _("Giới tính")])
    forms = [f.name for f in title_forms(SubjectKind.INDIVIDUAL)]
    genders = [str(label) for _v, label in Gender.choices]
    for row in range(max(len(forms), len(genders))):
        choices.append([
            sheet_value(forms[row]) if row < len(forms) else None,
            sheet_value(genders[row]) if row < len(genders) else None,
        ])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lookups() -> dict[str, dict[str, Any]]:
    forms: dict[str, AwardForm] = {}
    for form in title_forms(SubjectKind.INDIVIDUAL):
        for name in (form.name, form.short_name, form.code):
            if name:
                forms[fold(name)] = form
    return {"form": forms, "gender": {fold(str(label)): v for v, label in Gender.choices}}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _column(key: str) -> str:
    return dict(COLUMNS)[key].removesuffix(" (*)")


def _parse_row(
    number: int, values: dict[str, str], lookups: dict[str, dict[str, Any]]
) -> tuple[EntryData | None, list[str]]:
    errors: list[str] = []

    def err(key: str, message: str) -> None:
        errors.append(
            _("Dòng %(row)s, cột “%(column)s”: %(message)s")
            % {"row": number, "column": _column(key), "message": message}
        )

    if not values["name"]:
        err("name", _("thiếu họ tên."))
    form = lookups["form"].get(fold(values["form"]))
    if not values["form"]:
        err("form", _("thiếu danh hiệu đăng ký."))
    elif form is None:
        err(
            "form",
            _("“%(value)s” không phải danh hiệu thi đua cá nhân (xem trang Danh mục).")
            % {"value": values["form"]},
        )
    gender = ""
    if values["gender"]:
        gender = lookups["gender"].get(fold(values["gender"]), "")
        if not gender:
            err(
                "gender",
                _("“%(value)s” không hợp lệ; ghi Nam hoặc Nữ.") % {"value": values["gender"]},
            )
    birth_year = None
    if values["birth_year"]:
        raw = values["birth_year"]
        if raw.isdigit() and 1900 <= int(raw) <= 2100:
            birth_year = int(raw)
        else:
            err("birth_year", _("“%(value)s” không hợp lệ (ví dụ 1985).") % {"value": raw})
    for key, limit in (("name", 255), ("position", 255), ("note", 255)):
        if len(values[key]) > limit:
            err(key, _("dài %(n)s ký tự, tối đa %(max)s.") % {"n": len(values[key]), "max": limit})
    if errors or form is None:
        return None, errors
    return EntryData(
        kind=SubjectKind.INDIVIDUAL,
        form=form,
        name=values["name"],
        gender=gender,
        birth_year=birth_year,
        position=values["position"],
        note=values["note"],
    ), []


def read_rows(stream: IO[bytes]) -> tuple[list[tuple[int, EntryData]], list[str]]:
    """Parse the list sheet: the rows (with their numbers) and every error."""
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
    expected = [fold(label) for _key, label in COLUMNS]
    if header[: len(expected)] != expected:
        book.close()
        raise DomainError(
            _("Dòng tiêu đề không đúng mẫu; hãy tải tệp mẫu và điền lại."),
            code=ErrorCode.BAD_HEADER,
        )
    lookups = _lookups()
    rows: list[tuple[int, EntryData]] = []
    errors: list[str] = []
    seen: dict[tuple[str, int | None, int], int] = {}
    for number, line in enumerate(lines, start=2):
        values = {
            key: _text(line[i] if i < len(line) else None) for i, (key, _l) in enumerate(COLUMNS)
        }
        if not any(values.values()) or fold(values["note"]) == fold(EXAMPLE):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(_("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS})
            break
        entry, row_errors = _parse_row(number, values, lookups)
        errors.extend(row_errors)
        if entry is None:
            continue
        key = (fold(entry.name), entry.birth_year, entry.form.pk)
        if key in seen:
            errors.append(
                _("Dòng %(row)s: trùng dòng %(first)s (cùng người, cùng danh hiệu).")
                % {"row": number, "first": seen[key]}
            )
            continue
        seen[key] = number
        rows.append((number, entry))
    book.close()
    return rows, errors


def import_entries(
    *, actor: Any, registration: Registration, stream: IO[bytes], size: int
) -> ImportResult:
    """Add the file's people and titles to an editable registration, all or nothing."""
    problem = xlsx_import_problem(stream, size)
    if problem is not None:
        return ImportResult(errors=[problem])
    rows, errors = read_rows(stream)
    if errors:
        return ImportResult(errors=errors)
    if not rows:
        return ImportResult(errors=[_("Tệp không có dòng nào để nhập.")])
    with transaction.atomic():
        locked = _locked_editable(actor, registration.pk)
        try:
            with transaction.atomic():
                for number, entry in rows:
                    try:
                        add_entries(actor, locked, [entry])
                    except DomainError as exc:
                        raise _RowRefused(number, exc.message) from exc
        except _RowRefused as refused:
            return ImportResult(
                errors=[
                    _("Dòng %(row)s: %(message)s")
                    % {"row": refused.row, "message": refused.message}
                ]
            )
        _event(locked, actor, EventKind.IMPORT, {"rows": len(rows)})
    return ImportResult(created=len(rows))


class _RowRefused(Exception):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.message = message
