"""Works in Excel: a unit's registration template, its all-or-nothing import, the register export.

The template and the import share one column list (``COLUMNS``), so a downloaded template
always uploads. The import checks the whole file first and saves nothing while any row is
wrong (DESIGN.md: "imports are all-or-nothing with row-level errors"); then every row goes
through ``work_create`` inside one transaction, so a refusal there rolls back all rows.
openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO, Any, NamedTuple

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.campaigns.models import Campaign, ContentArea, Phase, WorkKind
from thidua.core.errors import DomainError, PermissionDenied
from thidua.core.text import fold, nfc
from thidua.core.uploads import sniff
from thidua.organisations.models import Unit, UnitKind
from thidua.targets.models import Target
from thidua.works.models import Work, WorkState
from thidua.works.services import SimilarWorks, WorkData, can_register_for, rule_for, work_create

logger = logging.getLogger(__name__)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Largest file accepted for import, and largest it may unpack to (a zip bomb guard).
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Rows one file may register; a unit registers a handful, a district a few hundred.
MAX_IMPORT_ROWS = 2000
#: Rows of the template prepared with drop-downs and text-formatted date cells.
TEMPLATE_ROWS = 500
REGISTER_SHEET = gettext_noop("Đăng ký")
GUIDE_SHEET = gettext_noop("Hướng dẫn")
CATALOGUE_SHEET = gettext_noop("Danh mục")
EXAMPLE_MARK = "VD"
HEADER_ROW = 3  # title, unit, header; the example row follows, then the data
FIRST_DATA_ROW = HEADER_ROW + 2


class Column(NamedTuple):
    """One column of the registration sheet: its key, header, short name and width."""

    key: str
    header: str
    short: str
    width: int


COLUMNS = (
    Column("stt", gettext_noop("STT"), gettext_noop("STT"), 6),
    Column("kind", gettext_noop("Loại (Công trình/Dự án/Phần việc)"), gettext_noop("Loại"), 16),
    Column(
        "title",
        gettext_noop("Tên công trình, dự án, phần việc *"),
        gettext_noop("Tên công trình, dự án, phần việc"),
        48,
    ),
    Column("description", gettext_noop("Mô tả"), gettext_noop("Mô tả"), 40),
    Column(
        "content_area", gettext_noop("Nội dung thi đua (mã)"), gettext_noop("Nội dung thi đua"), 14
    ),
    Column("place", gettext_noop("Địa điểm (xã, phường)"), gettext_noop("Địa điểm"), 22),
    Column("budget", gettext_noop("Kinh phí (triệu đồng)"), gettext_noop("Kinh phí"), 14),
    Column("budget_source", gettext_noop("Nguồn kinh phí"), gettext_noop("Nguồn kinh phí"), 22),
    Column(
        "planned_start",
        gettext_noop("Ngày bắt đầu (dd/mm/yyyy) *"),
        gettext_noop("Ngày bắt đầu"),
        16,
    ),
    Column(
        "planned_finish",
        gettext_noop("Ngày hoàn thành (dd/mm/yyyy) *"),
        gettext_noop("Ngày hoàn thành"),
        16,
    ),
    Column("phase", gettext_noop("Chào mừng đợt"), gettext_noop("Chào mừng đợt"), 14),
    Column(
        "targets",
        gettext_noop("Chỉ tiêu phục vụ (mã, cách nhau dấu phẩy)"),
        gettext_noop("Chỉ tiêu phục vụ"),
        24,
    ),
)
_COLUMN = {c.key: c for c in COLUMNS}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _header_key(value: object) -> str:
    return fold(str(value or "")).rstrip("* ").strip()


# --- Template ---------------------------------------------------------------------------------


def registration_template(campaign: Campaign, unit: Unit) -> bytes:
    """The workbook a unit fills in to register works for ``campaign``.

    Sheets: "Đăng ký" (title, header, a grey example row the import skips, drop-downs),
    "Hướng dẫn" (how to fill it in) and a hidden "Danh mục" listing the campaign's content
    areas, phases and targets, the kinds the unit may register (KH 128 II.2) and the
    communes of its district. The import accepts exactly this layout.
    """
    from openpyxl import Workbook

    lookups = Lookups.build(campaign, unit)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _(REGISTER_SHEET)
    ranges = _write_catalogue(workbook.create_sheet(_(CATALOGUE_SHEET)), lookups, campaign, unit)
    _write_register(sheet, lookups, campaign, unit, ranges)
    _write_guide(workbook.create_sheet(_(GUIDE_SHEET), 1))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_catalogue(sheet: Any, lookups: Lookups, campaign: Campaign, unit: Unit) -> dict:
    """Fill the hidden list sheet; return the cell range of each drop-down's choices."""
    quoted = "'%s'" % sheet.title.replace("'", "''")
    lists = {
        "kind": [str(k.label) for k in lookups.kinds],
        "content_area": [a.code for a in lookups.areas],
        "phase": [p.code for p in lookups.phases],
        "place": [u.name for u in lookups.communes],
    }
    columns = [
        (_("Loại"), lists["kind"]),
        (_("Mã nội dung thi đua"), lists["content_area"]),
        (_("Nội dung thi đua"), [a.title for a in lookups.areas]),
        (_("Mã đợt"), lists["phase"]),
        (_("Đợt"), [_phase_text(p) for p in lookups.phases]),
        (_("Mã chỉ tiêu"), [t.code for t in lookups.targets]),
        (_("Chỉ tiêu"), [t.indicator for t in lookups.targets]),
        (_("Xã, phường"), lists["place"]),
        (_("Mã phong trào"), [campaign.code]),
        (_("Mã đơn vị"), [unit.code]),
    ]
    for index, (title, values) in enumerate(columns):
        sheet.cell(row=1, column=index + 1, value=title)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index + 1, value=value)
    sheet.sheet_state = "hidden"
    where = {"kind": "A", "content_area": "B", "phase": "D", "place": "H"}
    return {
        key: f"{quoted}!${where[key]}$2:${where[key]}${len(values) + 1}"
        for key, values in lists.items()
        if values
    }


def _phase_text(phase: Phase) -> str:
    return "%s (%s – %s)" % (
        phase.name,
        phase.start.strftime("%d/%m/%Y"),
        phase.last_day.strftime("%d/%m/%Y"),
    )


def _write_register(
    sheet: Any, lookups: Lookups, campaign: Campaign, unit: Unit, ranges: dict
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    last = _letter(len(COLUMNS) - 1)
    sheet["A1"] = _("Đăng ký công trình, dự án, phần việc – %(number)s: %(title)s") % {
        "number": campaign.doc_number,
        "title": campaign.title,
    }
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = _("Đơn vị: %(unit)s") % {"unit": unit.name}
    sheet["A2"].font = Font(bold=True)
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    thin = Side(style="thin", color="999999")
    for index, column in enumerate(COLUMNS):
        cell = sheet.cell(row=HEADER_ROW, column=index + 1, value=_(column.header))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.column_dimensions[_letter(index)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = 45
    grey = Font(italic=True, color="808080")
    for index, value in enumerate(_example_row(lookups)):
        sheet.cell(row=HEADER_ROW + 1, column=index + 1, value=value).font = grey
    last_row = FIRST_DATA_ROW + TEMPLATE_ROWS - 1
    for key in ("planned_start", "planned_finish"):
        # Text cells keep "07/03/2025" as typed: an English-locale Excel would read 7 March.
        col = _letter(_index(key))
        for row in range(FIRST_DATA_ROW, last_row + 1):
            sheet[f"{col}{row}"].number_format = "@"
    for key, formula in ranges.items():
        strict = key != "place"  # a place may be typed without diacritics
        validation = DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=strict
        )
        validation.error = _("Hãy chọn một giá trị trong danh sách.")
        validation.errorTitle = _("Giá trị không hợp lệ")
        col = _letter(_index(key))
        validation.add(f"{col}{FIRST_DATA_ROW}:{col}{last_row}")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _index(key: str) -> int:
    return COLUMNS.index(_COLUMN[key])


def _example_row(lookups: Lookups) -> list[object]:
    return [
        EXAMPLE_MARK,
        str(lookups.kinds[0].label) if lookups.kinds else "",
        _("Ví dụ: Nâng cấp, mở rộng đường giao thông nông thôn ấp Phú Thạnh"),
        _("Dòng này là ví dụ, không được nhập; hãy điền từ dòng kế tiếp."),
        lookups.areas[0].code if lookups.areas else "",
        lookups.communes[0].name if lookups.communes else "",
        "1.500",
        _("Ngân sách xã, vận động nhân dân"),
        "01/12/2024",
        "30/04/2025",
        lookups.phases[0].code if lookups.phases else "",
        ", ".join(t.code for t in lookups.targets[:2]),
    ]


GUIDE = (
    gettext_noop("Cách điền mẫu đăng ký công trình, dự án, phần việc"),
    gettext_noop(
        "1. Mỗi dòng là một công trình, dự án hoặc phần việc; điền từ dòng ngay dưới dòng ví dụ (dòng chữ nghiêng màu xám, STT “VD”, không được nhập)."
    ),
    gettext_noop(
        "2. Cột có dấu * là bắt buộc; cột Loại cũng bắt buộc: chọn Công trình, Dự án hoặc Phần việc trong danh sách."
    ),
    gettext_noop(
        "3. Ngày ghi dạng dd/mm/yyyy, ví dụ 30/04/2025. Ngày hoàn thành không được trước ngày bắt đầu."
    ),
    gettext_noop(
        "4. Kinh phí ghi bằng triệu đồng, có thể có phần thập phân: 1.234,5 hoặc 1234,5 đều được."
    ),
    gettext_noop(
        "5. Nội dung thi đua, Chào mừng đợt: chọn mã trong danh sách. Chỉ tiêu phục vụ: ghi mã, cách nhau dấu phẩy, ví dụ T01, T05."
    ),
    gettext_noop(
        "6. Địa điểm: tên xã, phường trong huyện của đơn vị; gõ có dấu hay không dấu đều được."
    ),
    gettext_noop("7. Không đổi tên, thứ tự các cột và không xóa dòng tiêu đề."),
    gettext_noop(
        "8. Khi tải lên, hệ thống kiểm tra toàn bộ tệp: nếu có lỗi, không dòng nào được lưu; sửa theo danh sách lỗi (số dòng, tên cột) rồi tải lên lại."
    ),
    gettext_noop(
        "9. Nếu có công trình gần giống đã đăng ký, hệ thống liệt kê; kiểm tra lại, nếu không trùng thì tải lên lại và đánh dấu ô xác nhận."
    ),
    gettext_noop("10. Công trình được tạo ở trạng thái Nháp; xem lại rồi gửi duyệt trên hệ thống."),
)


def _write_guide(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = 120
    for row, line in enumerate(GUIDE, start=1):
        cell = sheet.cell(row=row, column=1, value=_(line))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=13)


# --- Lookups shared by the template and the import -------------------------------------------


_PLACE_PREFIXES = ("xa ", "phuong ", "thi tran ")


@dataclass
class Lookups:
    """What a cell may name, for one campaign and one registering unit."""

    kinds: list[WorkKind]
    areas: list[ContentArea]
    phases: list[Phase]
    targets: list[Target]
    communes: list[Unit]
    kind_index: dict[str, WorkKind] = field(init=False)
    area_index: dict[str, ContentArea] = field(init=False)
    phase_index: dict[str, Phase] = field(init=False)
    target_index: dict[str, Target] = field(init=False)
    place_index: dict[str, list[Unit]] = field(init=False)

    def __post_init__(self) -> None:
        """Index every name a person may type, folded (no diacritics, any case)."""
        with translation.override("vi"):
            source_labels = {kind: str(kind.label) for kind in WorkKind}
        self.kind_index = {
            fold(name): kind
            for kind in WorkKind
            for name in (kind.value, source_labels[kind], str(kind.label))
        }
        self.area_index = {fold(a.title): a for a in self.areas} | {
            fold(a.code): a for a in self.areas
        }
        self.phase_index = {fold(p.name): p for p in self.phases} | {
            fold(p.code): p for p in self.phases
        }
        # A unit's own target wins over a common one with the same code.
        self.target_index = {fold(t.code): t for t in self.targets}
        self.place_index = {}
        for commune in self.communes:
            names = {fold(commune.name), fold(commune.code)}
            if commune.short_name:
                names.add(fold(commune.short_name))
            names |= {n[len(p) :] for n in names for p in _PLACE_PREFIXES if n.startswith(p)}
            for name in names:
                if commune not in self.place_index.setdefault(name, []):
                    self.place_index[name].append(commune)

    @property
    def kind_choices(self) -> str:
        return ", ".join(str(kind.label) for kind in self.kinds)

    @classmethod
    def build(cls, campaign: Campaign, unit: Unit) -> Lookups:
        """Kinds the unit's registration rule counts (KH 128 II.2.b–c; all when none),
        the campaign's content areas, phases and targets (common and the unit's own),
        and the communes of the unit's district in force today."""
        rule = rule_for(campaign, unit)
        allowed = {*rule.work_kinds, *rule.alternative_work_kinds} if rule else set()
        kinds = [k for k in WorkKind if not allowed or k.value in allowed]
        targets = Target.objects.filter(campaign=campaign).filter(
            Q(unit__isnull=True) | Q(unit=unit)
        )
        today = timezone.localdate()
        communes = (
            Unit.objects.filter(kind=UnitKind.COMMUNE, path__startswith=_district_path(unit))
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        )
        return cls(
            kinds=kinds,
            areas=list(campaign.content_areas.order_by("position", "code")),
            phases=list(campaign.phases.order_by("position", "start")),
            targets=list(targets.order_by(F("unit_id").asc(nulls_first=True), "position", "code")),
            communes=list(communes.order_by("name")),
        )


def _district_path(unit: Unit) -> str:
    """Where a unit's works may be located: its district (for a commune, its parent)."""
    if unit.kind == UnitKind.COMMUNE and unit.parent_id:
        return unit.path.rsplit("/", 2)[0] + "/"
    if unit.kind == UnitKind.DISTRICT:
        return unit.path
    return f"/{unit.path.strip('/').split('/')[0]}/"


# --- Import --------------------------------------------------------------------------------------

#: The label of the box a person ticks to save works that look like others (SimilarWorks).
CONFIRM_LABEL = gettext_noop("Tôi đã kiểm tra: không trùng với các công trình gần giống")
_SCAN_ROWS = 50_000  # rows read before giving up on a sheet that claims a million rows


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


@dataclass
class ImportResult:
    """What an upload did: how many works it created, or every error (and nothing saved)."""

    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    needs_confirmation: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _RolledBack(Exception):
    """Raised inside the import transaction so that no row of a refused file stays."""


@dataclass
class _Sheet:
    header_row: int
    header: tuple[object, ...]
    rows: list[tuple[int, tuple[object, ...]]]
    markers: tuple[str, str]


def registration_import(
    *, actor: Any, campaign: Campaign, unit: Unit, content: bytes, confirm_similar: bool = False
) -> ImportResult:
    """Register every row of a filled template for ``unit``, or none of them.

    Guarantees: a file that is not a real XLSX, is over 5 MB, has a changed header, or has
    any wrong row saves nothing and yields every error as "Dòng n, cột “…”: what to fix".
    Rows then go through ``work_create`` (KH 128 II.2 checks, duplicates of provincial
    works, look-alikes) inside one transaction: one refusal rolls back every row. Only the
    unit's officers or head may import (raises ``PermissionDenied`` otherwise).
    """
    if not can_register_for(actor, unit):
        raise PermissionDenied(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
    problem = file_problem(content)
    if problem:
        return ImportResult(errors=[RowError(None, None, problem)])
    try:
        sheet = _read_sheet(content)
    except DomainError as exc:
        return ImportResult(errors=[RowError(None, None, exc.message)])
    errors = _layout_errors(sheet, campaign, unit)
    if not errors and not sheet.rows:
        message = _("Tệp chưa có dòng nào để đăng ký: hãy điền từ dòng dưới dòng ví dụ.")
        errors = [RowError(None, None, message)]
    if errors:
        return ImportResult(errors=errors)
    lookups = Lookups.build(campaign, unit)
    parsed: list[tuple[int, WorkData]] = []
    for number, cells in sheet.rows:
        data, row_errors = _parse_row(number, cells, lookups)
        errors += row_errors
        if data is not None:
            parsed.append((number, data))
    errors += _duplicate_errors(parsed, campaign, unit)
    if errors:
        return ImportResult(errors=sorted(errors, key=lambda e: (e.row or 0, _order(e.column))))
    return _create_all(actor, campaign, unit, parsed, confirm_similar)


def _order(column: str | None) -> int:
    names = [_(c.short) for c in COLUMNS]
    return names.index(column) if column in names else -1


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be imported (empty, over 5 MB), or None."""
    from django.utils.formats import number_format

    if size <= 0:
        return _("Tệp rỗng. Hãy chọn tệp Excel (.xlsx) đã điền theo mẫu.")
    if size > MAX_IMPORT_BYTES:
        return _(
            "Tệp lớn %(size)s MB, quá giới hạn 5 MB. Mẫu đăng ký chỉ cần vài trăm KB: "
            "hãy xóa hình ảnh, sheet thừa rồi tải lên lại."
        ) % {"size": number_format(size / 1024 / 1024, 1)}
    return None


def file_problem(content: bytes) -> str | None:
    """Why ``content`` cannot be a registration file (by size and content), or None."""
    problem = size_problem(len(content))
    if problem:
        return problem
    kind = sniff(io.BytesIO(content))
    if kind == "xlsx":
        return _unpacked_problem(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return _(
            "Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel, chọn “Lưu thành” kiểu "
            "“Excel Workbook (*.xlsx)” rồi tải lên lại."
        )
    known = {
        "docx": _("Đây là tệp Word (.docx), không phải Excel."),
        "pdf": _("Đây là tệp PDF, không phải Excel."),
        "jpeg": _("Đây là tệp ảnh, không phải Excel."),
        "png": _("Đây là tệp ảnh, không phải Excel."),
        "webp": _("Đây là tệp ảnh, không phải Excel."),
    }
    if kind in known:
        what = known[kind]
    elif b"\x00" not in content[:4096]:
        what = _("Đây là tệp văn bản (CSV), không phải Excel (.xlsx).")
    else:
        what = _("Tệp không phải Excel (.xlsx).")
    return "%s %s" % (what, _("Hãy tải mẫu Excel của hệ thống, điền rồi tải lên tệp .xlsx."))


def _unpacked_problem(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return None  # openpyxl will say it cannot read it
    if unpacked > MAX_UNPACKED_BYTES:
        return _("Tệp Excel chứa quá nhiều dữ liệu; hãy chỉ giữ sheet “Đăng ký” theo mẫu.")
    return None


def _read_sheet(content: bytes) -> _Sheet:
    """The header and the non-blank rows of the registration sheet, read in one pass."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # Excel writes extensions (slicers, x14 validations) that openpyxl warns about.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                return _collect(workbook)
            finally:
                workbook.close()
    except DomainError:
        raise
    except Exception as exc:
        # Any damaged or odd file must end in a message, never in a server error.
        logger.info("registration import: unreadable workbook (%s)", exc)
        raise DomainError(
            _(
                "Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng .xlsx). Hãy mở "
                "tệp bằng Excel, lưu lại kiểu .xlsx rồi tải lên lại."
            ),
            code="unreadable",
        ) from exc


def _collect(workbook: Any) -> _Sheet:
    names = {_(REGISTER_SHEET), REGISTER_SHEET}
    sheet = next((ws for ws in workbook.worksheets if ws.title in names), workbook.worksheets[0])
    width = len(COLUMNS)
    header_row, header = 0, ()
    rows: list[tuple[int, tuple[object, ...]]] = []
    for number, values in enumerate(sheet.iter_rows(max_col=width + 8, values_only=True), 1):
        if not header_row:
            if _header_key(values[0] if values else None) == fold(COLUMNS[0].header):
                header_row, header = number, tuple(values)
            elif number >= 10:
                break
            continue
        cells = tuple(values[:width]) + (None,) * (width - len(values))
        if number > _SCAN_ROWS or len(rows) >= MAX_IMPORT_ROWS:
            raise DomainError(
                _("Tệp có quá nhiều dòng; mỗi lần chỉ nhập tối đa %(n)s công trình.")
                % {"n": MAX_IMPORT_ROWS}
            )
        if fold(_text(cells[0])) == fold(EXAMPLE_MARK) or not any(map(_text, cells[1:])):
            continue
        rows.append((number, cells))
    if not header_row:
        raise DomainError(
            _(
                "Không tìm thấy dòng tiêu đề (bắt đầu bằng ô “STT”) trong 10 dòng đầu. Hãy "
                "dùng mẫu tải từ hệ thống và không xóa dòng tiêu đề."
            )
        )
    return _Sheet(header_row, header, rows, _markers(workbook))


def _markers(workbook: Any) -> tuple[str, str]:
    """The campaign and unit codes the template was made for (hidden list sheet)."""
    names = {_(CATALOGUE_SHEET), CATALOGUE_SHEET}
    for sheet in workbook.worksheets:
        if sheet.title in names:
            for values in sheet.iter_rows(min_row=2, max_row=2, min_col=9, max_col=10):
                return (_text(values[0].value), _text(values[1].value))
    return ("", "")


def _layout_errors(sheet: _Sheet, campaign: Campaign, unit: Unit) -> list[RowError]:
    """A changed header (each missing or moved column) or a template of another unit."""
    found = [_header_key(value) for value in sheet.header]
    errors = []
    for index, column in enumerate(COLUMNS):
        names = {_header_key(n) for n in (column.header, _(column.header), column.short)}
        names.add(_header_key(_(column.short)))
        if index < len(found) and found[index] in names:
            continue
        where = next((i for i, name in enumerate(found) if name in names), None)
        params = {"name": _(column.short), "letter": _letter(index)}
        if where is None:
            message = _("Thiếu cột “%(name)s” (theo mẫu là cột %(letter)s).") % params
        else:
            params["found"] = _letter(where)
            message = (
                _("Cột “%(name)s” đang ở cột %(found)s; theo mẫu phải ở cột %(letter)s.") % params
            )
        errors.append(RowError(sheet.header_row, None, message))
    if errors:
        hint = _("Hãy dùng mẫu tải từ hệ thống, không đổi tên hay thứ tự các cột.")
        errors.append(RowError(sheet.header_row, None, hint))
    campaign_code, unit_code = sheet.markers
    if campaign_code and campaign_code != campaign.code:
        errors.append(RowError(None, None, _("Tệp này là mẫu của một phong trào khác.")))
    if unit_code and unit_code != unit.code:
        message = _("Tệp này là mẫu của đơn vị khác; hãy tải mẫu của %(unit)s.")
        errors.append(RowError(None, None, message % {"unit": unit.name}))
    return errors


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _parse_row(
    number: int, cells: tuple[object, ...], lookups: Lookups
) -> tuple[WorkData | None, list[RowError]]:
    values = dict(zip((c.key for c in COLUMNS), cells, strict=True))
    parsed: dict[str, Any] = {}
    errors = []
    for key, parse in _PARSERS.items():
        try:
            parsed[key] = parse(values[key], lookups)
        except _CellError as exc:
            errors.append(RowError(number, _(_COLUMN[key].short), exc.message))
    start, finish = parsed.get("planned_start"), parsed.get("planned_finish")
    if start and finish and finish < start:
        message = _("Ngày hoàn thành (%(finish)s) phải sau hoặc bằng ngày bắt đầu (%(start)s).")
        dates = {"start": start.strftime("%d/%m/%Y"), "finish": finish.strftime("%d/%m/%Y")}
        errors.append(RowError(number, _(_COLUMN["planned_finish"].short), message % dates))
    if errors:
        return None, errors
    return WorkData(**parsed), []


def _required(value: object, message: str) -> str:
    text = _text(value)
    if not text:
        raise _CellError(message)
    return text


def _limited(value: object, limit: int) -> str:
    text = _text(value)
    if len(text) > limit:
        raise _CellError(_("Dài quá %(n)s ký tự; hãy rút gọn.") % {"n": limit})
    return text


def _parse_title(value: object, lookups: Lookups) -> str:
    _required(value, _("Hãy nhập tên công trình, dự án, phần việc."))
    return _limited(value, 500)


def _parse_kind(value: object, lookups: Lookups) -> str:
    text = _required(value, _("Hãy chọn loại: %(choices)s.") % {"choices": lookups.kind_choices})
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
    text = _text(value)
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
            % {"value": _text(value), "names": names}
        )
    return matches[0] if matches else None


def _parse_targets(value: object, lookups: Lookups) -> list[Target]:
    codes = [code for code in re.split(r"[,;\s]+", _text(value)) if code]
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
    example = _("ghi dạng dd/mm/yyyy, ví dụ 30/04/2025")
    text = _required(value, _("Hãy nhập ngày, %(example)s.") % {"example": example})
    params = {"value": text, "example": example}
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
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
    text = _text(value)
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
    "description": lambda value, lookups: _text(value),
    "content_area": _parse_area,
    "place": _parse_place,
    "budget": _parse_budget,
    "budget_source": lambda value, lookups: _limited(value, 255),
    "planned_start": _parse_date,
    "planned_finish": _parse_date,
    "phase": _parse_phase,
    "targets": _parse_targets,
}


def _duplicate_errors(
    rows: list[tuple[int, WorkData]], campaign: Campaign, unit: Unit
) -> list[RowError]:
    """The same title twice in the file, or a title the unit already registered."""
    registered = set(
        Work.objects.filter(campaign=campaign, unit=unit)
        .exclude(state=WorkState.CANCELLED)
        .values_list("search_text", flat=True)
    )
    column = _(_COLUMN["title"].short)
    seen: dict[str, int] = {}
    errors = []
    for number, data in rows:
        key = fold(data.title)
        if key in seen:
            message = _("Trùng tên với dòng %(row)s của tệp; mỗi công trình chỉ ghi một dòng.")
            errors.append(RowError(number, column, message % {"row": seen[key]}))
        elif key in registered:
            message = _("Đơn vị đã đăng ký công trình cùng tên trong phong trào này.")
            errors.append(RowError(number, column, message))
        seen.setdefault(key, number)
    return errors


def _create_all(
    actor: Any, campaign: Campaign, unit: Unit, rows: list[tuple[int, WorkData]], confirm: bool
) -> ImportResult:
    """Create every row in one transaction; any refusal rolls all of them back."""
    errors: list[RowError] = []
    similar = False
    try:
        with transaction.atomic():
            for number, data in rows:
                try:
                    work_create(
                        actor=actor,
                        campaign=campaign,
                        unit=unit,
                        data=data,
                        confirm_similar=confirm,
                    )
                except SimilarWorks as exc:
                    similar = True
                    column = _(_COLUMN["title"].short)
                    errors.append(RowError(number, column, _similar_message(exc)))
                except DomainError as exc:
                    errors.append(RowError(number, None, exc.message))
            if errors:
                raise _RolledBack
    except _RolledBack:
        return ImportResult(errors=errors, needs_confirmation=similar)
    return ImportResult(created=len(rows))


def _similar_message(exc: SimilarWorks) -> str:
    names = "; ".join(
        "“%s” (%s)" % (title, _("công trình của tỉnh") if source == "province" else source)
        for _score, title, source, _pk in exc.matches
    )
    return _(
        "Tên gần giống công trình đã đăng ký: %(names)s. Nếu không trùng, hãy tải tệp lên "
        "lại và đánh dấu ô “%(confirm)s”."
    ) % {"names": names, "confirm": _(CONFIRM_LABEL)}


# --- Export --------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    (gettext_noop("STT"), 6),
    (gettext_noop("Mã"), 8),
    (gettext_noop("Đơn vị thực hiện"), 28),
    (gettext_noop("Cấp duyệt"), 24),
    (gettext_noop("Loại"), 12),
    (gettext_noop("Tên"), 50),
    (gettext_noop("Nội dung thi đua"), 30),
    (gettext_noop("Địa điểm"), 20),
    (gettext_noop("Kinh phí (triệu đồng)"), 14),
    (gettext_noop("Nguồn kinh phí"), 22),
    (gettext_noop("Bắt đầu"), 12),
    (gettext_noop("Hoàn thành dự kiến"), 14),
    (gettext_noop("Hoàn thành thực tế"), 14),
    (gettext_noop("Tiến độ (%)"), 10),
    (gettext_noop("Trạng thái"), 16),
    (gettext_noop("Trễ hạn"), 9),
    (gettext_noop("Vượt tiến độ"), 12),
)
DATE_FORMAT = "DD/MM/YYYY"
#: Thousands and decimal marks come from the reader's system: 1.234,5 on a Vietnamese one.
BUDGET_FORMAT = "#,##0.0"
EXPORT_CHUNK = 2000


def register_export(works: Iterable[Work], *, today: dt.date) -> bytes:
    """The works register as an XLSX file, for the Ban Thi đua – Khen thưởng.

    ``works`` should come from ``work_list`` (visible works, filtered, with ``late`` and
    ``ahead`` annotated); see ``register_export_to`` for the layout.
    """
    buffer = io.BytesIO()
    register_export_to(works, today=today, stream=buffer)
    return buffer.getvalue()


def register_export_to(works: Iterable[Work], *, today: dt.date, stream: IO[bytes]) -> int:
    """Write the register to ``stream``; return the number of works written.

    A title row with the export date, a frozen header with an autofilter, one row per
    work; dates are real Excel dates shown dd/mm/yyyy. openpyxl's write-only mode and a
    chunked iterator keep memory flat for 100.000 works.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Công trình"))
    for index, (_header, width) in enumerate(EXPORT_COLUMNS):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.freeze_panes = "A3"
    title = WriteOnlyCell(
        sheet,
        value=_("Danh sách công trình, dự án, phần việc – xuất ngày %(date)s")
        % {"date": today.strftime("%d/%m/%Y")},
    )
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    headers = []
    for header, _width in EXPORT_COLUMNS:
        cell = WriteOnlyCell(sheet, value=_(header))
        cell.font = Font(bold=True)
        headers.append(cell)
    sheet.append(headers)

    def formatted(value: object, number_format: str) -> object:
        if value is None:
            return None
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    row = _ExportRow(today, formatted)
    rows = works.iterator(chunk_size=EXPORT_CHUNK) if isinstance(works, QuerySet) else works
    count = 0
    for count, work in enumerate(rows, start=1):
        sheet.append(row.values(count, work))
    sheet.auto_filter.ref = f"A2:{_letter(len(EXPORT_COLUMNS) - 1)}{count + 2}"
    workbook.save(stream)
    return count


class _ExportRow:
    """Turns a work into the export's cells; labels are translated once, not per row."""

    def __init__(self, today: dt.date, formatted: Any) -> None:
        self.today = today
        self.formatted = formatted
        self.states = {state.value: str(state.label) for state in WorkState}
        self.kinds = {kind.value: str(kind.label) for kind in WorkKind}
        self.yes, self.no = _("Có"), _("Không")

    def values(self, number: int, work: Work) -> list[object]:
        late = getattr(work, "late", None)
        ahead = getattr(work, "ahead", None)
        area = work.content_area
        return [
            number,
            work.pk,
            work.unit.name,
            work.approver_unit.name,
            self.kinds.get(work.kind, work.kind),
            work.title,
            "%s – %s" % (area.code, area.title) if area else "",
            work.place.name if work.place else "",
            self.formatted(work.budget, BUDGET_FORMAT),
            work.budget_source,
            self.formatted(work.planned_start, DATE_FORMAT),
            self.formatted(work.planned_finish, DATE_FORMAT),
            self.formatted(work.actual_finish, DATE_FORMAT),
            work.percent_complete,
            self.states.get(work.state, work.state),
            self.yes if (work.is_late(self.today) if late is None else late) else self.no,
            self.yes if (work.is_ahead() if ahead is None else ahead) else self.no,
        ]
