"""The XLSX in the form's layout: heading, row and column codes, every filled cell from
known awards, the signature block."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.factories.award_statistics import StatsPeople, known_awards_2025
from tests.factories.organisations import Province
from tests.pages import signed_in
from thidua.award_statistics.selectors import statistics_for
from thidua.award_statistics.xlsx import FIRST_DATA_ROW, TABLE_HEADER_ROW, statistics_workbook
from thidua.awards.models import AwardForm

pytestmark = pytest.mark.django_db

FIGURES_2025 = {
    "Chiến sĩ thi đua cơ sở": [2, 0, 2, 1, 1, 0, 2_000_000],
    "Lao động tiên tiến": [1, 0, 1, 1, 1, 0, 300_000],
    "Tập thể lao động xuất sắc": [1, 1, 0, 0, 0, 0, 5_000_000],
    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh": [2, 0, 1, 1, 1, 1, 800_000],
}


def _sheet(province: Province):  # type: ignore[no-untyped-def]
    content = statistics_workbook(
        statistics_for(province.root, 2025),
        reporting_body=province.root.name,
        place="Thử",
        day=dt.date(2025, 12, 12),
    )
    return load_workbook(io.BytesIO(content)).active


def _rows(sheet):  # type: ignore[no-untyped-def]
    return list(sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True))


def test_heading_names_the_circular_the_units_and_the_period(
    province: Province, forms: None
) -> None:
    sheet = _sheet(province)

    assert "Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ Nội vụ" in sheet["A2"].value
    assert sheet["A3"].value == "Kỳ báo cáo: năm 2025 (từ ngày 01/01/2025 đến ngày 31/12/2025)"
    assert sheet["G1"].value == "Đơn vị báo cáo: UBND tỉnh Thử"
    assert sheet["G2"].value == "Đơn vị nhận báo cáo: Bộ Nội vụ"
    assert sheet["A5"].value == "SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM 2025"
    header = [c.value for c in sheet[TABLE_HEADER_ROW]][:10]
    assert header[:4] == ["STT", "Danh hiệu thi đua, hình thức khen thưởng", "Mã số", "Tổng số"]
    assert header[-1] == "Tiền thưởng (đồng)"
    codes = [c.value for c in sheet[TABLE_HEADER_ROW + 1]][:10]
    assert codes == ["A", "B", "C", "1", "2", "3", "4", "5", "6", "7"]


def test_every_filled_cell_from_known_awards(province: Province, forms: None) -> None:
    known_awards_2025(province)

    rows = _rows(_sheet(province))

    by_name = {row[1]: row for row in rows if row[2]}
    assert by_name["Tổng số"][2:] == ("01", 6, 1, 4, 3, 3, 1, 8_100_000)
    assert by_name["Danh hiệu thi đua"][0] == "I"
    assert by_name["Danh hiệu thi đua"][3:] == (4, 1, 3, 2, 2, 0, 7_300_000)
    assert by_name["Hình thức khen thưởng"][0] == "II"
    assert by_name["Hình thức khen thưởng"][3:] == (2, 0, 1, 1, 1, 1, 800_000)
    for form in AwardForm.objects.all():
        expected = FIGURES_2025.get(form.name, [0] * 7)
        assert list(by_name[form.name][3:]) == expected, form.name
    row_codes = [row[2] for row in rows if row[2]]
    assert row_codes == [f"{n:02d}" for n in range(1, len(row_codes) + 1)]


def test_signature_block_follows_the_table(province: Province, forms: None) -> None:
    sheet = _sheet(province)

    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if c]

    assert "Thử, ngày 12 tháng 12 năm 2025" in texts
    for text in ("NGƯỜI LẬP BIỂU", "NGƯỜI KIỂM TRA BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"):
        assert text in texts
    assert "(Ký, đóng dấu, ghi rõ họ tên)" in texts


def test_export_downloads_the_province_report(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    response = signed_in(people.secretariat).get(
        "/thong-ke-khen-thuong/bao-cao.xlsx", {"year": 2025}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["G1"].value == "Đơn vị báo cáo: UBND tỉnh Thử"
    assert _rows(sheet)[0][3] == 6


def test_export_refuses_a_unit_and_another_province(
    province: Province, forms: None, people: StatsPeople
) -> None:
    known_awards_2025(province)

    unit = signed_in(people.officer).get("/thong-ke-khen-thuong/bao-cao.xlsx", {"year": 2025})
    other = signed_in(people.other_secretariat).get(
        "/thong-ke-khen-thuong/bao-cao.xlsx", {"year": 2025, "province": province.root.pk}
    )

    assert unit.status_code == 403 and b"PK" not in unit.content[:2]
    assert other.status_code == 403 and "UBND tỉnh Thử" not in other.content.decode()
