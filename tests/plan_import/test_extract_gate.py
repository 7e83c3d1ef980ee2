"""Which texts the reader reads as a plan (issue #17): a plan of any kind under a "KẾ HOẠCH"
title, a news page reporting a plan by its number; still refused: a text of another kind.

Made-up texts of the shapes met in the plans collected on 07/12/2026.
"""

from __future__ import annotations

import pytest

from thidua.core.errors import DomainError
from thidua.plan_import.extract import extract_plan
from thidua.plan_import.reading import read_plan

OTHER_KIND_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN AN LẠC
Số: 57/KH-UBND
An Lạc, ngày 9 tháng 4 năm 2024
KẾ HOẠCH
PHÁT TRIỂN CHĂN NUÔI BÒ SỮA TRÊN ĐỊA BÀN HUYỆN GIAI ĐOẠN 2024 - 2026
Căn cứ Quyết định số 210/QĐ-UBND ngày 2/2/2024 của Ủy ban nhân dân tỉnh về chăn nuôi;
I. MỤC ĐÍCH, YÊU CẦU
Phấn đấu đến năm 2026 có ít nhất 300 hộ nuôi bò sữa.
"""

NEWS_PAGE = """Kế hoạch trồng cây xanh ven sông tại huyện An Lạc (Kế hoạch 0042/KH-UBND)
Ngày 05/06/2024, UBND huyện An Lạc đã ban hành Kế hoạch 0042/KH-UBND về việc trồng cây xanh ven sông trên địa bàn huyện.
Cụ thể, Kế hoạch 0042/KH-UBND có mục đích như sau:
1. Mục đích
- Phủ xanh bờ sông, giữ đất.
"""


def _read(text: str, name: str = "ke-hoach.txt") -> list[str]:
    return read_plan(text.encode("utf-8"), name)


def test_a_plan_of_another_kind_under_a_ke_hoach_title_is_read():
    data = extract_plan(_read(OTHER_KIND_PLAN)).data

    assert data["document"]["number"] == "57/KH-UBND"
    assert [b["number"] for b in data["legal_bases"]] == ["210/QĐ-UBND"]


def test_a_news_page_reporting_a_plan_by_its_number_is_read():
    result = extract_plan(_read(NEWS_PAGE))

    assert result.data["document"]["number"] == "0042/KH-UBND"
    assert result.data["document"]["date"] == "2024-06-05"
    # The plan's own number, named again in the page, is no basis of it.
    assert all(b.get("number") != "0042/KH-UBND" for b in result.data.get("legal_bases", []))


@pytest.mark.parametrize(
    "text",
    [
        # A decision that names a plan is a decision, not a plan.
        "ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC GIAO VỐN\n"
        "Căn cứ Kế hoạch số 8/KH-UBND ngày 1/1/2024 của UBND huyện;\nĐiều 1. Giao vốn.",
        # Minutes of a meeting that report a plan by its number.
        "BIÊN BẢN\nCuộc họp ngày 3/3/2024\nCác đại biểu bàn Kế hoạch 15/KH-UBND về giao thông.",
        "Thông báo lịch cắt điện tuần này tại phường An Phú.",
    ],
)
def test_a_text_of_another_kind_is_still_refused(text):
    with pytest.raises(DomainError, match="không phải là một kế hoạch"):
        _read(text)


CELLS_CLOSED_BY_PIPES = """ỦY BAN NHÂN DÂN
TỈNH LAM SƠN
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM |
Số: 311/KH-UBND |
Lam Sơn, ngày 14 tháng 9 năm 2023 |
Căn cứ Quyết định số 77/QĐ-TTg ngày 05/01/2023 của Thủ tướng Chính phủ về ban hành Kế hoạch tổ chức phong trào thi đua “Xanh đường làng” giai đoạn 2023 - 2025;
Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2023 của Ủy ban nhân dân tỉnh về bảo vệ môi trường;
Ủy ban nhân dân tỉnh ban hành Kế hoạch phát động phong trào thi đua “Xanh đường làng” giai đoạn 2023 - 2025 trên địa bàn tỉnh Lam Sơn, với các nội dung sau:
1. Mục đích:
- Khơi dậy tinh thần giữ gìn đường làng sạch đẹp.
"""


def test_a_head_of_cells_each_closed_by_a_pipe_and_no_title_line():
    data = extract_plan(_read(CELLS_CLOSED_BY_PIPES)).data

    assert data["document"]["number"] == "311/KH-UBND"
    assert data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Lam Sơn"
    # No "KẾ HOẠCH" line: the kind and title come from the plan's own sentence.
    assert data["document"]["kind"] == "Kế hoạch"
    assert data["title"].startswith("Phát động phong trào thi đua “Xanh đường làng”")
    assert [(b["relation"], b["number"]) for b in data["legal_bases"]] == [
        ("can_cu", "77/QĐ-TTg"),
        ("thuc_hien", "45/KH-UBND"),
    ]
    # "… về ban hành Kế hoạch …" is cut as the plan's own words: no title "về" is left.
    assert "title" not in data["legal_bases"][0]


LETTER_REPORTED = """10/03/2021 08:00:00
Công đoàn Sở Giao thông phát động thi đua năm 2021
Mới đây, Công đoàn Sở Giao thông đã ban hành Công văn số 12/CV-CĐS ngày 03/03/2021 phát động phong trào thi đua “an toàn giao thông” năm 2021 cụ thể:
- Đợt 1: Từ 1/3/2021 đến 30/6/2021.
"""


def test_a_news_page_reporting_a_letter_that_launches_a_movement():
    data = extract_plan(_read(LETTER_REPORTED)).data

    assert data["document"]["kind"] == "Công văn"
    assert data["document"]["number"] == "12/CV-CĐS"
    assert data["document"]["date"] == "2021-03-03"
    assert data["document"]["issuer"] == "Công đoàn Sở Giao thông"
    # The letter itself, named in the report, is not its own basis.
    assert data.get("legal_bases", []) == []


def test_a_caps_title_wrapped_at_the_hyphen_of_a_place_name():
    text = OTHER_KIND_PLAN.replace(
        "PHÁT TRIỂN CHĂN NUÔI BÒ SỮA TRÊN ĐỊA BÀN HUYỆN GIAI ĐOẠN 2024 - 2026",
        "PHÁT TRIỂN CHĂN NUÔI BÒ SỮA TỈNH BẮC\n- NAM AN GIAI ĐOẠN 2024 - 2026",
    )
    data = extract_plan(_read(text)).data

    assert data["title"].endswith("BẮC - NAM AN GIAI ĐOẠN 2024 - 2026")
    assert data["period"] == {"start": 2024, "end": 2026}
