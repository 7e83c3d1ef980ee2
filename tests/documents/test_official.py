"""The shared builder of official documents (documents/official.py) on its own."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest
from django.utils import translation
from docx.oxml.ns import qn

from thidua.documents.official import (
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
    body_abbreviation,
    document_date,
    number_line,
    place_date_line,
    vn_number,
)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("1234.5"), None, "1.234,5"),
        (Decimal("10.0000"), None, "10"),
        (1234567, None, "1.234.567"),
        (Decimal("1E+3"), None, "1.000"),
        (48.333333, 1, "48,3"),
        (Decimal("50"), 1, "50,0"),
        (Decimal("-1234.5"), None, "-1.234,5"),
        (0, None, "0"),
        (None, None, ""),
    ],
)
def test_vn_number_formats(value: object, places: int | None, text: str) -> None:
    assert vn_number(value, places) == text  # type: ignore[arg-type]


def test_vn_number_ignores_the_active_language() -> None:
    with translation.override("en"):
        assert vn_number(Decimal("1234.5")) == "1.234,5"


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (dt.date(2025, 3, 1), "ngày 01 tháng 3 năm 2025"),
        (dt.date(2024, 11, 11), "ngày 11 tháng 11 năm 2024"),
    ],
)
def test_document_date_pads_as_the_decree_says(day: dt.date, text: str) -> None:
    assert document_date(day) == text


def test_place_date_line_without_date_leaves_blanks() -> None:
    assert place_date_line("Trà Vinh", None) == "Trà Vinh, ngày …… tháng …… năm ……"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở Nội vụ", "SNV"),
        ("Sở Giáo dục và Đào tạo", "SGDĐT"),
        ("Sở Tài nguyên và Môi trường", "STNMT"),
    ],
)
def test_body_abbreviation_takes_initials(name: str, code: str) -> None:
    assert body_abbreviation(name) == code
    assert number_line("BC", code) == f"Số: ……/BC-{code}"


def test_official_document_minimal_builds_every_part() -> None:
    doc = OfficialDocument(title="Thử")
    doc.letterhead(
        Letterhead(issuing_body="Sở Nội vụ", number="Số: ……/TB-SNV", place="Trà Vinh", date=None)
    )
    doc.title("Thông báo", "Về việc thử")
    doc.heading("I. PHẦN MỘT")
    doc.table(
        [Column("STT", 15, "center"), Column("Nội dung", 150)],
        [["1", "Dòng một\nDòng hai"], ["", "Tổng cộng"]],
        bold_rows=[1],
    )
    doc.closing(Signature(position="Giám đốc"), ["- Lưu: VT."])

    parsed = docx.Document(io.BytesIO(doc.to_bytes()))

    issuer, _motto = parsed.tables[0].rows[0].cells
    assert [p.text for p in issuer.paragraphs] == ["SỞ NỘI VỤ", ""]  # no parent body
    assert parsed.tables[0].rows[1].cells[1].text == "Trà Vinh, ngày …… tháng …… năm ……"
    assert parsed.core_properties.title == "Thử"
    texts = [p.text for p in parsed.paragraphs]
    assert "THÔNG BÁO" in texts and "Về việc thử" in texts
    title_rule = parsed.paragraphs[texts.index("Về việc thử") + 1]
    assert title_rule._p.pPr.find(qn("w:pBdr")) is not None
    table = parsed.tables[1]
    assert [p.text for p in table.rows[1].cells[1].paragraphs] == ["Dòng một", "Dòng hai"]
    assert table.rows[2].cells[1].paragraphs[0].runs[0].bold
    assert not table.rows[1].cells[1].paragraphs[0].runs[0].bold
    signature = parsed.tables[-1].rows[0].cells[1]
    assert signature.paragraphs[0].text == "GIÁM ĐỐC"
