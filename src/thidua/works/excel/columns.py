"""The registration sheet's layout, shared by the template, the import and the export.

The template and the import share one column list (``COLUMNS``), so a downloaded template
always uploads. openpyxl is imported inside the functions (a slow import; STYLE.md).
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.translation import gettext_noop

from thidua.core.text import fold

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
#: Each column by its key.
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


def letter(index: int) -> str:
    """The sheet letter of the column at 0-based ``index`` (0 → "A")."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def header_key(value: object) -> str:
    """A header cell folded for comparison: no diacritics, any case, no trailing "*"."""
    return fold(str(value or "")).rstrip("* ").strip()


def column_index(key: str) -> int:
    """The 0-based position of the column ``key`` in ``COLUMNS``."""
    return COLUMNS.index(COLUMN_BY_KEY[key])
