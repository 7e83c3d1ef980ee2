"""Targets stated without a "chỉ tiêu"/"mục tiêu" heading (issue #17): "phấn đấu …" and "đạt
…%" in the content sections, or "phấn đấu" anywhere in the body. Texts made up in those
shapes; a figure that reports the past stays out."""

from __future__ import annotations

import pytest

from thidua.plan_import.extract import extract_plan

LINES = [
    "KẾ HOẠCH",
    "Thi đua giảm nghèo bền vững năm 2025",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Động viên cán bộ, nhân dân; phấn đấu giảm tỷ lệ hộ nghèo từ 2% - 2,5%/năm.",
    "II. NỘI DUNG THI ĐUA",
    "1. Thi đua phát triển kinh tế",
    "- Tỷ lệ hộ dân sử dụng nước sạch đạt 90%.",
    "- Phấn đấu đến cuối năm có 8 xã đạt từ 17 tiêu chí trở lên.",
    "- Năm 2024 toàn huyện đã có 12 xã đạt chuẩn nông thôn mới.",
    "- Tăng cường tuyên truyền, 100 buổi nói chuyện chuyên đề mỗi quý.",
]


@pytest.fixture(scope="module")
def targets():
    return extract_plan(LINES).data["targets"]


def test_a_phan_dau_range_outside_the_content_section_is_a_target(targets):
    poverty = targets[0]

    assert poverty["indicator"] == "Giảm tỷ lệ hộ nghèo"
    assert (poverty["comparator"], poverty["value"], poverty["value_max"]) == ("between", 2, 2.5)
    assert poverty["measure_unit"] == "%/năm"


def test_a_dat_percentage_in_the_content_section_is_a_target(targets):
    water = targets[1]

    assert water["indicator"] == "Tỷ lệ hộ dân sử dụng nước sạch"
    assert (water["comparator"], water["value"], water["measure_unit"]) == ("gte", 90, "%")


def test_a_count_after_phan_dau_names_what_is_counted_not_the_time(targets):
    communes = targets[2]

    assert communes["indicator"] == "Số xã đạt từ 17 tiêu chí trở lên"
    assert (communes["value"], communes["measure_unit"]) == (8, "xã")


def test_figures_that_report_the_past_or_describe_activities_are_no_targets(targets):
    assert len(targets) == 3
    assert all(t["value"] not in (12, 100) for t in targets)


def test_phan_dau_in_the_preamble_is_no_target():
    lines = [
        "KẾ HOẠCH",
        "Thi đua năm 2025",
        "Năm 2024, huyện phấn đấu và đạt 95% kế hoạch; UBND huyện ban hành kế hoạch như sau:",
        "I. MỤC ĐÍCH",
        "- Động viên cán bộ.",
    ]

    assert extract_plan(lines).data["targets"] == []


def test_a_leading_year_is_no_indicator_the_words_after_the_figure_are():
    lines = [
        "KẾ HOẠCH",
        "Thi đua vì sự tiến bộ của phụ nữ",
        "II. CHỈ TIÊU",
        "1. Các chỉ tiêu",
        "- Năm 2026 đạt 55% các hợp tác xã có thành viên ban quản trị là nữ.",
        "- Từ năm 2026 trở đi 100% trường học có góc tuyên truyền về bình đẳng giới.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [t["indicator"] for t in targets] == [
        "Tỷ lệ các hợp tác xã có thành viên ban quản trị là nữ",
        "Tỷ lệ trường học có góc tuyên truyền về bình đẳng giới",
    ]


def test_a_sign_and_a_figure_opening_an_item_state_targets_in_the_content_section():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chuyển đổi số trong nông nghiệp",
        "II. NỘI DUNG THI ĐUA",
        "1. Nội dung",
        "a) Đến hết năm 2027: Có ≥ 40% hợp tác xã trên địa bàn ứng dụng thương mại điện tử.",
        "(2) 100% thôn, ấp có tổ công nghệ số cộng đồng;",
        "(3) Tổ chức 20% số buổi tập huấn vào buổi tối, tùy điều kiện địa phương.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["comparator"], t["value"]) for t in targets] == [
        ("Tỷ lệ hợp tác xã trên địa bàn ứng dụng thương mại điện tử", "gte", 40),
        ("Tỷ lệ thôn, ấp có tổ công nghệ số cộng đồng", "gte", 100),
    ]


def test_the_lead_in_before_phan_dau_is_no_part_of_the_indicator():
    lines = [
        "Xã Tân Phú phát động phong trào thi đua năm 2026",
        "Theo kế hoạch, xã Tân Phú phấn đấu đạt tốc độ tăng thu nhập bình quân đầu người từ "
        "8% trở lên.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["value"]) for t in targets] == [
        ("Tốc độ tăng thu nhập bình quân đầu người", 8)
    ]


def test_a_scope_before_a_colon_is_not_the_indicator():
    lines = [
        "KẾ HOẠCH",
        "Thi đua phát triển giáo dục mầm non",
        "II. CHỈ TIÊU",
        "1. Chỉ tiêu cụ thể",
        "- Tại vùng đồng bào dân tộc: Phấn đấu 95% trẻ em 5 tuổi được học 2 buổi/ngày.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["value"]) for t in targets] == [
        ("Tỷ lệ trẻ em 5 tuổi được học 2 buổi/ngày", 95)
    ]


def test_a_goal_set_in_a_news_sentence_gives_each_figure_its_indicator():
    lines = [
        "Xã Hòa Bình phát động phong trào thi đua năm 2026",
        "Để bảo đảm an sinh, xã đặt mục tiêu giảm tỷ lệ hộ nghèo 0,5%, nâng tỷ lệ dân số tham "
        "gia bảo hiểm y tế lên 96% và giữ vững 100% trường học đạt chuẩn quốc gia.",
        "Chuyển đổi số tiếp tục là khâu đột phá, phấn đấu 85% hồ sơ được xử lý trực tuyến.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["value"]) for t in targets] == [
        ("Giảm tỷ lệ hộ nghèo", 0.5),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế", 96),
        ("Tỷ lệ trường học đạt chuẩn quốc gia", 100),
        ("Tỷ lệ hồ sơ được xử lý trực tuyến", 85),
    ]


def test_numbered_sentences_of_a_content_and_targets_section_are_read():
    lines = [
        "KẾ HOẠCH",
        "Thi đua xây dựng nông thôn mới nâng cao năm 2025",
        "II. NỘI DUNG VÀ CHỈ TIÊU",
        "1. Phấn đấu thu nhập bình quân đầu người đạt 80 triệu đồng/người/năm.",
        "2. Tỷ lệ hộ nghèo giảm còn dưới 1,2%.",
        "3. Xây dựng đời sống văn hóa ở khu dân cư.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [(t["indicator"], t["comparator"], t["value"], t["measure_unit"]) for t in targets] == [
        ("Thu nhập bình quân đầu người", "gte", 80, "triệu đồng/người/năm"),
        ("Tỷ lệ hộ nghèo", "lt", 1.2, "%"),
    ]


def test_each_figure_keeps_its_own_predicate_and_shares_the_last_only_when_it_has_none():
    lines = [
        "KẾ HOẠCH",
        "Thi đua an toàn trường học",
        "II. CHỈ TIÊU",
        "1. Chỉ tiêu",
        "- Phấn đấu 100% trường học đạt chuẩn an toàn, 95% giáo viên đạt chuẩn nghề nghiệp.",
        "- 90% trở lên thôn, 85% trở lên tổ dân phố đạt danh hiệu văn hóa.",
    ]

    targets = extract_plan(lines).data["targets"]

    assert [t["indicator"] for t in targets] == [
        "Tỷ lệ trường học đạt chuẩn an toàn",
        "Tỷ lệ giáo viên đạt chuẩn nghề nghiệp",
        "Tỷ lệ thôn đạt danh hiệu văn hóa",
        "Tỷ lệ tổ dân phố đạt danh hiệu văn hóa",
    ]


def test_a_roman_section_of_targets_with_figures_leading_its_numbered_items():
    from thidua.plan_import.extract import extract_plan
    from thidua.plan_import.reading import read_plan

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAM SƠN\nSố: 70/KH-UBND\nLam Sơn, ngày 5 tháng 5 năm 2025\n"
        "KẾ HOẠCH\nBỒI DƯỠNG CÔNG CHỨC GIAI ĐOẠN 2026 - 2030\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao năng lực công chức.\n"
        "II. MỤC TIÊU CHỦ YẾU\n"
        "1. 100% công chức cấp xã được bồi dưỡng kỹ năng soạn thảo văn bản.\n"
        "2. Trong giai đoạn 2026 - 2030 phấn đấu có ít nhất 20% công chức có trình độ thạc sĩ.\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tổ chức 12 lớp bồi dưỡng.\n"
    )
    targets = extract_plan(read_plan(text.encode("utf-8"), "kh.txt")).data["targets"]

    assert [(t["indicator"], t["value"], t["measure_unit"]) for t in targets] == [
        ("Tỷ lệ công chức cấp xã được bồi dưỡng kỹ năng soạn thảo văn bản", 100, "%"),
        ("Tỷ lệ công chức có trình độ thạc sĩ", 20, "%"),
    ]
