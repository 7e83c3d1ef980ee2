"""A unit's nomination list in Excel: the template and its all-or-nothing import.

One row per nominee. The whole file is checked first; while any row is wrong nothing is
saved and every error names its row and says what to fix in Vietnamese. Then all rows
are created together in one transaction (``awards.nominations_many``: a refusal there,
e.g. one achievement one award, saves no row). A large file is imported by a job
(``awards.import_jobs``). openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import IO, Any

from django.utils.translation import gettext as _

from thidua.awards.codes import ErrorCode
from thidua.awards.models import AwardBasis, AwardForm, Gender, SubjectKind
from thidua.awards.nominations_many import NominationRow, nominations_create_many
from thidua.awards.rules import can_propose_for
from thidua.campaigns.models import Campaign
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.imports import sheet_row_count
from thidua.core.lengths import LINE, length_message
from thidua.core.ooxml import IMPORT_LIMITS
from thidua.core.text import fold, nfc
from thidua.core.uploads import xlsx_import_problem
from thidua.documents.sheets import sheet_value
from thidua.organisations.models import Unit

#: Rows one file may propose (issue #16: was 1.000, each row its own queries; a 5 MB
#: file holds about this many).
MAX_ROWS = 20_000
#: What a list may unpack to: ``IMPORT_LIMITS`` with room for the rows above (a row is
#: about 25 XML elements in the sheet and its shared strings).
NOMINATIONS_IMPORT_LIMITS = replace(IMPORT_LIMITS, elements=MAX_ROWS * 50)
#: Rows read between two reports of a job's progress.
PROGRESS_ROWS = 500
Progress = Callable[[int, int], None]
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
) -> tuple[NominationRow | None, list[str]]:
    errors: list[str] = []
    row: dict[str, Any] = {}

    def err(message: str) -> None:
        errors.append(_("Dòng %(row)s: %(message)s") % {"row": number, "message": message})

    if not values["name"]:
        err(_("thiếu họ tên / tên."))
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
        row[key] = lookups[key].get(fold(raw))
        if row[key] is None:
            err(
                _("%(label)s “%(value)s” không có trong danh mục (xem trang Danh mục).")
                % {"label": label, "value": raw}
            )
    birth = values["birth_year"]
    row["birth_year"] = None
    if birth:
        if birth.isdigit() and 1900 <= int(birth) <= 2100:
            row["birth_year"] = int(birth)
        else:
            err(_("năm sinh “%(value)s” không hợp lệ (ví dụ 1985).") % {"value": birth})
    for key, label in (("name", _("Họ tên / tên")), ("position", _("Chức vụ")),
                       ("unit_part", _("Bộ phận"))):  # fmt: skip
        if len(values[key]) > LINE:
            err(length_message(label, len(values[key]), LINE))
    if row["form"] is not None and row["kind"] and row["kind"] not in row["form"].subject_kinds:
        err(_("“%(form)s” không tặng cho đối tượng loại này.") % {"form": row["form"].name})
    if errors:
        return None, errors
    return NominationRow(
        kind=row["kind"], name=values["name"], form=row["form"], phase=row["phase"],
        basis=row["basis"] or AwardBasis.CAMPAIGN, gender=row["gender"] or "",
        birth_year=row["birth_year"], position=values["position"],
        unit_part=values["unit_part"], summary=values["summary"],
    ), []  # fmt: skip


def read_rows(
    stream: IO[bytes],
    lookups: dict[str, dict[str, Any]],
    progress: Progress | None = None,
    total: int = 0,
) -> tuple[list[tuple[int, NominationRow]], list[str]]:
    """Parse the list sheet: the good rows (with their numbers) and every error.
    ``progress(rows read, total)`` is told every ``PROGRESS_ROWS`` rows."""
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
    rows: list[tuple[int, NominationRow]] = []
    errors: list[str] = []
    for number, line in enumerate(lines, start=2):
        if progress is not None and number % PROGRESS_ROWS == 0:
            progress(number, max(total, number))
        values = {
            key: _text(line[i] if i < len(line) else None)
            for i, (key, _label) in enumerate(COLUMNS)
        }
        if not any(values.values()) or "dong vi du" in fold(values["summary"]):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(_("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS})
            break
        row, row_errors = _parse_row(number, values, lookups)
        if row is not None:
            rows.append((number, row))
        errors.extend(row_errors)
    book.close()
    return rows, errors


def file_problem(stream: IO[bytes], size: int) -> str | None:
    """Why an upload is no nomination list before openpyxl opens it, or None."""
    return xlsx_import_problem(stream, size, limits=NOMINATIONS_IMPORT_LIMITS)


def sheet_rows(stream: IO[bytes]) -> int:
    """How many rows below the header the list sheet holds (``core.imports``): what
    decides whether an upload becomes a job."""
    return max(0, sheet_row_count(stream, {SHEET}) - 1)


def import_nominations(
    *,
    by: Any,
    campaign: Campaign,
    unit: Unit,
    stream: IO[bytes],
    size: int,
    progress: Progress | None = None,
    before_commit: Callable[[int, list[str]], None] | None = None,
) -> ImportResult:
    """Create the file's nominations (and their nominees) for ``unit``, all or nothing.

    Guarantees: only who may propose for ``unit`` (``NotPermitted``); a file that is not
    an .xlsx of the template, or any wrong row, saves nothing and yields every error as
    "Dòng n: …" in Vietnamese; otherwise every row is created in one transaction
    (``nominations_create_many``: the checks of ``nomination_create``, Luật TĐKT 2022
    Điều 5 and 84). ``progress`` follows the reading; ``before_commit(created, [])`` runs
    inside that transaction (a job's finish: raising there saves nothing).
    """
    if not can_propose_for(by, unit):
        raise NotPermitted()
    problem = file_problem(stream, size)
    if problem is not None:
        return ImportResult(errors=[problem])
    total = sheet_rows(stream) if progress is not None else 0
    rows, errors = read_rows(stream, _lookups(campaign), progress, total)
    if errors:
        return ImportResult(errors=errors)
    if not rows:
        return ImportResult(errors=[_("Tệp không có dòng nào để nhập.")])
    created, refusals = nominations_create_many(
        by=by,
        campaign=campaign,
        unit=unit,
        rows=[row for _number, row in rows],
        before_commit=None if before_commit is None else lambda n: before_commit(n, []),
    )
    if refusals:
        return ImportResult(
            errors=[
                message
                if index is None
                else _("Dòng %(row)s: %(message)s") % {"row": rows[index][0], "message": message}
                for index, message in refusals
            ]
        )
    return ImportResult(created=len(created))
