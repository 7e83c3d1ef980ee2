"""The all-or-nothing import of a filled registration template.

The import checks the whole file first and saves nothing while any row is wrong
(DESIGN.md: "imports are all-or-nothing with row-level errors"); then every row goes
through ``work_create`` inside one transaction, so a refusal there rolls back all rows.
openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.campaigns.models import Campaign
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.numbers import megabytes
from thidua.core.ooxml import IMPORT_LIMITS, ooxml_problem, refusal_message
from thidua.core.text import fold
from thidua.core.uploads import sniff
from thidua.organisations.models import Unit
from thidua.works.codes import ErrorCode
from thidua.works.excel.columns import (
    CATALOGUE_SHEET,
    COLUMN_BY_KEY,
    COLUMNS,
    EXAMPLE_MARK,
    REGISTER_SHEET,
    header_key,
    letter,
)
from thidua.works.excel.lookups import Lookups
from thidua.works.excel.parsing import RowError, cell_text, parse_row
from thidua.works.models import Work, WorkState
from thidua.works.services import SimilarWorks, WorkData, can_register_for, works_create_many
from thidua.works.timing import work_timing_warnings

logger = logging.getLogger(__name__)

#: Largest file accepted for import (what it may unpack to: ``core.ooxml.IMPORT_LIMITS``).
MAX_IMPORT_BYTES = 5 * 1024 * 1024
#: Rows one file may register (a unit registers a handful, a district a few hundred;
#: a 5 MB file holds about this many). Issue #16: was 2.000, one query-heavy row at a time.
MAX_IMPORT_ROWS = 20_000
#: The label of the box a person ticks to save works that look like others (SimilarWorks).
CONFIRM_LABEL = gettext_noop("Tôi đã kiểm tra: không trùng với các công trình gần giống")
#: What a registration file may unpack to: ``IMPORT_LIMITS`` with room for the rows above
#: (a row is about 40 XML elements; a 10.000-row file has some 400.000).
WORKS_IMPORT_LIMITS = replace(IMPORT_LIMITS, elements=MAX_IMPORT_ROWS * 50)
#: Rows checked between two reports of a job's progress.
PROGRESS_ROWS = 500
_SCAN_ROWS = 50_000  # rows read before giving up on a sheet that claims a million rows


@dataclass
class ImportResult:
    """What an upload did: how many works it created, or every error (and nothing saved)."""

    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    needs_confirmation: bool = False
    #: Rows saved whose dates do not fit the campaign's calendar (``works.timing``).
    warnings: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Sheet:
    header_row: int
    header: tuple[object, ...]
    rows: list[tuple[int, tuple[object, ...]]]
    markers: tuple[str, str]


def registration_import(
    *,
    actor: Any,
    campaign: Campaign,
    unit: Unit,
    content: bytes,
    confirm_similar: bool = False,
    progress: Callable[[int, int], None] | None = None,
    before_commit: Callable[[int, list[str]], None] | None = None,
) -> ImportResult:
    """Register every row of a filled template for ``unit``, or none of them.

    Guarantees: a file that is not a real XLSX, is over 5 MB, has a changed header, or has
    any wrong row saves nothing and yields every error as "Dòng n, cột “…”: what to fix".
    Rows then go through ``work_create`` (KH 128 II.2 checks, duplicates of provincial
    works, look-alikes, dates wholly outside the campaign) inside one transaction: one
    refusal rolls back every row; rows saved with dates that only partly fit the campaign
    are listed in ``warnings`` (``works.timing``). Only the
    unit's officers or head may import (raises ``NotPermitted`` otherwise). A job
    (``works.import_jobs``) follows the rows checked with ``progress(done, total)`` and
    finishes in ``before_commit(created, warnings)``, inside the transaction that saves
    the rows (raising there saves none).
    """
    if not can_register_for(actor, unit):
        raise NotPermitted(_("Chỉ cán bộ của đơn vị mới đăng ký công trình cho đơn vị."))
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
    for index, (number, cells) in enumerate(sheet.rows):
        if progress is not None and index % PROGRESS_ROWS == 0:
            progress(index, len(sheet.rows))
        data, row_errors = parse_row(number, cells, lookups)
        errors += row_errors
        if data is not None:
            parsed.append((number, data))
    errors += _duplicate_errors(parsed, campaign, unit)
    if errors:
        return ImportResult(errors=sorted(errors, key=lambda e: (e.row or 0, _order(e.column))))
    return _create_all(actor, campaign, unit, parsed, confirm_similar, before_commit)


def _order(column: str | None) -> int:
    names = [_(c.short) for c in COLUMNS]
    return names.index(column) if column in names else -1


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes cannot be imported (empty, over 5 MB), or None."""

    if size <= 0:
        return _("Tệp rỗng. Hãy chọn tệp Excel (.xlsx) đã điền theo mẫu.")
    if size > MAX_IMPORT_BYTES:
        return _(
            "Tệp lớn %(size)s MB, quá giới hạn 5 MB. Mẫu đăng ký chỉ cần vài trăm KB: "
            "hãy xóa hình ảnh, sheet thừa rồi tải lên lại."
        ) % {"size": megabytes(size)}
    return None


def file_problem(content: bytes) -> str | None:
    """Why ``content`` cannot be a registration file (by size and content), or None."""
    problem = size_problem(len(content))
    if problem:
        return problem
    kind = sniff(io.BytesIO(content))
    if kind == "xlsx":
        unpacked = ooxml_problem(io.BytesIO(content), limits=WORKS_IMPORT_LIMITS)
        return None if unpacked is None else refusal_message(None, unpacked)
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
            code=ErrorCode.UNREADABLE,
        ) from exc


def _collect(workbook: Any) -> _Sheet:
    names = {_(REGISTER_SHEET), REGISTER_SHEET}
    sheet = next((ws for ws in workbook.worksheets if ws.title in names), workbook.worksheets[0])
    width = len(COLUMNS)
    header_row, header = 0, ()
    rows: list[tuple[int, tuple[object, ...]]] = []
    for number, values in enumerate(sheet.iter_rows(max_col=width + 8, values_only=True), 1):
        if not header_row:
            if header_key(values[0] if values else None) == fold(COLUMNS[0].header):
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
        if fold(cell_text(cells[0])) == fold(EXAMPLE_MARK) or not any(map(cell_text, cells[1:])):
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
                return (cell_text(values[0].value), cell_text(values[1].value))
    return ("", "")


def _layout_errors(sheet: _Sheet, campaign: Campaign, unit: Unit) -> list[RowError]:
    """A changed header (each missing or moved column) or a template of another unit."""
    found = [header_key(value) for value in sheet.header]
    errors = []
    for index, column in enumerate(COLUMNS):
        names = {header_key(n) for n in (column.header, _(column.header), column.short)}
        names.add(header_key(_(column.short)))
        if index < len(found) and found[index] in names:
            continue
        where = next((i for i, name in enumerate(found) if name in names), None)
        params = {"name": _(column.short), "letter": letter(index)}
        if where is None:
            message = _("Thiếu cột “%(name)s” (theo mẫu là cột %(letter)s).") % params
        else:
            params["found"] = letter(where)
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


def _duplicate_errors(
    rows: list[tuple[int, WorkData]], campaign: Campaign, unit: Unit
) -> list[RowError]:
    """The same title twice in the file, or a title the unit already registered."""
    registered = set(
        Work.objects.filter(campaign=campaign, unit=unit)
        .exclude(state=WorkState.CANCELLED)
        .values_list("search_text", flat=True)
    )
    column = _(COLUMN_BY_KEY["title"].short)
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
    actor: Any,
    campaign: Campaign,
    unit: Unit,
    rows: list[tuple[int, WorkData]],
    confirm: bool,
    before_commit: Callable[[int, list[str]], None] | None,
) -> ImportResult:
    """Create every row at once (``works_create_many``); any refusal saves none of them."""

    def finish(works: list[Work]) -> None:
        if before_commit is not None:
            before_commit(len(works), [str(w) for w in _timing_warnings(rows, works)])

    works, refusals = works_create_many(
        actor=actor,
        campaign=campaign,
        unit=unit,
        rows=[data for _number, data in rows],
        confirm_similar=confirm,
        before_commit=finish,
    )
    if refusals:
        errors: list[RowError] = []
        similar = False
        for index, exc in refusals:
            number = None if index is None else rows[index][0]
            if isinstance(exc, SimilarWorks):
                similar = True
                column = _(COLUMN_BY_KEY["title"].short)
                errors.append(RowError(number, column, _similar_message(exc)))
            else:
                where = COLUMN_BY_KEY.get(exc.field or "")
                errors.append(RowError(number, _(where.short) if where else None, exc.message))
        errors.sort(key=lambda e: e.row is None)  # the file's own refusal comes last
        return ImportResult(errors=errors, needs_confirmation=similar)
    return ImportResult(created=len(works), warnings=_timing_warnings(rows, works))


def _timing_warnings(rows: list[tuple[int, WorkData]], works: list[Work]) -> list[RowError]:
    """The rows saved whose dates do not fit the campaign's calendar (``works.timing``)."""
    warnings: list[RowError] = []
    for (number, _data), work in zip(rows, works, strict=True):
        timing = work_timing_warnings(work)
        if timing:
            warnings.append(RowError(number, None, " ".join(w.message for w in timing)))
    return warnings


def _similar_message(exc: SimilarWorks) -> str:
    names = "; ".join(
        "“%s” (%s)" % (title, _("công trình của tỉnh") if source == "province" else source)
        for _score, title, source, _pk in exc.matches
    )
    return _(
        "Tên gần giống công trình đã đăng ký: %(names)s. Nếu không trùng, hãy tải tệp lên "
        "lại và đánh dấu ô “%(confirm)s”."
    ) % {"names": names, "confirm": _(CONFIRM_LABEL)}
