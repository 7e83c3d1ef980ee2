"""News pages and short titles (issue #17): a day and month written "3-8" dated by the page, a
title's year followed by a place, "đến năm 2030" as an end only, and a period read from the
title never claimed "not stated".

Made-up texts of the shapes met in the plans collected on 07/12/2026.
"""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan
from thidua.plan_import.reading import read_plan


def _extract(text: str):
    return extract_plan(read_plan(text.encode("utf-8"), "tin.txt"))


def test_a_day_and_month_with_a_hyphen_take_the_year_of_the_page():
    result = _extract(
        "09:30, 12/05/2023\n"
        "Tân Mỹ: Thi đua xây dựng đô thị văn minh giai đoạn 2023 - 2025\n"
        "Ngày 9-5, UBND huyện Tân Mỹ ban hành Kế hoạch tổ chức thực hiện phong trào thi đua "
        "xây dựng đô thị văn minh giai đoạn 2023 - 2025 trên địa bàn huyện.\n"
    )

    assert result.data["document"]["date"] == "2023-05-09"
    assert "document.date" not in result.missing


def test_a_title_year_followed_by_a_place_is_the_period_and_never_claimed_missing():
    result = _extract(
        "Phát động phong trào thi đua yêu nước năm 2023 trên địa bàn huyện Tân Mỹ\n"
        "Ngày 14/02/2023, Ủy ban nhân dân huyện Tân Mỹ ban hành Kế hoạch số 31/KH-UBND "
        "phát động phong trào thi đua yêu nước năm 2023 trên địa bàn huyện Tân Mỹ.\n"
        "Mục đích của Kế hoạch nhằm phát huy sức mạnh của cả hệ thống chính trị.\n"
    )

    assert result.data["period"] == {"start": 2023, "end": 2023}
    assert "period.start" not in result.missing
    assert "period.end" not in result.missing


def test_until_a_year_in_the_title_is_the_end_only():
    result = _extract(
        "ỦY BAN NHÂN DÂN\nTỈNH LAM SƠN\nSố: 90/KH-UBND\nLam Sơn, ngày 2 tháng 3 năm 2025\n"
        "KẾ HOẠCH\nPHÒNG, CHỐNG THIÊN TAI ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH LAM SƠN\n"
        "Căn cứ Quyết định số 5/QĐ-TTg ngày 3/1/2025 của Thủ tướng Chính phủ;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )

    assert result.data["period"] == {"end": 2030}


def test_a_plan_named_in_the_passive_gives_kind_title_and_date():
    result = _extract(
        "Xã hội 08:15 16/10/2022 (0)\n"
        "Năm 2025: Tân Mỹ có 100% xã đạt chuẩn đô thị văn minh\n"
        "Đây là mục tiêu tại Kế hoạch tổ chức thực hiện phong trào thi đua “Tân Mỹ văn minh” "
        "giai đoạn 2022 – 2025, do UBND huyện ban hành vào ngày 14/10.\n"
    )

    assert result.data["document"]["kind"] == "Kế hoạch"
    assert result.data["title"] == (
        "Tổ chức thực hiện phong trào thi đua “Tân Mỹ văn minh” giai đoạn 2022 – 2025"
    )
    assert result.data["document"]["date"] == "2022-10-14"
    assert result.data["period"] == {"start": 2022, "end": 2025}
