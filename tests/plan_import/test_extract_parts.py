"""Each piece of the extractor on its own: numbers, dates, ranges, figures, phases, outline,
header, signer, registration, reporting, awards and duties."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua.core.dates import PartialDate
from thidua.plan_import.extract import extract_plan
from thidua.plan_import.extract.dates import find_dates, find_range, partial_value
from thidua.plan_import.extract.duties import agencies_of
from thidua.plan_import.extract.figures import find_figures
from thidua.plan_import.extract.numbers import parse_number, plain
from thidua.plan_import.extract.structure import join_lines, outline
from thidua.plan_import.extract.words import organ_of_caps, title_of_caps


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.500", Decimal(2500)),
        ("1,5", Decimal("1.5")),
        ("99,5", Decimal("99.5")),
        ("10.000,5", Decimal("10000.5")),
        ("1.009.168", Decimal(1009168)),
        ("1.5", Decimal("1.5")),
        ("05", Decimal(5)),
    ],
)
def test_numbers_read_dots_as_thousands_and_commas_as_decimals(text, value):
    assert parse_number(text) == value


def test_a_number_that_is_none_raises_and_plain_gives_ints_for_whole_numbers():
    with pytest.raises(ValueError):
        parse_number("1,2,3.4.5")
    assert plain(Decimal("10.0")) == 10
    assert plain(Decimal("99.5")) == 99.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trà Vinh, ngày 11 tháng 11 năm 2024", PartialDate(2024, 11, 11)),
        ("ngày 05/8/2024 của", PartialDate(2024, 8, 5)),
        ("Quyết định ngày 28-6-2024", PartialDate(2024, 6, 28)),
        ("từ tháng 11 năm 2024", PartialDate(2024, 11)),
        ("tháng 9/2025", PartialDate(2025, 9)),
        ("trong năm 2025", PartialDate(2025)),
    ],
)
def test_dates_keep_the_precision_that_was_written(text, expected):
    assert find_dates(text)[0][0] == expected


def test_an_impossible_date_is_no_date():
    assert find_dates("ngày 31 tháng 2 năm 2025") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Từ tháng 11 năm 2024 đến ngày 30 tháng 4 năm 2025.", "2024-11", "2025-04-30"),
        ("từ ngày 01/5 đến ngày 30/9/2025", "2025-05-01", "2025-09-30"),
        ("Từ tháng 5 đến tháng 9 năm 2025", "2025-05", "2025-09"),
        ("từ năm 2024 đến năm 2025", 2024, 2025),
    ],
)
def test_ranges_give_both_ends_each_with_its_precision(text, start, end):
    found = find_range(text)

    assert found is not None
    assert (partial_value(found[0]), partial_value(found[1])) == (start, end)


def _figures(text: str, strict: bool = False) -> list[tuple[str, str, str | None, str]]:
    return [
        (f.comparator, str(f.value), None if f.value_max is None else str(f.value_max), f.unit)
        for f in find_figures(text, strict=strict)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đạt 10 - 11%", [("between", "10", "11", "%")]),
        ("từ 1,5 - 2%/năm", [("between", "1.5", "2", "%/năm")]),
        ("đạt trên 95%", [("gt", "95", None, "%")]),
        ("xuống dưới 2%", [("lt", "2", None, "%")]),
        ("từ 2% trở lên", [("gte", "2", None, "%")]),
        ("không dưới 2%", [("gte", "2", None, "%")]),
        ("không quá 5%", [("lte", "5", None, "%")]),
        ("đạt 100 triệu đồng", [("gte", "100", None, "triệu đồng")]),
        ("là 2.500 doanh nghiệp", [("gte", "2500", None, "doanh nghiệp")]),
        ("tăng 1,5 lần", [("gte", "1.5", None, "lần")]),
        ("đạt 99,5%", [("gte", "99.5", None, "%")]),
        ("có 30 giường bệnh/vạn dân", [("gte", "30", None, "giường bệnh/vạn dân")]),
        ("đạt 10% - 11%", [("between", "10", "11", "%")]),
    ],
)
def test_figures_give_comparator_value_range_and_unit(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "kỷ niệm 95 năm ngày thành lập Đảng",
        "dân số 1.009.168 người",
        "Quốc lộ 60 và Quốc lộ 53",
        "Khu nhà ở xã hội tại phường 4",
        "nhiệm kỳ 2020 - 2025",
        "Chỉ thị số 39/CT-TTg ngày 15/10/2024",
        "Đại hội lần thứ XIV, đợt 2",
        "thực hiện hiệu quả 06 nhiệm vụ trọng tâm, 03 nhiệm vụ đột phá",
        "Đầu tư xây dựng 34 cống nội đồng",
        "trong 05 năm",
    ],
)
def test_numbers_that_are_not_goals_give_no_figure(text):
    assert _figures(text) == []


def test_outside_a_targets_section_only_explicit_percentages_count():
    assert _figures("đạt 70% kế hoạch", strict=True) == []
    assert _figures("đảm bảo không dưới 2% chi thường xuyên", strict=True) == [
        ("gte", "2", None, "%")
    ]


def test_lines_cut_by_a_page_break_are_joined_and_keep_their_first_line():
    lines = ["Tập trung đấu tranh tội phạm sử", "dụng công nghệ cao.", "- Đợt 1: từ"]

    assert join_lines(lines) == [
        (1, "Tập trung đấu tranh tội phạm sử dụng công nghệ cao."),
        (3, "- Đợt 1: từ"),
    ]


def test_outline_numbers_sections_roman_arabic_letter():
    paras = outline(
        ["I. MỤC ĐÍCH", "1. Mục đích", "- Một", "II. NỘI DUNG", "1. Chỉ tiêu", "a) Con", "+ Ý"]
    )

    assert [(p.kind, p.section) for p in paras] == [
        ("roman", "I"),
        ("arabic", "I.1"),
        ("dash", "I.1"),
        ("roman", "II"),
        ("arabic", "II.1"),
        ("letter", "II.1.a"),
        ("plus", "II.1.a"),
    ]


def test_capitals_become_the_usual_case_of_positions_and_organs():
    assert title_of_caps("PHÓ CHỦ TỊCH") == "Phó Chủ tịch"
    assert title_of_caps("CHỦ TỊCH") == "Chủ tịch"
    assert organ_of_caps(["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH"]) == "Ủy ban nhân dân tỉnh Trà Vinh"
    assert organ_of_caps(["UBND HUYỆN CẦU KÈ"]) == "Ủy ban nhân dân huyện Cầu Kè"


PLAN = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH VĨNH LONG",
    "Số: 45/KH-UBND",
    "Vĩnh Long, ngày 03/02/2025",
    "KẾ HOẠCH",
    "Phát động thi đua năm 2025",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 của Quốc hội;",
    "I. NỘI DUNG",
    "1. Chỉ tiêu",
    "- Hằng năm giảm tỷ lệ hộ nghèo từ 1% trở lên.",
    "2. Thời gian",
    "- Đợt 1: từ ngày 01/3/2025 đến ngày 30/6/2025.",
    "- Đợt 2: từ ngày 01/7/2025 đến ngày 31/12/2025.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Các sở, ban, ngành tỉnh gửi báo cáo về Sở Nội vụ định kỳ hằng quý trước ngày 10 của tháng cuối quý.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "(Đã ký)",
    "NGUYỄN VĂN A",
]


def test_a_short_plan_gives_its_header_signer_phases_target_and_reporting():
    draft = extract_plan(PLAN)
    data = draft.data

    assert data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert data["document"]["date"] == "2025-02-03"
    assert data["document"]["signer"] == {
        "position": "Phó Chủ tịch",
        "authority": "KT.",
        "name": "Nguyễn Văn A",
    }
    assert data["legal_bases"][0]["number"] == "06/2022/QH15"
    assert data["legal_bases"][0]["issuer"] == "Quốc hội"
    assert [(p["start"], p["end"]) for p in data["phases"]] == [
        ("2025-03-01", "2025-06-30"),
        ("2025-07-01", "2025-12-31"),
    ]
    assert data["period"] == {"start": "2025-03-01", "end": "2025-12-31"}
    assert [(t["kind"], t["comparator"], t["value"]) for t in data["targets"]] == [
        ("per_year", "gte", 1)
    ]
    assert data["reporting"]["due_day"] == 10
    assert data["reporting"]["recipient"] == "Sở Nội vụ"


def test_review_of_phases_is_only_set_when_the_plan_speaks_of_so_ket_and_tong_ket():
    assert "review" not in extract_plan(PLAN).data["phases"][0]


def test_agencies_are_the_subject_of_a_duty():
    assert agencies_of("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể phối hợp") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Các đoàn thể",
    ]
    assert agencies_of("Các ngành, các cấp sơ kết, tổng kết") == ["Các ngành, các cấp"]


def test_a_numbered_list_after_chi_tieu_gives_one_target_per_figure():
    lines = [
        "KẾ HOẠCH",
        "Phát động phong trào thi đua năm 2026",
        "Các chỉ tiêu chủ yếu: (1) Tốc độ tăng trưởng đạt từ 8% trở lên; (2) Phấn đấu thành "
        "lập mới 400 doanh nghiệp; (3) Tỷ lệ lao động qua đào tạo đạt 60%; trong đó đào tạo "
        "nghề đạt 40%; (4) Phấn đấu có thêm 05 xã đạt chuẩn nông thôn mới.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["comparator"], t["value"], t["measure_unit"]) for t in targets] == [
        ("Tốc độ tăng trưởng", "gte", 8, "%"),
        ("Số doanh nghiệp thành lập mới", "gte", 400, "doanh nghiệp"),
        ("Tỷ lệ lao động qua đào tạo", "gte", 60, "%"),
        ("Tỷ lệ lao động qua đào tạo đào tạo nghề", "gte", 40, "%"),
        ("Số xã đạt chuẩn nông thôn mới", "gte", 5, "xã"),
    ]


def test_bases_skip_the_plans_own_sentence_and_a_resolution_without_number():
    lines = [
        "KẾ HOẠCH",
        "Phát động thi đua",
        "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ; Nghị quyết "
        "Đại hội Đảng bộ tỉnh lần thứ XVI;",
        "Hội đồng Thi đua - Khen thưởng tỉnh ban hành Kế hoạch thực hiện Chỉ thị số "
        "04/CT-UBND ngày 11/01/2021 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Tạo khí thế thi đua sôi nổi.",
    ]

    draft = extract_plan(lines)

    assert [(b["kind"], b.get("number")) for b in draft.data["legal_bases"]] == [
        ("Chỉ thị", "19/CT-TTg"),
    ]
    assert draft.data["purposes"] == ["Tạo khí thế thi đua sôi nổi."]
    assert draft.sources["purposes.0"].confidence == 0.7


def test_a_report_of_a_letter_launching_the_movement_gives_no_number_of_the_plan():
    # "văn bản số 129/UBND-KTTH" is a letter (công văn), not the plan: its number and date
    # are not the plan's; they are left for the reviewer, not claimed "not stated".
    lines = [
        "Phát động phong trào thi đua năm 2021",
        "Ngày 14/01/2021, UBND tỉnh ban hành văn bản số 129/UBND-KTTH về phát động phong "
        "trào thi đua năm 2021.",
    ]

    draft = extract_plan(lines)

    assert "number" not in draft.data.get("document", {})
    assert "document.number" not in draft.missing
    assert "document.date" in draft.unrecognised
    # "UBND tỉnh ban hành": an issuer is named, without its place: not "not stated".
    assert "document.issuer" not in draft.missing


def test_a_part_that_fails_costs_that_part_only():
    # A form without a colon after its name is skipped, the rest is still read.
    lines = [
        "KẾ HOẠCH",
        "Phát động thi đua",
        "I. KHEN THƯỞNG",
        "1. Hình thức khen thưởng",
        "- Bằng khen",
    ]

    draft = extract_plan(lines)

    assert draft.data["title"] == "Phát động thi đua"
    assert not any("Không đọc được" in w for w in draft.warnings)
