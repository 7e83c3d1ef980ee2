"""The compiled registrations of a year as XLSX: the units and whether they registered,
the totals per title, and the list of every registered title (the Ban TĐKT's
"tổng hợp đăng ký thi đua")."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from thidua.documents.sheets import SheetColumn, add_table, new_workbook, workbook_bytes
from thidua.registrations.models import RegistrationState
from thidua.registrations.selectors import compiled_entries, compiled_units, title_totals


def _state(unit: Any) -> tuple[str, Any, int]:
    rows = getattr(unit, "year_registration", [])
    if not rows:
        return _("Chưa đăng ký"), None, 0
    registration = rows[0]
    submitted = registration.submitted_at.date() if registration.submitted_at else None
    return str(RegistrationState(registration.state).label), submitted, registration.entry_count


def compiled_xlsx(user: Any, year: int) -> bytes:
    """The workbook of ``year``'s registrations of the units ``user`` follows."""
    book = new_workbook()
    unit_rows = []
    for number, unit in enumerate(compiled_units(user, year), start=1):
        state, submitted, count = _state(unit)
        unit_rows.append([number, unit.name, unit.get_kind_display(), state, submitted, count])
    add_table(
        book,
        _("Đơn vị"),
        _("Tình hình đăng ký thi đua năm %(year)s") % {"year": year},
        [
            SheetColumn(_("STT"), 6),
            SheetColumn(_("Đơn vị"), 40, wrap=True),
            SheetColumn(_("Loại đơn vị"), 20),
            SheetColumn(_("Trạng thái"), 16),
            SheetColumn(_("Ngày gửi"), 12),
            SheetColumn(_("Số danh hiệu"), 12),
        ],
        unit_rows,
    )
    totals = title_totals(user, year)
    add_table(
        book,
        _("Tổng hợp"),
        _("Số đăng ký theo danh hiệu năm %(year)s") % {"year": year},
        [SheetColumn(_("Danh hiệu"), 44, wrap=True), SheetColumn(_("Số đăng ký"), 12)],
        [[form.name, n] for form, n in totals],
        total=[_("Cộng"), sum(n for _form, n in totals)],
    )
    entries = []
    for number, entry in enumerate(compiled_entries(user, year).iterator(), start=1):
        nominee = entry.nominee
        entries.append([
            number, entry.registration.unit.name, nominee.name, nominee.get_kind_display(),
            nominee.get_gender_display(), nominee.birth_year, nominee.position, entry.form.name,
            entry.note,
        ])  # fmt: skip
    add_table(
        book,
        _("Danh sách"),
        _("Danh sách đăng ký danh hiệu thi đua năm %(year)s") % {"year": year},
        [
            SheetColumn(_("STT"), 6),
            SheetColumn(_("Đơn vị"), 32, wrap=True),
            SheetColumn(_("Họ tên / tên tập thể"), 30, wrap=True),
            SheetColumn(_("Đối tượng"), 10),
            SheetColumn(_("Giới tính"), 9),
            SheetColumn(_("Năm sinh"), 9),
            SheetColumn(_("Chức vụ"), 22, wrap=True),
            SheetColumn(_("Danh hiệu đăng ký"), 30, wrap=True),
            SheetColumn(_("Ghi chú"), 24, wrap=True),
        ],
        entries,
    )
    return workbook_bytes(book)
