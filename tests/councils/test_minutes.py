"""Golden test of the minutes (biên bản họp Hội đồng): opened with python-docx and checked
for the ND 30/2020 layout (A4, margins, Times New Roman, header blocks), the attendance
with the absent members' written opinions, one result row per nomination (yes / all
members / share / passed, secret ballot noted) and the two signatures."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.shared import Pt

from tests.factories.councils import make_session, nominations, seats, vote_all
from thidua.councils import services
from thidua.councils.models import Attendance, VoteChoice

YES, NO = VoteChoice.YES, VoteChoice.NO


@pytest.fixture
def minutes(kh, people, province) -> Any:
    items = nominations(kh, province, 2) + nominations(kh, province, 1, form=kh.cstd)
    session = make_session(kh, people, members=10, present=8, written=1, items=items)
    session = services.session_open(actor=people.secretariat, session=session)
    first, second, secret = session.items.order_by("order")
    vote_all(session, first, [YES] * 8)
    vote_all(session, second, [YES] * 5 + [NO] * 3)
    vote_all(session, secret, [YES] * 8)
    written = next(s for s in seats(session) if s.attendance == Attendance.WRITTEN)
    services.council_written_vote(actor=people.secretariat, item=first, member=written, choice=YES)
    services.council_written_vote(actor=people.secretariat, item=secret, member=written, choice=YES)
    closed = services.session_close(actor=people.secretariat, session=session)
    with closed.minutes.open("rb") as handle:
        return docx.Document(io.BytesIO(handle.read())), closed, written


def _text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _runs(document: Any) -> list[Any]:
    runs = [run for p in document.paragraphs for run in p.runs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                runs.extend(run for p in cell.paragraphs for run in p.runs)
    return runs


def test_minutes_page_and_font(minutes):
    document, _session, _written = minutes
    section = document.sections[0]

    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)
    assert {run.font.name for run in _runs(document)} == {"Times New Roman"}


def test_minutes_header_and_title(minutes):
    document, _session, _written = minutes
    issuer, motto = document.tables[0].rows[0].cells
    number, place_date = document.tables[0].rows[1].cells

    assert [p.text for p in issuer.paragraphs][:2] == [
        "UBND TỈNH THỬ",
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
    ]
    assert motto.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert number.text == "Số: ……/BB-HĐTĐKT"
    assert place_date.paragraphs[0].text == "Thử, ngày 20 tháng 5 năm 2025"
    assert place_date.paragraphs[0].runs[0].italic
    titles = [p.text for p in document.paragraphs if p.text]
    assert titles[0] == "BIÊN BẢN"
    assert titles[1] == "Họp Hội đồng Thi đua - Khen thưởng tỉnh Thử xét đề nghị khen thưởng"


def test_minutes_time_place_and_attendance(minutes):
    document, _session, written = minutes
    text = _text(document)

    assert (
        "Vào lúc 08 giờ 00 phút, ngày 20 tháng 5 năm 2025, tại Hội trường UBND tỉnh, Hội đồng "
        "Thi đua - Khen thưởng tỉnh Thử tiến hành phiên họp xét khen thưởng Đợt 1." in text
    )
    assert (
        "Tổng số thành viên Hội đồng: 10 người; có mặt: 8 người (80 %); vắng mặt có ý kiến "
        "bằng văn bản: 1 người; vắng mặt: 1 người." in text
    )
    attendance = document.tables[1]
    assert [c.text for c in attendance.rows[0].cells] == [
        "STT",
        "Họ và tên",
        "Chức vụ",
        "Vai trò",
        "Tham dự",
    ]
    assert len(attendance.rows) == 11
    assert attendance.rows[1].cells[3].text == "Chủ tịch Hội đồng"
    assert attendance.rows[10].cells[4].text == "Vắng mặt"
    assert attendance.rows[9].cells[4].text == "Vắng mặt, có ý kiến bằng văn bản"
    written_table = document.tables[2]
    rows = [[c.text for c in row.cells] for row in written_table.rows[1:]]
    assert rows == [
        ["1", written.name, "1", "Đồng ý"],
        ["2", written.name, "3", "Phiếu kín (đã bỏ vào hòm phiếu)"],
    ]


def test_minutes_one_result_row_per_nomination(minutes):
    document, session, _written = minutes
    results = document.tables[3]
    header = [c.text for c in results.rows[0].cells]
    rows = [[c.text for c in row.cells] for row in results.rows[1:]]
    items = list(session.items.order_by("order"))

    assert header[3] == "Đồng ý / Tổng số thành viên"
    assert len(rows) == 3
    assert rows[0][0] == "1" and items[0].nomination.nominee.name in rows[0][1]
    assert rows[0][2:] == [
        "Biểu quyết công khai",
        "9/10",
        "90,0",
        "≥ 80 % tổng số thành viên",
        "Đạt",
    ]
    assert rows[1][3:] == ["5/10", "50,0", "≥ 80 % tổng số thành viên", "Không đạt"]
    assert rows[2][2:] == ["Bỏ phiếu kín", "9/10", "90,0", "≥ 90 % tổng số thành viên", "Đạt"]
    assert (
        "Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng 2 trường hợp; 1 trường hợp"
        in _text(document)
    )


def test_minutes_signed_by_secretary_and_chair(minutes):
    document, session, _written = minutes
    secretary, chair = document.tables[-1].rows[0].cells
    members = seats(session)

    assert secretary.paragraphs[0].text == "THƯ KÝ"
    assert chair.paragraphs[0].text == "CHỦ TRÌ"
    assert secretary.paragraphs[-1].text == members[-1].name
    assert chair.paragraphs[-1].text == members[0].name
    assert chair.paragraphs[-1].runs[0].bold
