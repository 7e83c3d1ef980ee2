"""A unit's nomination list in Excel: the template and its all-or-nothing import.

One row per nominee. The whole file is checked first; while any row is wrong nothing is
saved and every error names its row and says what to fix in Vietnamese. Then all rows
are created in one transaction (a refusal there, e.g. one achievement one award, rolls
back every row). openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.codes import ErrorCode
from thidua.awards.models import AwardBasis, AwardForm, Gender, SubjectKind
from thidua.awards.nominations import nomination_create
from thidua.awards.nominees import NomineeData, nominee_find_or_create
from thidua.awards.rules import can_propose_for
from thidua.campaigns.models import Campaign, Phase
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.core.uploads import xlsx_import_problem
from thidua.documents.sheets import sheet_value
from thidua.organisations.models import Unit

MAX_ROWS = 1000
SHEET = "Danh sách đề nghị"
COLUMNS = [
    ("name", "Họ tên / tên (*)"),
    ("kind", "Loại đối tượng (*)"),
    ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"),
    ("position", "Chức vụ"),
    ("unit_part", "Bộ phận"),
    ("form", "Hình thức khen thưởng (*)"),
    ("phase", "Đợt thi đua (*)"),
    ("basis", "Loại thành tích"),
    ("summary", "Tóm tắt thành tích"),
]
_BASES = {fold(str(AwardBasis.CAMPAIGN.label)): AwardBasis.CAMPAIGN, "chuyen de": AwardBasis.CAMPAIGN,
          fold(str(AwardBasis.EXCEPTIONAL.label)): AwardBasis.EXCEPTIONAL, "dot xuat": AwardBasis.EXCEPTIONAL}  # fmt: skip


@dataclass
class ImportResult:
    created: int = 0
    errors: list[str] = field(default_factory=list)


def template_bytes(campaign: Campaign) -> bytes:
    """The template: the list sheet with its header and an example, and the choices."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([label for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Nguyễn Thị Hoa", "Cá nhân", "Nữ", 1985, "Kế toán viên", "Phòng Kế toán",
                  "Bằng khen UBND tỉnh", "Đợt 1", "Thi đua theo chuyên đề, theo đợt",
                  "(Dòng ví dụ: xóa trước khi tải lên)"])  # fmt: skip
    for index, width in enumerate([28, 16, 10, 10, 20, 20, 26, 14, 28, 50], start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    choices = book.create_sheet("Danh mục")
    choices.append(
        [_("Loại đối tượng"), _("Hình thức khen thưởng"), _("Đợt thi đua"), _("Loại thành tích")]
    )
    kinds = [str(label) for _v, label in SubjectKind.choices]
    forms = [f.short_name or f.name for f in AwardForm.objects.order_by("position", "code")]
    phases = [p.name for p in campaign.phases.order_by("position", "start")]
    bases = [str(AwardBasis.CAMPAIGN.label), str(AwardBasis.EXCEPTIONAL.label)]
    for row in range(max(len(kinds), len(forms), len(phases), len(bases))):
        choices.append([
            sheet_value(kinds[row]) if row < len(kinds) else None,
            sheet_value(forms[row]) if row < len(forms) else None,
            sheet_value(phases[row]) if row < len(phases) else None,
            sheet_value(bases[row]) if row < len(bases) else None,
        ])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lookups(campaign: Campaign) -> dict[str, dict[str, Any]]:
    forms: dict[str, Any] = {}
    for form in AwardForm.objects.all():
        forms[fold(form.name)] = form
        if form.short_name:
            forms[fold(form.short_name)] = form
        forms[fold(form.code)] = form
    return {
        "kind": {fold(str(label)): value for value, label in SubjectKind.choices},
        "gender": {fold(str(label)): value for value, label in Gender.choices},
        "form": forms,
        "phase": {fold(p.name): p for p in campaign.phases.all()} | {fold(p.code): p for p in campaign.phases.all()},
        "basis": _BASES,
    }  # fmt: skip


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _parse_row(
    number: int, values: dict[str, str], lookups: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    errors: list[str] = []
    row: dict[str, Any] = {}

    def err(message: str) -> None:
        errors.append(_("Dòng %(row)s: %(message)s") % {"row": number, "message": message})

    if not values["name"]:
        err(_("thiếu họ tên / tên."))
    row["name"] = values["name"]
    for key, label, required in (
        ("kind", _("loại đối tượng"), True), ("form", _("hình thức khen thưởng"), True),
        ("phase", _("đợt thi đua"), True), ("gender", _("giới tính"), False),
        ("basis", _("loại thành tích"), False),
    ):  # fmt: skip
        raw = values[key]
        if not raw:
            if required:
                err(_("thiếu %(label)s.") % {"label": label})
            row[key] = None
            continue
        found = lookups[key].get(fold(raw))
        if found is None:
            err(
                _("%(label)s “%(value)s” không có trong danh mục (xem trang Danh mục).")
                % {"label": label, "value": raw}
            )
        row[key] = found
    birth = values["birth_year"]
    row["birth_year"] = None
    if birth:
        if birth.isdigit() and 1900 <= int(birth) <= 2100:
            row["birth_year"] = int(birth)
        else:
            err(_("năm sinh “%(value)s” không hợp lệ (ví dụ 1985).") % {"value": birth})
    for key in ("position", "unit_part", "summary"):
        row[key] = values[key]
    if (
        row.get("form") is not None
        and row.get("kind")
        and row["kind"] not in row["form"].subject_kinds
    ):
        err(_("“%(form)s” không tặng cho đối tượng loại này.") % {"form": row["form"].name})
    return row, errors


def read_rows(
    stream: IO[bytes], lookups: dict[str, dict[str, Any]]
) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
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
        raise DomainError(
            _("Dòng tiêu đề không đúng mẫu; hãy tải tệp mẫu và điền lại."),
            code=ErrorCode.BAD_HEADER,
        )
    rows: list[tuple[int, dict[str, Any]]] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=2):
        values = {
            key: _text(line[i] if i < len(line) else None)
            for i, (key, _label) in enumerate(COLUMNS)
        }
        if not any(values.values()) or "dong vi du" in fold(values["summary"]):
            continue
        if len(rows) >= MAX_ROWS:
            errors.append(_("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS})
            break
        row, row_errors = _parse_row(number, values, lookups)
        rows.append((number, row))
        errors.extend(row_errors)
    book.close()
    return rows, errors


def import_nominations(
    *, by: Any, campaign: Campaign, unit: Unit, stream: IO[bytes], size: int
) -> ImportResult:
    """Create the file's nominations (and their nominees) for ``unit``, all or nothing."""
    if not can_propose_for(by, unit):
        raise NotPermitted()
    problem = xlsx_import_problem(stream, size)
    if problem is not None:
        return ImportResult(errors=[problem])
    rows, errors = read_rows(stream, _lookups(campaign))
    if errors:
        return ImportResult(errors=errors)
    if not rows:
        return ImportResult(errors=[_("Tệp không có dòng nào để nhập.")])
    result = ImportResult()
    try:
        with transaction.atomic():
            for number, row in rows:
                try:
                    _create(by, campaign, unit, row)
                except DomainError as exc:
                    result.errors.append(
                        _("Dòng %(row)s: %(message)s") % {"row": number, "message": exc.message}
                    )
            if result.errors:
                raise _Rollback
            result.created = len(rows)
    except _Rollback:
        result.created = 0
    return result


class _Rollback(Exception):
    pass


def _create(by: Any, campaign: Campaign, unit: Unit, row: dict[str, Any]) -> None:
    nominee, _new = nominee_find_or_create(
        by=by,
        data=NomineeData(
            kind=row["kind"], name=row["name"], unit=unit, gender=row["gender"] or "",
            birth_year=row["birth_year"], position=row["position"], unit_part=row["unit_part"],
        ),
    )  # fmt: skip
    phase: Phase = row["phase"]
    nomination_create(
        by=by,
        campaign=campaign,
        phase=phase,
        proposer_unit=unit,
        nominee=nominee,
        form=row["form"],
        basis=row["basis"] or AwardBasis.CAMPAIGN,
        summary=row["summary"],
    )
