"""The Excel list of individuals: the template, a good file, every kind of bad file, all
or nothing."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from tests.factories.registrations import registration_in
from thidua.awards.models import Nominee
from thidua.registrations.excel import COLUMNS, SHEET, import_entries, template_bytes
from thidua.registrations.models import RegistrationEntry, RegistrationEvent, RegistrationState

HEADER = [label for _key, label in COLUMNS]


def _xlsx(rows, header=HEADER) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def _import(registration, officer, stream):
    return import_entries(
        actor=officer, registration=registration, stream=stream, size=len(stream.getvalue())
    )


@pytest.fixture
def draft(province, people):
    return registration_in(
        RegistrationState.DRAFT, province.commune_a1, people.a1_officer, people.a1_head, names=()
    )


def test_template_has_header_example_and_titles(forms):
    book = load_workbook(io.BytesIO(template_bytes()))

    assert [c.value for c in book[SHEET][1]] == HEADER
    assert book[SHEET]["A2"].value == "Nguyễn Thị Hoa"
    titles = [row[0] for row in book["Danh mục"].iter_rows(min_row=2, values_only=True) if row[0]]
    # Individual titles, the central one included (a unit's people register for it too).
    assert sorted(titles) == [
        "Chiến sĩ thi đua cơ sở",
        "Chiến sĩ thi đua cấp tỉnh",
        "Chiến sĩ thi đua toàn quốc",
        "Lao động tiên tiến",
    ]


def test_good_file_imports_every_row(draft, people):
    stream = _xlsx([
        ["Nguyễn Thị Hoa", "Nữ", 1985, "Điều dưỡng", "Lao động tiên tiến", "(Dòng ví dụ: xóa trước khi tải lên)"],
        ["Trần Văn Bảy", "nam", 1979.0, "Phó Chủ tịch", "CSTĐCS", ""],
        ["Lê Thị Tư", "", None, "", "chien si thi dua cap tinh", "Sáng kiến cấp tỉnh"],
        [None, None, None, None, None, None],
    ])  # fmt: skip

    result = _import(draft, people.a1_officer, stream)

    assert (result.created, result.errors) == (2, [])
    rows = RegistrationEntry.objects.filter(registration=draft).order_by("pk")
    assert [(e.nominee.name, e.form.code, e.nominee.birth_year) for e in rows] == [
        ("Trần Văn Bảy", "cstdcs", 1979),
        ("Lê Thị Tư", "cstd-tinh", None),
    ]
    assert rows[1].note == "Sáng kiến cấp tỉnh"
    assert RegistrationEvent.objects.filter(registration=draft, kind="import").count() == 1


def test_bad_rows_name_row_and_column_and_nothing_is_saved(draft, people):
    stream = _xlsx([
        ["Người Đúng", "Nữ", 1985, "", "Lao động tiên tiến", ""],
        ["", "Nữ", 1985, "", "Lao động tiên tiến", ""],
        ["Người Sai Năm", "Nữ", "198x", "", "Lao động tiên tiến", ""],
        ["Người Sai Giới", "Khác", 1985, "", "Lao động tiên tiến", ""],
        ["Người Sai Danh Hiệu", "Nam", 1985, "", "Bằng khen UBND tỉnh", ""],
        ["Người Thiếu Danh Hiệu", "Nam", 1985, "", "", ""],
        ["Người Đúng", "Nữ", 1985, "", "LĐTT", ""],
    ])  # fmt: skip

    result = _import(draft, people.a1_officer, stream)

    assert result.created == 0
    assert result.errors == [
        "Dòng 3, cột “Họ tên”: thiếu họ tên.",
        "Dòng 4, cột “Năm sinh”: “198x” không hợp lệ (ví dụ 1985).",
        "Dòng 5, cột “Giới tính”: “Khác” không hợp lệ; ghi Nam hoặc Nữ.",
        "Dòng 6, cột “Danh hiệu đăng ký”: “Bằng khen UBND tỉnh” không phải danh hiệu thi đua "
        "cá nhân (xem trang Danh mục).",
        "Dòng 7, cột “Danh hiệu đăng ký”: thiếu danh hiệu đăng ký.",
        "Dòng 8: trùng dòng 2 (cùng người, cùng danh hiệu).",
    ]
    assert not RegistrationEntry.objects.filter(registration=draft).exists()
    assert not Nominee.objects.filter(name="Người Đúng").exists()


def test_a_row_refused_while_saving_rolls_back_every_row(draft, people):
    first = _xlsx([["Nguyễn Văn Một", "Nam", 1980, "", "Lao động tiên tiến", ""]])
    assert _import(draft, people.a1_officer, first).created == 1
    stream = _xlsx([
        ["Người Mới", "Nữ", 1990, "", "Lao động tiên tiến", ""],
        ["Nguyễn Văn Một", "Nam", 1980, "", "Lao động tiên tiến", ""],
    ])  # fmt: skip

    result = _import(draft, people.a1_officer, stream)

    assert result.created == 0
    assert result.errors == ["Dòng 3: Nguyễn Văn Một đã đăng ký “Lao động tiên tiến”."]
    assert [e.nominee.name for e in draft.entries.all()] == ["Nguyễn Văn Một"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a spreadsheet", "Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB."),
        (b"%PDF-1.4 ...", "Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB."),
    ],
)
def test_not_an_xlsx_is_refused(draft, people, content, message):
    result = _import(draft, people.a1_officer, io.BytesIO(content))

    assert (result.created, result.errors) == (0, [message])


def test_too_large_a_file_is_refused(draft, people):
    stream = _xlsx([["Người Đúng", "Nữ", 1985, "", "Lao động tiên tiến", ""]])

    result = import_entries(
        actor=people.a1_officer, registration=draft, stream=stream, size=6 * 1024 * 1024
    )

    assert result.errors == ["Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB."]
    assert not draft.entries.exists()


def test_wrong_header_is_refused(draft, people):
    stream = _xlsx([["Người", "Nữ", 1985, "", "LĐTT", ""]], header=["Tên", "Giới", "Năm"])

    with pytest.raises(Exception, match="Dòng tiêu đề không đúng mẫu"):
        _import(draft, people.a1_officer, stream)

    assert not draft.entries.exists()


def test_damaged_archive_is_refused(draft, people):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<broken")
    out.seek(0)

    with pytest.raises(Exception, match="Không đọc được tệp Excel"):
        _import(draft, people.a1_officer, out)

    assert not draft.entries.exists()


def test_empty_file_is_refused(draft, people):
    result = _import(draft, people.a1_officer, _xlsx([]))

    assert result.errors == ["Tệp không có dòng nào để nhập."]


def test_submitted_registration_refuses_an_import(province, people):
    registration = registration_in(
        RegistrationState.SUBMITTED, province.commune_a1, people.a1_officer, people.a1_head
    )
    stream = _xlsx([["Người Mới", "Nữ", 1990, "", "Lao động tiên tiến", ""]])

    with pytest.raises(Exception, match="đã gửi"):
        _import(registration, people.a1_officer, stream)

    assert registration.entries.count() == 1
