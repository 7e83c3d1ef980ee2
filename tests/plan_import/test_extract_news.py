"""News reports of a plan (issue #17: "plans as people have them" are often a portal's
report, only its opening). Texts made up in those shapes."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan


def test_a_report_gives_date_before_the_organ_number_title_and_an_organ_without_place():
    lines = [
        "Đẩy mạnh phong trào thi đua vì an ninh Tổ quốc",
        "(14/04/2022)",
        "Để thực hiện tốt nhiệm vụ năm 2022, ngày 8/4/2022, Ủy ban nhân dân tỉnh đã ban hành "
        "Kế hoạch số 77/KH-UBND tổ chức phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” "
        "năm 2022, nhằm phát huy sức mạnh toàn dân.",
    ]

    draft = extract_plan(lines)

    document = draft.data["document"]
    assert (document["number"], document["date"]) == ("77/KH-UBND", "2022-04-08")
    assert document["issuer"] == "Ủy ban nhân dân tỉnh"
    assert draft.sources["document.issuer"].confidence == 0.5
    assert draft.data["title"] == (
        "Tổ chức phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc” năm 2022"
    )


def test_a_day_and_month_take_the_year_of_the_page():
    lines = [
        "Tổ chức các hoạt động kỷ niệm ngày thành lập (1/6/1950 - 1/6/2025)",
        "Ngày 05/5, UBND tỉnh ban hành Kế hoạch số 301/KH-UBND, Tổ chức các hoạt động kỷ niệm "
        "75 năm ngày thành lập.",
        "Cập nhật: 20/05/2025",
    ]

    draft = extract_plan(lines)

    assert draft.data["document"]["date"] == "2025-05-05"
    assert draft.sources["document.date"].confidence == 0.5


def test_a_plan_named_without_number_and_a_signer_after_the_organ():
    lines = [
        "Bình Định: thi đua vì môi trường",
        "Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn vừa ký ban hành Kế hoạch phát động phong "
        "trào thi đua bảo vệ môi trường năm 2025.",
    ]

    draft = extract_plan(lines)

    document = draft.data["document"]
    assert document["issuer"] == "Ủy ban nhân dân tỉnh Bình Định"
    assert document["signer"] == {"name": "Phạm Anh Tuấn", "position": "Chủ tịch"}
    assert draft.data["title"] == "Phát động phong trào thi đua bảo vệ môi trường năm 2025"


def test_a_report_that_names_no_plan_gives_the_movement_it_launches():
    lines = [
        "Tân Uyên phát động thi đua chào mừng thị xã lên thành phố",
        "Ngày 2/3, UBND thị xã Tân Uyên vừa phát động phong trào thi đua lập thành tích chào "
        "mừng thị xã lên thành phố, với chủ đề “Đoàn kết, sáng tạo”.",
    ]

    draft = extract_plan(lines)

    assert draft.data["title"] == "Phong trào thi đua lập thành tích chào mừng thị xã lên thành phố"
    assert draft.data["document"]["issuer"] == "Ủy ban nhân dân thị xã Tân Uyên"
    assert draft.sources["title"].confidence == 0.5


def test_a_report_of_a_letter_gives_no_title_of_a_movement():
    lines = [
        "Phát động phong trào thi đua năm 2022",
        "Ngày 10/01/2022, UBND tỉnh ban hành văn bản số 88/UBND-TH về phát động phong trào thi "
        "đua năm 2022.",
    ]

    assert "title" not in extract_plan(lines).data


def test_bylines_and_page_dates_in_capitals_are_no_issuer():
    lines = ["Thi đua chào mừng Đại hội", "TRẦN HÀ", "Cập nhật 12/3/2024", "PHÚ AN"]

    draft = extract_plan(lines)

    assert "issuer" not in draft.data.get("document", {})
