"""Legal bases without run-on values (issue #17): an issuer that runs into the next clause,
a document named in the plan's content taken as a basis. Texts made up in those shapes."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan


def _bases(lines):
    return extract_plan(lines).data.get("legal_bases", [])


def test_an_issuer_stops_before_the_verb_of_the_next_clause():
    lines = [
        "KẾ HOẠCH",
        "Thi đua phát triển du lịch",
        "Căn cứ Quyết định số 512/QĐ-UBND ngày 02/3/2023 của Ủy ban nhân dân tỉnh phê duyệt "
        "Đề án phát triển du lịch cộng đồng;",
        "Căn cứ Thông báo số 41/TB-VPUB ngày 9/5/2023 của Văn phòng UBND tỉnh Kết luận của "
        "Chủ tịch UBND tỉnh tại buổi làm việc;",
        "Căn cứ Chỉ thị số 05-CT/TU ngày 1/6/2023 của Ban Thường vụ Tỉnh ủy “Về tăng cường "
        "lãnh đạo công tác thi đua”;",
        "I. MỤC ĐÍCH",
    ]

    bases = _bases(lines)

    assert [b["issuer"] for b in bases] == [
        "Ủy ban nhân dân tỉnh",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Ban Thường vụ Tỉnh ủy",
    ]


def test_an_issuer_written_before_the_document_is_read_and_both_documents_kept():
    lines = [
        "KẾ HOẠCH",
        "Thi đua vì phụ nữ",
        "Thực hiện Thông tri số 03-TT/TU ngày 2/10/2024 của Tỉnh ủy về công tác phụ nữ và "
        "hướng dẫn của Sở Lao động tại Công văn số 77/SLĐ-BĐG&TE ngày 5/10/2024 về tổ chức "
        "tháng hành động;",
        "I. MỤC ĐÍCH",
    ]

    bases = _bases(lines)

    assert [(b["kind"], b["number"], b["issuer"]) for b in bases] == [
        ("Thông tri", "03-TT/TU", "Tỉnh ủy"),
        ("Công văn", "77/SLĐ-BĐG&TE", "Sở Lao động"),
    ]


def test_a_document_named_in_the_content_is_no_basis_when_sections_are_numbered_arabic():
    lines = [
        "KẾ HOẠCH",
        "Thi đua cải cách hành chính",
        "Căn cứ Quyết định số 20/QĐ-UBND ngày 5/1/2024 của UBND huyện;",
        "UBND huyện ban hành Kế hoạch thi đua như sau:",
        "1. MỤC ĐÍCH, YÊU CẦU",
        "Quán triệt Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về khuyến khích cán bộ "
        "năng động, sáng tạo.",
    ]

    bases = _bases(lines)

    assert [b["number"] for b in bases] == ["20/QĐ-UBND"]


def test_a_news_text_stops_its_bases_at_the_sentence_that_reports_the_plan():
    lines = [
        "Ngày 9/2/2024, UBND huyện Lạc Sơn ban hành Kế hoạch số 31/KH-UBND về thi đua năm 2024.",
        "Kế hoạch nhằm thực hiện tốt Kết luận số 70-KL/TW ngày 31/1/2024 của Bộ Chính trị.",
    ]

    assert _bases(lines) == []


def test_documents_named_without_a_number_are_no_bases():
    lines = [
        "KẾ HOẠCH",
        "Thi đua năm 2025",
        "Căn cứ Luật Thi đua, khen thưởng; Nghị quyết Đại hội Đảng bộ huyện lần thứ XX;",
        "Căn cứ Quyết định số 9/QĐ-UBND ngày 2/1/2025 của UBND huyện;",
        "I. MỤC ĐÍCH",
    ]

    assert [(b["kind"], b["number"]) for b in _bases(lines)] == [("Quyết định", "9/QĐ-UBND")]


def test_a_plan_named_by_its_issuer_only_is_a_basis_without_number():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chào mừng ngày Nhà giáo",
        "Căn cứ kế hoạch thực hiện nhiệm vụ năm học 2024-2025 của trường THCS An Phú;",
        "Căn cứ vào kế hoạch công tác Đội của Liên đội trường THCS An Phú năm học 2024-2025;",
        "I. MỤC ĐÍCH",
    ]

    draft = extract_plan(lines)

    assert [(b["kind"], b["issuer"]) for b in draft.data["legal_bases"]] == [
        ("Kế hoạch", "Trường THCS An Phú"),
        ("Kế hoạch", "Liên đội trường THCS An Phú"),
    ]
    assert "legal_bases.0.number" in draft.missing


def test_a_document_after_an_unclosed_quote_and_a_spaced_date_are_read():
    lines = [
        "KẾ HOẠCH",
        "Ngày Chủ nhật xanh",
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 3/1/2020 của UBND tỉnh về Đề án “Xanh - Sạch; "
        "Kế hoạch số 9/KH-UBND ngày 21 /2 /2020 của UBND huyện về ra quân.",
        "I. MỤC ĐÍCH",
    ]

    bases = _bases(lines)

    assert [(b["number"], b.get("date")) for b in bases] == [
        ("12/QĐ-UBND", "2020-01-03"),
        ("9/KH-UBND", "2020-02-21"),
    ]


def test_bases_hard_wrapped_mid_clause_keep_their_issuer():
    from thidua.plan_import.extract import extract_plan
    from thidua.plan_import.reading import read_plan

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAM SƠN\nSố: 64/KH-UBND\nLam Sơn, ngày 5 tháng 5 năm 2023\n"
        "KẾ HOẠCH\nHỖ TRỢ HỢP TÁC XÃ GIAI ĐOẠN 2023 - 2025\n"
        "Căn cứ Nghị định số 45/2021/NĐ-CP ngày 31/3/2021 của Chính phủ về hợp tác xã;\n"
        "Nghị định số 12/2022/NĐ-CP ngày 10/1/2022 của\n"
        "Chính phủ về hỗ trợ pháp lý cho hợp tác xã;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    bases = extract_plan(read_plan(text.encode("utf-8"), "kh.txt")).data["legal_bases"]

    assert [(b["number"], b.get("issuer")) for b in bases] == [
        ("45/2021/NĐ-CP", "Chính phủ"),
        ("12/2022/NĐ-CP", "Chính phủ"),
    ]
