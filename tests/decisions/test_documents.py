"""Golden tests of the issued decision's DOCX (python-docx) and PDF (pypdf), and of the
certificate PDF: text, fonts, page size and margins (ND 30/2020; ND 98/2023 Điều 104)."""

from __future__ import annotations

import hashlib
import io

import docx
import pytest
from pypdf import PdfReader

from tests.factories.decisions import World, issued
from thidua.decisions.certificate_pdf import certificate_pdf, verification_url
from thidua.decisions.models import Certificate, Decision


@pytest.fixture
def decision(world: World) -> Decision:
    return issued(world)


def _docx(decision: Decision) -> docx.document.Document:
    with decision.docx.open("rb") as handle:
        return docx.Document(io.BytesIO(handle.read()))


def _pdf(field) -> PdfReader:  # type: ignore[no-untyped-def]
    with field.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def _all_text(document: docx.document.Document) -> list[str]:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return lines


def test_decision_docx_page_and_margins_follow_nd_30(decision: Decision) -> None:
    section = _docx(decision).sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20


def test_decision_docx_header_blocks_number_and_italic_place_date(decision: Decision) -> None:
    document = _docx(decision)
    head = document.tables[0]
    left = [p.text for p in head.rows[0].cells[0].paragraphs]
    right = [p.text for p in head.rows[0].cells[1].paragraphs]

    assert "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH" in left
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert head.rows[1].cells[0].paragraphs[0].text == "Số: 1234/QĐ-UBND"
    place = head.rows[1].cells[1].paragraphs[0]
    assert place.text == "Trà Vinh, ngày 05 tháng 6 năm 2025"
    assert all(run.italic for run in place.runs)


def test_decision_docx_body_title_bases_and_articles(decision: Decision) -> None:
    document = _docx(decision)
    texts = [p.text for p in document.paragraphs]

    assert "QUYẾT ĐỊNH" in texts
    assert "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in texts
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH" in texts
    bases = [p for p in document.paragraphs if p.text.startswith("Căn cứ")]
    assert bases and all(all(r.italic for r in p.runs) for p in bases)
    assert all(p.text.endswith(";") for p in bases)
    assert any("Nghị định số 98/2023/NĐ-CP" in p.text for p in bases)
    assert any(t.startswith("Xét đề nghị") and t.endswith(",") for t in texts)
    article_1 = next(t for t in texts if t.startswith("Điều 1."))
    assert "cho 1 tập thể, 2 cá nhân và 1 hộ gia đình (có danh sách kèm theo)" in article_1
    assert any(t.startswith("Điều 2.") and "19.305.000 đồng" in t for t in texts)
    assert any(t.startswith("Điều 3.") for t in texts)


def test_decision_docx_fonts_are_times_new_roman(decision: Decision) -> None:
    document = _docx(decision)

    fonts = {r.font.name for p in document.paragraphs for r in p.runs if r.text}
    assert fonts == {"Times New Roman"}


def test_decision_docx_signature_and_attached_list(decision: Decision) -> None:
    document = _docx(decision)
    lines = _all_text(document)

    assert "Nơi nhận:" in lines and "- Như Điều 3;" in lines
    assert "CHỦ TỊCH" in lines and "Lê Văn Hẳn" in lines
    assert any("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH" in t for t in lines)
    assert any(t.startswith("(Kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 6") for t in lines)
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows[0] == ["STT", "Tên tập thể, cá nhân", "Tiền thưởng (đồng)"]
    assert ["", "I. TẬP THỂ", ""] in rows
    assert ["1", "Trạm Y tế xã Phong Phú, Xã Phong Phú", "7.020.000"] in rows
    assert ["", "II. CÁ NHÂN", ""] in rows
    assert ["1", "Trần Thị Hoa, Công chức Văn hóa - Xã hội, Xã Phong Phú", "3.510.000"] in rows
    assert ["2", "Lê Văn Nam, Chuyên viên, Xã Tập Sơn", "3.510.000"] in rows
    assert rows[-1] == ["", "Tổng cộng: 4", "19.305.000"]
    body = document.element.body.xml
    assert 'w:type="page"' in body  # the list starts on a new page


def test_decision_pdf_same_content_and_embedded_font(decision: Decision) -> None:
    reader = _pdf(decision.pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)

    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        210,
        297,
    )
    assert "Số: 1234/QĐ-UBND" in text
    assert "Trà Vinh, ngày 05 tháng 6 năm 2025" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN" in text
    assert "Trần Thị Hoa" in text and "7.020.000" in text
    assert len(reader.pages) >= 2
    assert any("LiberationSerif" in name for name in _fonts(reader))
    assert any("Italic" in name for name in _fonts(reader))


def test_decision_hash_covers_docx_and_pdf(decision: Decision) -> None:
    with decision.docx.open("rb") as d, decision.pdf.open("rb") as p:
        content = d.read() + p.read()

    assert decision.content_sha256 == hashlib.sha256(content).hexdigest()


def test_certificate_pdf_landscape_text_font_and_link(
    decision: Decision, settings: pytest.FixtureRequest
) -> None:
    settings.THIDUA_PUBLIC_BASE_URL = "https://thiduakhenthuong.example.vn"
    certificate = Certificate.objects.select_related("entry__decision__form").get(
        entry__name="Trần Thị Hoa"
    )

    reader = PdfReader(io.BytesIO(certificate_pdf([certificate])))

    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)
    text = page.extract_text()
    assert "TRẦN THỊ HOA" not in text and "Trần Thị Hoa" in text
    assert "BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH" in text
    assert "TẶNG" in text
    assert "Quyết định số 1234/QĐ-UBND, ngày 05 tháng 6 năm 2025" in text
    assert "Lê Văn Hẳn" in text
    url = f"https://thiduakhenthuong.example.vn/public/xac-minh/{certificate.code}/"
    assert url == verification_url(certificate.code)
    assert url in text
    links = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]
    assert url in links
    assert any("LiberationSerif" in name for name in _fonts(reader))
