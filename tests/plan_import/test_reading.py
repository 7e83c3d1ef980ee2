"""Reading uploaded plans: DOCX, PDF with a text layer and text files into stable lines.

Files are built in the tests from the KH 128 seed text (tests/plan_import/data/, a copy of
../shared/seed/kh-128-ubnd-tra-vinh-2024.txt): a DOCX with python-docx, a PDF with
ReportLab in the vendored Liberation Serif font, an image-only PDF for a scan.
"""

from __future__ import annotations

import io
import time
import unicodedata
from pathlib import Path

import pytest

from thidua.core.errors import DomainError
from thidua.plan_import.extract import extract_plan
from thidua.plan_import.reading import read_plan, tidy

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "kh-128-ubnd-tra-vinh-2024.txt"
FONTS = Path(__file__).resolve().parents[2] / "src/thidua/documents/fonts"


def seed_paragraphs() -> list[str]:
    """The non-empty lines of the seed, stripped of their markdown bold marks."""
    text = SEED.read_text(encoding="utf-8").replace("**", "")
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_docx(paragraphs: list[str], header_table: bool = False) -> bytes:
    """A DOCX with one paragraph per item (and the ND 30 header as a two-cell table)."""
    import docx

    document = docx.Document()
    if header_table:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH"
        table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_pdf(paragraphs: list[str]) -> bytes:
    """An A4 PDF with a text layer: each paragraph wrapped at the margin, as printed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("LiberationSerif", str(FONTS / "LiberationSerif-Regular.ttf")))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = A4[1] - 60
    for paragraph in paragraphs:
        for line in simpleSplit(paragraph, "LiberationSerif", 12, A4[0] - 120):
            if y < 60:
                page.showPage()
                y = A4[1] - 60
            page.setFont("LiberationSerif", 12)
            page.drawString(60, y, line)
            y -= 16
        y -= 6
    page.save()
    return out.getvalue()


def build_scanned_pdf() -> bytes:
    """A PDF holding only a picture of a page (no text layer), like a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
        b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
        b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawImage(ImageReader(io.BytesIO(png)), 40, 40, width=500, height=700)
    page.save()
    return out.getvalue()


def test_a_text_file_gives_its_non_empty_lines_nfc_with_bold_marks_kept():
    lines = read_plan(SEED.read_bytes(), "kh-128.txt")

    assert lines[0] == "Số: 128/KH-UBND"
    assert lines[3] == "**Phát động đợt thi đua lập thành tích chào mừng"
    assert all(line and line == unicodedata.normalize("NFC", line) for line in lines)
    assert len(lines) == 99


def test_utf16_and_cp1258_text_files_are_read_too():
    text = SEED.read_text(encoding="utf-8")

    assert read_plan(text.encode("utf-16"), "kh.txt") == read_plan(SEED.read_bytes(), "kh.txt")
    # Windows-1258 writes a tone as a combining mark after the letter: "KÊ" + acute.
    legacy = "KÊ\u0301 HOA\u0323CH phát đô\u0323ng thi đua khen thươ\u0309ng\nTra\u0300 Vinh"
    assert read_plan(legacy.encode("cp1258"), "kh.txt") == [
        "KẾ HOẠCH phát động thi đua khen thưởng",
        "Trà Vinh",
    ]


def test_tidy_fixes_spaces_look_alike_letters_and_decomposed_marks():
    assert tidy("  Ðợt\u00a01 :  từ\tngày ( 01/5 ) ,") == "Đợt 1: từ ngày (01/5),"
    assert tidy("sông Láng Th\u03ad.") == "sông Láng Thé."
    assert tidy(unicodedata.normalize("NFD", "Hẳn")) == "Hẳn"
    assert tidy("\u200bKẾ\u00adHOẠCH") == "KẾHOẠCH"


def test_a_docx_gives_table_cells_and_paragraphs_in_document_order():
    data = build_docx(seed_paragraphs(), header_table=True)

    lines = read_plan(data, "kh-128.docx")

    assert lines[:4] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH TRÀ VINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert lines[4:] == [tidy(p) for p in seed_paragraphs()]


def test_a_docx_with_the_header_table_names_its_issuer_from_the_header():
    draft = extract_plan(read_plan(build_docx(seed_paragraphs(), header_table=True), "kh.docx"))

    assert draft.data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Trà Vinh"
    assert draft.sources["document.issuer"].line == 1
    assert draft.data["document"]["number"] == "128/KH-UBND"


def test_a_pdf_with_a_text_layer_gives_the_plan_back_with_wrapped_lines_joined():
    lines = read_plan(build_pdf(seed_paragraphs()), "kh-128.pdf")
    draft = extract_plan(lines)

    assert lines[0] == "Số: 128/KH-UBND"
    assert "- Đợt 01: Từ tháng 11 năm 2024 đến ngày 30 tháng 4 năm 2025." in lines
    assert draft.data["document"]["date"] == "2024-11-11"
    assert [p["end"] for p in draft.data["phases"]] == ["2025-04-30", "2025-09-30"]
    assert len(draft.data["targets"]) == 24
    assert draft.data["document"]["signer"]["name"] == "Lê Văn Hân"


def test_a_scanned_pdf_without_text_asks_for_ocr_or_a_text_version():
    with pytest.raises(DomainError, match=r"không có lớp chữ.*OCR"):
        read_plan(build_scanned_pdf(), "scan.pdf")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  "])
def test_an_empty_file_is_refused(data):
    with pytest.raises(DomainError, match="rỗng"):
        read_plan(data, "rong.txt")


def test_a_file_over_the_limit_fails_fast_without_being_parsed():
    data = b"%PDF-1.7\n" + bytes(50 * 1024 * 1024)
    started = time.perf_counter()

    with pytest.raises(DomainError, match=r"quá lớn.*20 MB"):
        read_plan(data, "lon.pdf")
    assert time.perf_counter() - started < 0.5


def test_the_limit_follows_the_setting(settings):
    settings.THIDUA_PLAN_IMPORT_MAX_BYTES = 1000

    with pytest.raises(DomainError, match="quá lớn"):
        read_plan(SEED.read_bytes(), "kh.txt")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "ke-hoach.docx"),
        (b"\x00\x01\x02\x03" * 100, "ke-hoach.txt"),
        (b"PK\x03\x04" + bytes(200), "ke-hoach.docx"),
    ],
)
def test_a_file_that_is_no_docx_pdf_or_text_by_content_is_refused(data, name):
    with pytest.raises(DomainError, match=r"không phải là văn bản DOCX, PDF|bị hỏng"):
        read_plan(data, name)


def test_a_zip_that_is_not_a_word_document_is_refused_whatever_its_name():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")

    with pytest.raises(DomainError, match="không phải là văn bản DOCX"):
        read_plan(out.getvalue(), "ke-hoach.docx")


def test_an_old_word_file_is_refused_with_the_way_to_convert_it():
    with pytest.raises(DomainError, match=r"\.doc.*\.docx"):
        read_plan(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ke-hoach.doc")


def test_a_docx_that_is_not_a_plan_is_refused():
    data = build_docx(["BIÊN BẢN", "Cuộc họp giao ban tuần", "Thành phần: các phòng ban."])

    with pytest.raises(DomainError, match="không phải là một kế hoạch"):
        read_plan(data, "bien-ban.docx")


def test_a_pdf_named_txt_is_read_as_a_pdf():
    lines = read_plan(build_pdf(seed_paragraphs()[:12]), "ke-hoach.txt")

    assert lines[0] == "Số: 128/KH-UBND"
