"""Golden tests of the consolidated report's DOCX: opened with python-docx, checked for the
layout of Nghị định 30/2020/NĐ-CP (LAW-NOTES.md §7) and for its figures."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.factories import Province
from tests.factories.consolidation import GENERATED_ON, Quarter, work
from thidua.reports.consolidation import build_docx, consolidation_data
from thidua.works.models import WorkState


@pytest.fixture
def document(quarter: Quarter) -> Any:
    data = consolidation_data(quarter.period, today=GENERATED_ON)
    return docx.Document(io.BytesIO(build_docx(data)))


def _table(document: Any, first_headers: tuple[str, ...]) -> list[list[str]]:
    """The rows (as texts) of the table whose header starts with ``first_headers``."""
    for table in document.tables:
        header = tuple(cell.text for cell in table.rows[0].cells[: len(first_headers)])
        if header == first_headers:
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table headed {first_headers}")


def _all_runs(document: Any) -> list[Any]:
    runs = [run for p in document.paragraphs for run in p.runs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                runs += [run for p in cell.paragraphs for run in p.runs]
    return runs


def test_docx_page_is_a4_with_decree_margins(document: Any) -> None:
    section = document.sections[0]

    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert section.page_height.mm == pytest.approx(297, abs=0.5)
    assert 20 <= section.top_margin.mm <= 25
    assert 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35
    assert 15 <= section.right_margin.mm <= 20
    # Page numbers in the top margin, not on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_docx_font_is_times_new_roman_everywhere(document: Any) -> None:
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts

    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert defaults.get(qn("w:ascii")) == "Times New Roman"
    assert defaults.get(qn("w:asciiTheme")) is None  # a theme font would win in Word
    runs = _all_runs(document)
    assert len(runs) > 100
    assert {run.font.name for run in runs} == {"Times New Roman"}


def test_docx_header_holds_issuer_and_motto(document: Any) -> None:
    header = document.tables[0]
    issuer, motto = header.rows[0].cells
    number, place_date = header.rows[1].cells

    grid = [column.width.mm for column in header.columns]
    assert grid == [pytest.approx(65, abs=0.1), pytest.approx(100, abs=0.1)]  # 165 mm of text
    parent, body, issuer_rule = issuer.paragraphs
    assert parent.text == "UBND TỈNH TRÀ VINH"
    assert not parent.runs[0].bold
    assert body.text == "SỞ NỘI VỤ"
    assert body.runs[0].bold
    assert issuer_rule.text == ""
    assert issuer_rule._p.pPr.find(qn("w:pBdr")) is not None  # a drawn rule
    line1, line2, motto_rule = motto.paragraphs
    assert line1.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert line2.text == "Độc lập - Tự do - Hạnh phúc"
    assert line1.runs[0].bold and line2.runs[0].bold
    assert line2.runs[0].font.size == line1.runs[0].font.size + Pt(1)
    assert motto_rule._p.pPr.find(qn("w:pBdr")) is not None
    assert number.text == "Số: ……/BC-SNV"
    date = place_date.paragraphs[0]
    assert date.text == "Trà Vinh, ngày 10 tháng 01 năm 2025"
    assert date.runs[0].italic
    assert date.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_docx_title_and_sections_in_order(document: Any) -> None:
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]

    kind = paragraphs[texts.index("BÁO CÁO")]
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in kind.runs)
    summary = paragraphs[texts.index("BÁO CÁO") + 1]
    assert summary.text == (
        "Kết quả thực hiện đợt thi đua lập thành tích chào mừng Đại hội đảng bộ các cấp quý IV/2024"
    )
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER and summary.runs[0].bold
    headings = [
        "I. TÌNH HÌNH NỘP BÁO CÁO",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "III. TIẾN ĐỘ CÔNG TRÌNH, DỰ ÁN, PHẦN VIỆC",
        "IV. ĐIỂM NỔI BẬT",
        "V. ĐỀ XUẤT",
    ]
    positions = [texts.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert all(paragraphs[i].runs[0].bold for i in positions)
    body = paragraphs[positions[0] + 1]
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 10 <= body.paragraph_format.first_line_indent.mm <= 12.7
    assert "phải nộp báo cáo: 6; đã nộp đúng hạn: 2; nộp trễ: 1; chưa nộp: 3" in body.text


def test_docx_submission_table_lists_each_unit(document: Any) -> None:
    rows = _table(document, ("STT", "Cơ quan, đơn vị"))

    assert rows[0] == ["STT", "Cơ quan, đơn vị", "Trạng thái", "Ngày nộp", "Ghi chú"]
    assert [row[1:] for row in rows[1:]] == [
        ["Sở Nội vụ", "Chưa nộp", "", "Quá hạn"],
        ["Sở Tư pháp", "Chưa nộp", "", "Quá hạn"],
        ["Sở Y tế", "Đã nộp", "10/12/2024", "Đúng hạn"],
        ["Huyện Cầu Kè", "Đã tiếp nhận", "15/12/2024", "Đúng hạn"],
        ["Huyện Trà Cú", "Đã nộp", "20/12/2024", "Trễ hạn"],
        ["Huyện Càng Long", "Trả lại", "12/12/2024", "Quá hạn"],
    ]
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Cơ quan, đơn vị")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated header


def test_docx_targets_table_shows_evaluation(document: Any) -> None:
    rows = _table(document, ("Mã", "Chỉ tiêu"))

    by_code = {row[0]: row for row in rows[1:]}
    assert {code: row[4] for code, row in by_code.items()} == {
        "CT01": "Chưa đạt",
        "CT02": "Đạt",
        "CT03": "Chưa đủ dữ liệu",
        "CT04": "Vượt",
    }
    assert by_code["CT01"][2] == "≥ 1.234,5 tỷ đồng"
    assert by_code["CT01"][3] == "1.000 tỷ đồng\n(Nguồn: Sở Tài chính, Năm 2024)"
    assert by_code["CT02"][2] == "10 – 11 %"
    assert by_code["CT04"][3].startswith("60,75 xã")
    assert by_code["CT03"][3] == "—"


def test_docx_works_tables_by_district_and_area(document: Any) -> None:
    districts = _table(document, ("STT", "Địa phương, đơn vị"))
    areas = _table(document, ("STT", "Nội dung thi đua"))

    assert districts[1][1:] == ["Huyện Cầu Kè", "3", "1", "1", "1", "1", "46,7"]
    assert districts[3][1:] == ["Huyện Càng Long", "0", "0", "0", "0", "0", "—"]
    assert districts[-1][1:] == ["Tổng cộng", "6", "2", "2", "2", "1", "48,3"]
    assert areas[-1] == districts[-1]
    assert [row[1] for row in areas[1:-1]] == [
        "Phát triển kinh tế",
        "Đầu tư kết cấu hạ tầng",
        "Văn hóa - xã hội",
        "Chưa xác định nội dung",
    ]


def test_docx_highlights_list_ahead_and_late_works(document: Any) -> None:
    ahead = _table(
        document, ("STT", "Công trình, dự án, phần việc", "Đơn vị thực hiện", "Hoàn thành")
    )
    late = _table(
        document, ("STT", "Công trình, dự án, phần việc", "Đơn vị thực hiện", "Hạn hoàn thành")
    )

    assert ahead[1:] == [["1", "Trường mẫu giáo Hoa Sen", "Xã Phong Phú", "01/12/2024", "100"]]
    assert [row[1] for row in late[1:]] == ["Trạm y tế kiểu mẫu", "Cầu bê tông kênh Ba Sơn"]


def test_docx_closing_has_signature_and_recipients(document: Any) -> None:
    recipients, signature = document.tables[-1].rows[0].cells

    heading, *items = recipients.paragraphs
    assert heading.text == "Nơi nhận:"
    assert heading.runs[0].bold and heading.runs[0].italic
    assert heading.runs[0].font.size == Pt(12)
    assert [p.text for p in items] == ["- UBND tỉnh (b/c);", "- Lưu: VT, TĐKT."]
    assert {p.runs[0].font.size for p in items} == {Pt(11)}
    lines = [p.text for p in signature.paragraphs]
    assert lines[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert signature.paragraphs[0].runs[0].bold
    assert lines[-1] == ""  # the signer's name is for the clerk


def test_docx_highlights_at_most_ten_then_a_count(quarter: Quarter, province: Province) -> None:
    for n in range(11):
        work(
            quarter.campaign,
            province.commune_b1,
            WorkState.COMPLETED,
            title=f"Tuyến đường giao thông nông thôn số {n + 1}",
            actual_finish=dt.date(2024, 11, 1 + n),
        )

    data = consolidation_data(quarter.period, today=GENERATED_ON)
    document = docx.Document(io.BytesIO(build_docx(data)))

    ahead = _table(
        document, ("STT", "Công trình, dự án, phần việc", "Đơn vị thực hiện", "Hoàn thành")
    )
    assert len(ahead) == 1 + 10
    assert ahead[1][1] == "Trường mẫu giáo Hoa Sen"  # latest completion first (01/12/2024)
    assert "(Và 2 công trình khác.)" in [p.text for p in document.paragraphs]
