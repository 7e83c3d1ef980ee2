"""The ratings of a year from Excel: all or nothing, errors naming row and column."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from tests.factories import Province
from tests.factories.awards import NomineeFactory
from tests.factories.ratings import Staff
from tests.pages import page_text, signed_in
from thidua.awards.models import Nominee
from thidua.core.errors import NotPermitted
from thidua.ratings.excel import COLUMNS, import_ratings, template_bytes
from thidua.ratings.models import AnnualRating, RatingsEvent


def _xlsx(rows: list[list[object]], header: list[str] | None = None) -> io.BytesIO:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Xếp loại"
    sheet.append(header or [label for _k, label in COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def _import(staff: Staff, province: Province, stream: io.BytesIO):  # type: ignore[no-untyped-def]
    return import_ratings(
        by=staff.officer,
        unit=province.health,
        year=2025,
        stream=stream,
        size=len(stream.getvalue()),
    )


def test_a_good_file_saves_every_row_and_finds_existing_people(
    province: Province, staff: Staff
) -> None:
    hoa = NomineeFactory(unit=province.health, name="Nguyễn Thị Hoa", birth_year=1985)
    stream = _xlsx([
        ["Nguyễn Thị Hoa", 1985, "Bác sĩ", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""],
        ["Trần Văn Bình", 1990, "Điều dưỡng", "hoàn thành tốt nhiệm vụ", "Khiển trách", "3/QĐ-SYT", ""],
    ])  # fmt: skip

    result = _import(staff, province, stream)

    assert (result.saved, result.errors) == (2, [])
    assert AnnualRating.objects.get(nominee=hoa).rating == "excellent"
    binh = AnnualRating.objects.get(nominee__name="Trần Văn Bình")
    assert (binh.rating, binh.discipline, binh.nominee.unit) == (
        "good",
        "reprimand",
        province.health,
    )
    assert RatingsEvent.objects.filter(kind="ratings_imported").count() == 1


def test_a_bad_row_saves_nothing_and_names_row_and_column(province: Province, staff: Staff) -> None:
    stream = _xlsx([
        ["Nguyễn Thị Hoa", 1985, "", "Hoàn thành xuất sắc nhiệm vụ", "", "", ""],
        ["Trần Văn Bình", "199x", "", "Giỏi", "Cảnh cáo", "", ""],
    ])  # fmt: skip

    result = _import(staff, province, stream)

    assert result.saved == 0
    assert "Dòng 3, cột “Năm sinh”: “199x” không hợp lệ (ví dụ 1985)." in result.errors
    assert "Dòng 3, cột “Xếp loại (*)”: “Giỏi” không có trong danh mục (xem trang Danh mục)." in (
        result.errors
    )
    assert "Dòng 3, cột “Quyết định kỷ luật”: hãy ghi số, ngày quyết định kỷ luật." in result.errors
    assert not AnnualRating.objects.exists()
    assert not Nominee.objects.exists()


def test_a_wrong_header_or_not_an_excel_file_is_refused(province: Province, staff: Staff) -> None:
    from thidua.core.errors import DomainError

    with pytest.raises(DomainError, match="Dòng tiêu đề không đúng mẫu"):
        _import(staff, province, _xlsx([["A"]], header=["Tên", "Điểm"]))
    text = io.BytesIO(b"Nguyen Thi Hoa;HTXS")
    assert _import(staff, province, text).errors == [
        "Hãy tải lên tệp Excel (.xlsx) theo mẫu, tối đa 5 MB."
    ]
    assert not AnnualRating.objects.exists()


def test_the_same_person_twice_is_an_error(province: Province, staff: Staff) -> None:
    stream = _xlsx([
        ["Nguyễn Thị Hoa", 1985, "", "Hoàn thành tốt nhiệm vụ", "", "", ""],
        ["Nguyễn Thị Hoa", 1985, "", "Hoàn thành nhiệm vụ", "", "", ""],
    ])  # fmt: skip

    result = _import(staff, province, stream)

    assert result.errors == ["Dòng 3: trùng người với dòng 2."]
    assert not AnnualRating.objects.exists()


def test_a_sibling_may_not_import(province: Province, staff: Staff) -> None:
    stream = _xlsx([["Nguyễn Thị Hoa", 1985, "", "Hoàn thành tốt nhiệm vụ", "", "", ""]])

    with pytest.raises(NotPermitted):
        import_ratings(by=staff.sibling, unit=province.health, year=2025, stream=stream, size=100)

    assert not AnnualRating.objects.exists()


def test_the_template_lists_the_units_people_and_imports_back(
    province: Province, staff: Staff
) -> None:
    from openpyxl import load_workbook

    NomineeFactory(unit=province.health, name="Lê Thị Lan", birth_year=1979)
    book = load_workbook(io.BytesIO(template_bytes(province.health, 2025)))
    sheet = book["Xếp loại"]
    assert sheet.cell(2, 1).value == "Lê Thị Lan"
    sheet.cell(2, 4).value = "Hoàn thành tốt nhiệm vụ"
    out = io.BytesIO()
    book.save(out)
    out.seek(0)

    result = _import(staff, province, out)

    assert result.saved == 1
    assert AnnualRating.objects.get().nominee.name == "Lê Thị Lan"


def test_the_import_page_lists_the_errors(province: Province, staff: Staff) -> None:
    stream = _xlsx([["", 1985, "", "", "", "", ""]])
    stream.name = "xep-loai.xlsx"

    response = signed_in(staff.officer).post(
        reverse("ratings:import", args=[province.health.pk, 2025]), {"file": stream}
    )

    text = page_text(response)
    assert "Dòng 2, cột “Họ tên (*)”: thiếu họ tên." in text
    assert "Dòng 2, cột “Xếp loại (*)”: thiếu xếp loại." in text
    assert not AnnualRating.objects.exists()
