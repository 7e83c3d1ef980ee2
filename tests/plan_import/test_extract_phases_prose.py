"""Phases in running text and under other names (issue #17). Texts made up in the shapes the
issue lists: "đợt 1, từ ngày … đến ngày …" inside a sentence, "Giai đoạn 2 từ 01-9 đến
15-12", "giai đoạn1: … từ tháng 2/2024 - 11/2024", a plan that states one span only."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan
from thidua.plan_import.extract.dates import find_range


def test_phases_inside_one_sentence_are_each_read_with_their_span():
    lines = [
        "KẾ HOẠCH",
        "Thi đua xây dựng đô thị văn minh",
        "I. THỜI GIAN",
        "Phong trào chia làm hai đợt: đợt 1, từ ngày 15/3/2022 đến ngày 30/9/2023; đợt 2, "
        "từ ngày 01/10/2023 đến ngày 31/12/2024, sau mỗi đợt có sơ kết, cuối cùng tổng kết.",
    ]

    draft = extract_plan(lines)

    phases = draft.data["phases"]
    assert [(p["name"], p["start"], p["end"]) for p in phases] == [
        ("Đợt 1", "2022-03-15", "2023-09-30"),
        ("Đợt 2", "2023-10-01", "2024-12-31"),
    ]
    assert draft.sources["phases.1.start"].confidence == 0.8
    assert draft.sources["phases.1.start"].where == "prose"
    assert draft.data["period"] == {"start": "2022-03-15", "end": "2024-12-31"}


def test_stages_named_giai_doan_keep_their_name_and_a_missing_space_is_no_obstacle():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chuyển đổi số năm 2024",
        "3. Tiến độ",
        "- giai đoạn1: khảo sát, xây dựng mô hình, từ tháng 2/2024 - 5/2024.",
        "- Giai đoạn 2 từ 01-9 đến 15-12: nhân rộng mô hình.",
    ]

    draft = extract_plan(lines)

    assert [(p["name"], p["start"], p["end"]) for p in draft.data["phases"]] == [
        ("Giai đoạn 1", "2024-02", "2024-05"),
        ("Giai đoạn 2", "2024-09-01", "2024-12-15"),
    ]


def test_a_span_without_any_year_is_left_unread_when_nothing_gives_the_year():
    assert find_range("từ 01-9 đến 15-12") is None
    assert find_range("từ 01-9 đến 15-12", 2026) is not None


def test_a_start_without_month_takes_the_month_and_year_of_the_end():
    start, end = find_range("từ ngày 08 đến ngày 10 tháng 12 năm 2025")

    assert (start.iso(), end.iso()) == ("2025-12-08", "2025-12-10")


def test_a_start_that_would_fall_after_the_end_is_in_the_year_before():
    start, end = find_range("từ ngày 15/11 đến ngày 30/4/2025")

    assert (start.iso(), end.iso()) == ("2024-11-15", "2025-04-30")


def test_one_stated_span_and_no_phase_gives_the_period_and_no_invented_phase():
    lines = [
        "KẾ HOẠCH",
        "Thi đua hoàn thành nhiệm vụ năm",
        "IV. THỜI GIAN THỰC HIỆN",
        "Thời gian thi đua: từ ngày 01/02/2025 đến ngày 30/11/2025.",
    ]

    draft = extract_plan(lines)

    assert draft.data["period"] == {"start": "2025-02-01", "end": "2025-11-30"}
    assert "phases" not in draft.data
    assert "phases" in draft.unrecognised


def test_a_later_mention_of_a_phase_does_not_add_one():
    lines = [
        "KẾ HOẠCH",
        "Thi đua mùa khô",
        "- Đợt 1: từ tháng 1 năm 2025 đến tháng 4 năm 2025.",
        "- Đợt 2: từ tháng 5 năm 2025 đến tháng 8 năm 2025.",
        "Kết thúc đợt 1, từ ngày 5 đến ngày 10 tháng 5 năm 2025 các đơn vị gửi báo cáo.",
    ]

    draft = extract_plan(lines)

    assert [p["name"] for p in draft.data["phases"]] == ["Đợt 1", "Đợt 2"]
    assert draft.data["phases"][0]["end"] == "2025-04"


def test_a_span_without_year_in_a_news_report_takes_the_pages_year():
    lines = [
        "Thị xã phát động thi đua chào mừng lên đô thị loại III",
        "Cập nhật 10/11/2024",
        "Ngày 9/11, thị xã vừa phát động phong trào thi đua lập thành tích chào mừng đô thị "
        "loại III. Thời gian phát động thi đua từ ngày 1/11 - 31/12.",
    ]

    draft = extract_plan(lines)

    assert draft.data["period"] == {"start": "2024-11-01", "end": "2024-12-31"}


def test_until_the_end_of_a_month_gives_the_periods_end_only():
    lines = [
        "Ngày 27/8/2020, Sở Tư pháp đã ban hành Kế hoạch phát động phong trào thi đua năm 2020.",
        "Kế hoạch đề ra 05 nội dung thi đua diễn ra từ nay cho đến hết tháng 12/2020.",
    ]

    draft = extract_plan(lines)

    assert draft.data["period"]["end"] == "2020-12"
    assert draft.sources["period.end"].confidence == 0.6


def test_a_span_that_ends_on_an_event_gives_the_periods_start_only():
    lines = [
        "Huyện phát động thi đua chào mừng 30 năm thành lập",
        "UBND huyện đã phát động phong trào thi đua đặc biệt. Thời gian từ tháng 10/2024 đến khi "
        "huyện tổ chức lễ kỷ niệm.",
    ]

    period = extract_plan(lines).data["period"]

    assert period == {"start": "2024-10"}


def test_a_span_under_a_time_heading_needs_no_time_word_of_its_own():
    lines = [
        "KẾ HOẠCH",
        "Thi đua năm 2025",
        "III. THỜI GIAN",
        "Từ ngày 15/3/2025 đến ngày 15/12/2025.",
    ]

    assert extract_plan(lines).data["period"] == {"start": "2025-03-15", "end": "2025-12-15"}


def test_phases_of_a_news_page_with_an_open_first_start_and_hyphen_dates():
    from thidua.plan_import.extract import extract_plan
    from thidua.plan_import.reading import read_plan

    text = (
        "UBND huyện Tân Mỹ vừa ban hành kế hoạch thi đua cao điểm “về đích sớm” chào mừng "
        "Đại hội Đảng bộ.\n"
        "Đợt thi đua cao điểm diễn ra đến ngày 30-11-2024, chia thành 2 giai đoạn. Giai đoạn 1 "
        "đến ngày 20-9, với nội dung khởi động các công trình.\n"
        "Giai đoạn 2 từ ngày 21-9 đến 30-11, với nội dung về đích các chỉ tiêu năm 2024 và "
        "giai đoạn 2020-2025.\n"
    )
    data = extract_plan(read_plan(text.encode("utf-8"), "tin.txt")).data

    assert data["phases"] == [
        {"code": "dot-1", "name": "Giai đoạn 1", "end": "2024-09-20"},
        {"code": "dot-2", "name": "Giai đoạn 2", "start": "2024-09-21", "end": "2024-11-30"},
    ]
    assert data["period"] == {"end": "2024-11-30"}


def test_phases_read_only_in_part_give_no_period_and_the_title_year_does():
    from thidua.plan_import.extract import extract_plan
    from thidua.plan_import.reading import read_plan

    text = (
        "Công đoàn Sở Y tế phát động thi đua năm 2021\n"
        "Mới đây, Công đoàn Sở Y tế đã ban hành Công văn số 15/CV-CĐYT ngày 02/02/2021 phát "
        "động phong trào thi đua “chăm sóc tận tình” năm 2021 cụ thể:\n"
        "- Đợt I: Từ 1/2/2021 đến 30/6/2021, chào mừng ngày Thầy thuốc Việt Nam.\n"
        "- Đợt ll: Từ 01/7/2021 đến 30/9/2021, chào mừng Quốc khánh.\n"
        "- Đợt III: Từ sau 30/9/2021 đến hết năm, tổng kết phong trào.\n"
    )
    data = extract_plan(read_plan(text.encode("utf-8"), "tin.txt")).data

    assert data["title"] == "Phát động phong trào thi đua “chăm sóc tận tình” năm 2021"
    # Only "Đợt I" is read ("Đợt ll" is mistyped, "Đợt III" has no span): the phases read do
    # not span the plan, so the period is the title's year, not the first phase's dates.
    assert len(data["phases"]) == 1
    assert data["period"] == {"start": 2021, "end": 2021}
