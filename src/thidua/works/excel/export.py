"""The works register as an XLSX file, for the Ban Thi đua – Khen thưởng.

openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import IO, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from thidua.campaigns.models import WorkKind
from thidua.documents.sheets import sheet_value
from thidua.works.excel.columns import letter
from thidua.works.models import Work, WorkState

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
    work; dates are real Excel dates shown dd/mm/yyyy, text stays text (``sheet_value``).
    openpyxl's write-only mode and a chunked iterator keep memory flat for 100.000 works.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Công trình"))
    for index, (_header, width) in enumerate(EXPORT_COLUMNS):
        sheet.column_dimensions[letter(index)].width = width
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
        sheet.append([sheet_value(value) for value in row.values(count, work)])
    sheet.auto_filter.ref = f"A2:{letter(len(EXPORT_COLUMNS) - 1)}{count + 2}"
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
