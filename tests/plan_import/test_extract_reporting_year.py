"""A yearly report is not a quarterly one: "theo quy định" (rules) names no quarter."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan
from thidua.plan_import.reading import read_plan

PLAN = """ỦY BAN NHÂN DÂN
TỈNH LAM SƠN
Số: 20/KH-UBND
Lam Sơn, ngày 5 tháng 2 năm 2024
KẾ HOẠCH
PHÁT ĐỘNG THI ĐUA CẢI CÁCH HÀNH CHÍNH NĂM 2024
I. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành định kỳ báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện hằng năm (trước ngày 10 tháng 12) để tổng hợp, báo cáo theo quy định.
"""

QUARTERLY = PLAN.replace(
    "hằng năm (trước ngày 10 tháng 12)", "hằng quý (trước ngày 20 của tháng cuối quý)"
)


def _reporting(text: str) -> dict[str, object]:
    return extract_plan(read_plan(text.encode("utf-8"), "kh.txt")).data["reporting"]


def test_a_yearly_report_under_theo_quy_dinh_has_no_frequency():
    assert "frequency" not in _reporting(PLAN)


def test_a_quarterly_report_is_still_read():
    report = _reporting(QUARTERLY)

    assert report["frequency"] == "quarterly"
    assert report["due_day"] == 20
    assert report["due_month_of_period"] == 3
