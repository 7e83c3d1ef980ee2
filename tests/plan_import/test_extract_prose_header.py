"""The plan's own number, date, issuer and title where no header block holds them (issue
#17): in a sentence, in a header flattened into cells, in a first line in ordinary case.
Every text here is made up in the shapes the issue lists."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan


def test_number_and_date_inside_a_news_sentence_are_read_with_low_confidence():
    lines = [
        "Phát động thi đua chào mừng ngày thành lập huyện",
        "Ủy ban nhân dân huyện Đông Sơn vừa ban hành Kế hoạch số 45/KH-UBND ngày 3/4/2024 "
        "về phát động phong trào thi đua chào mừng 50 năm ngày thành lập huyện.",
        "Theo đó, các cơ quan, đơn vị tổ chức các hoạt động thiết thực.",
    ]

    draft = extract_plan(lines)

    document = draft.data["document"]
    assert document["number"] == "45/KH-UBND"
    assert document["date"] == "2024-04-03"
    assert document["issuer"] == "Ủy ban nhân dân huyện Đông Sơn"
    assert draft.data["title"].startswith("Phát động phong trào thi đua chào mừng 50 năm")
    assert draft.sources["document.number"].confidence == 0.6
    assert draft.sources["document.number"].where == "prose"
    assert draft.sources["document.number"].line == 2


def test_a_bracketed_number_and_date_under_the_title_belong_to_the_plan():
    lines = [
        "Kế hoạch tổ chức phong trào thi đua “Dân vận khéo” năm 2023",
        "(Kế hoạch số 12/KH-UBND, ngày 14/8/2023)",
        "Căn cứ Quyết định số 7/QĐ-UBND ngày 02/01/2023 của UBND tỉnh;",
    ]

    draft = extract_plan(lines)

    assert draft.data["document"]["number"] == "12/KH-UBND"
    assert draft.data["document"]["date"] == "2023-08-14"
    assert draft.data["title"].startswith("Tổ chức phong trào thi đua")


def test_a_sentence_opening_with_its_date_gives_number_date_and_issuer():
    lines = [
        "Ngày 9/2/2024, UBND huyện Lạc Sơn đã ban hành Kế hoạch số 31/KH-UBND về tổ chức "
        "phong trào thi đua xây dựng nông thôn mới năm 2024.",
    ]

    draft = extract_plan(lines)

    document = draft.data["document"]
    assert (document["number"], document["date"]) == ("31/KH-UBND", "2024-02-09")
    assert document["issuer"] == "Ủy ban nhân dân huyện Lạc Sơn"


def test_a_document_named_after_can_cu_is_not_the_plans_own_number():
    lines = [
        "Kế hoạch thi đua ngành giáo dục năm học 2024 - 2025",
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 5/8/2024 của UBND tỉnh; Sở Giáo dục xây dựng "
        "kế hoạch như sau:",
    ]

    draft = extract_plan(lines)

    assert "number" not in draft.data.get("document", {})
    assert draft.data["legal_bases"][0]["number"] == "88/KH-UBND"


def test_a_header_flattened_into_cells_gives_number_date_place_and_issuer():
    lines = [
        "ỦY BAN NHÂN DÂN HUYỆN NGỌC HỒI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 99/KH-UBND "
        "| Ngọc Hồi, ngày 27 tháng 6 năm 2025 |",
        "KẾ HOẠCH",
        "Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội 6 tháng cuối năm 2025",
    ]

    draft = extract_plan(lines)

    document = draft.data["document"]
    assert document["number"] == "99/KH-UBND"
    assert document["date"] == "2025-06-27"
    assert document["place"] == "Ngọc Hồi"
    assert document["issuer"] == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert draft.sources["document.date"].where == "table"
    assert draft.sources["document.date"].confidence == 0.9


def test_a_flattened_header_with_the_organ_alone_never_takes_the_motto_into_the_issuer():
    lines = [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 7/KH-UBND | "
        "Phú Lộc, ngày 2 tháng 3 năm 2024 |",
        "KẾ HOẠCH",
        "Thi đua lao động giỏi",
    ]

    draft = extract_plan(lines)

    assert "chủ nghĩa" not in draft.data["document"]["issuer"].lower()
    assert draft.data["document"]["date"] == "2024-03-02"


def test_a_first_line_in_ordinary_case_gives_kind_title_and_the_period_of_its_term():
    lines = [
        "Kế hoạch thi đua yêu nước của ngành y tế giai đoạn 2021 - 2025",
        "Nhằm cụ thể hóa phong trào thi đua, Sở Y tế ban hành kế hoạch như sau.",
    ]

    draft = extract_plan(lines)

    assert draft.data["document"]["kind"] == "Kế hoạch"
    assert draft.data["title"] == "Thi đua yêu nước của ngành y tế giai đoạn 2021 - 2025"
    assert draft.data["period"] == {"start": 2021, "end": 2025}
    assert draft.sources["period.start"].confidence == 0.7


def test_an_issuer_that_runs_on_into_the_sentence_is_cut_at_the_organ():
    lines = [
        "KẾ HOẠCH",
        "Thi đua cao điểm",
        "Ủy ban nhân dân huyện Bình Sơn đã ban hành Kế hoạch thi đua cao điểm như sau:",
        "I. MỤC ĐÍCH",
    ]

    draft = extract_plan(lines)

    assert draft.data["document"]["issuer"] == "Ủy ban nhân dân huyện Bình Sơn"


def test_a_sentence_opening_with_a_date_of_something_else_gives_no_date():
    lines = [
        "Thi đua khối thi đua các huyện",
        "Ngày 5/3/2024, Sở Nội vụ tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
    ]

    draft = extract_plan(lines)

    assert "date" not in draft.data.get("document", {})
    assert "document.date" in draft.unrecognised


def test_the_signature_block_is_found_before_an_appendix():
    lines = [
        "KẾ HOẠCH",
        "Thi đua hoàn thành nhiệm vụ",
        "I. MỤC ĐÍCH",
        "- Động viên cán bộ.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Bình",
        "PHỤ LỤC",
        *[f"{n}. Tiêu chí số {n}: đạt 5 điểm" for n in range(1, 40)],
    ]

    document = extract_plan(lines).data["document"]

    assert document["signer"]["name"] == "Trần Văn Bình"
    assert document["signer"]["position"] == "Phó Chủ tịch"


def test_a_head_whose_two_columns_were_merged_line_by_line_is_read():
    lines = [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN CHỢ MỚI Độc lập - Tự do - Hạnh phúc",
        "Số: 58/KH-UBND Chợ Mới, ngày 04 tháng 9 năm 2025",
        "KẾ HOẠCH",
        "Thi đua đẩy mạnh cải cách hành chính",
    ]

    document = extract_plan(lines).data["document"]

    assert document["issuer"] == "Ủy ban nhân dân huyện Chợ Mới"
    assert document["number"] == "58/KH-UBND"
    assert (document["date"], document["place"]) == ("2025-09-04", "Chợ Mới")


def test_a_title_closing_on_the_campaigns_year_gives_the_period_but_a_celebrated_year_not():
    campaign = extract_plan(["Kế hoạch phát động phong trào thi đua năm 2026 của xã Tân Lập"])
    celebrated = extract_plan(
        ["Kế hoạch thi đua chào mừng Đại hội và kỷ niệm các ngày lễ lớn trong năm 2020"]
    )
    term = extract_plan(["Kế hoạch thi đua chào mừng Đại hội Đảng bộ nhiệm kỳ 2025 - 2030"])

    assert "period" not in campaign.data  # "… năm 2026 của xã Tân Lập": not closing the title
    assert "period" not in celebrated.data
    assert "period" not in term.data
    assert extract_plan(["Kế hoạch phong trào thi đua năm 2026"]).data["period"] == {
        "start": 2026,
        "end": 2026,
    }


def test_an_issuer_cut_to_its_first_line_takes_the_level_and_place_the_text_gives():
    lines = [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "Số: 41/KH-UBND | Quảng Trị, ngày 3 tháng 7 năm 2025 |",
        "KẾ HOẠCH",
        "TRIỂN KHAI PHONG TRÀO THI ĐUA TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ",
    ]

    draft = extract_plan(lines)

    assert draft.data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert draft.sources["document.issuer"].confidence == 0.6
