"""Golden test of the review report: open the DOCX and read its layout and its numbers."""

from __future__ import annotations

import io

import docx

from tests.factories.reviews import known_figures, open_review
from thidua.reviews import workflow


def _issued_docx(kh, people, province):
    figures = known_figures(kh, people, province)
    review = open_review(kh, people)
    workflow.review_update(
        actor=people.secretariat,
        review=review,
        held_on=review.held_on,
        shortcomings="Một số đơn vị cập nhật tiến độ chậm.",
        directions="Đẩy nhanh các công trình Đợt 2.",
        notes="GHI-CHU-NOI-BO",
    )
    workflow.review_select_works(
        actor=people.secretariat,
        review=review,
        commend=[figures["ahead"][0].pk],
        publicise=[figures["ahead"][1].pk],
    )
    issued = workflow.review_issue(actor=people.secretariat, review=review)
    with issued.report.open("rb") as handle:
        return docx.Document(io.BytesIO(handle.read())), issued


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_layout_follows_nd_30(kh, people, province):
    document, _ = _issued_docx(kh, people, province)
    section = document.sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    head = document.tables[0]
    assert head.cell(0, 0).text.splitlines()[0] == "ỦY BAN NHÂN DÂN TỈNH"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head.cell(0, 1).text
    assert head.cell(1, 0).text == "Số: ……/BC-UBND"
    assert head.cell(1, 1).text == "Trà Vinh, ngày 28 tháng 02 năm 2025"
    text = _text(document)
    assert "BÁO CÁO" in text
    assert "Sơ kết Đợt 1 phong trào thi đua theo Kế hoạch số 128/KH-UBND" in text
    for heading in (
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "1. Kết quả thực hiện các chỉ tiêu",
        "2. Công trình, dự án, phần việc",
        "3. Công tác báo cáo",
        "II. HẠN CHẾ, TỒN TẠI",
        "III. CÔNG TÁC KHEN THƯỞNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "Nơi nhận:",
    ):
        assert heading in text, heading


def test_tables_carry_the_real_numbers(kh, people, province):
    document, _ = _issued_docx(kh, people, province)
    text = _text(document)

    targets = next(t for t in document.tables if t.cell(0, 1).text == "Chỉ tiêu")
    rows = [[c.text for c in row.cells] for row in targets.rows[1:]]
    assert rows == [
        ["1", "Tỷ lệ hộ dùng nước sạch", "≥ 10 %", "12,5 %", "Vượt"],
        ["2", "Tỷ lệ lao động qua đào tạo", "≥ 70 %", "4 %", "Chưa đạt"],
    ]
    assert "1 chỉ tiêu vượt, 0 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt" in text
    assert "đã đăng ký 3 công trình" in text and "trong đó 2 công trình hoàn thành vượt" in text
    works = next(t for t in document.tables if t.cell(0, 1).text == "Công trình, dự án, phần việc")
    rows = [[c.text for c in row.cells] for row in works.rows[1:]]
    assert rows == [
        ["1", "Cầu bê tông kênh Ba Sơn", "Xã Phong Phú", "20/02/2025", "Khen thưởng"],
        ["2", "Nhà văn hóa ấp Bà Tiêm", "Xã Tập Sơn", "20/02/2025", "Tuyên truyền"],
    ]
    periods = next(t for t in document.tables if t.cell(0, 0).text == "Kỳ báo cáo")
    assert [c.text for c in periods.rows[1].cells] == [
        "Quý IV/2024",
        "16/12/2024",
        "0",
        "0",
        "0",
        "0",
    ]
    assert "Một số đơn vị cập nhật tiến độ chậm." in text
    assert "Đẩy nhanh các công trình Đợt 2." in text
    assert "GHI-CHU-NOI-BO" not in text


def test_body_runs_use_times_new_roman(kh, people, province):
    document, issued = _issued_docx(kh, people, province)

    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    sizes = {run.font.size.pt for p in document.paragraphs for run in p.runs if run.font.size}

    assert fonts == {"Times New Roman"}
    assert 14 in sizes
    import hashlib

    with issued.report.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == issued.report_sha256
