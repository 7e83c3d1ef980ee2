"""Not stated or not recognised (issue #17): a value the reader missed is claimed "not
stated" only when no wording of its kind occurs in the whole text. The texts are made up
for these tests, in the shapes of plans as people have them."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan
from thidua.plan_import.extract.render import draft_json, draft_yaml, summary


def test_a_text_without_any_date_or_phase_wording_says_they_are_not_stated():
    lines = [
        "KẾ HOẠCH",
        "Tổ chức hội thi văn nghệ quần chúng",
        "Căn cứ tình hình thực tế, Phòng Văn hóa xây dựng kế hoạch như sau:",
        "I. MỤC ĐÍCH",
        "- Động viên đoàn viên tham gia.",
    ]

    draft = extract_plan(lines)

    for path in ("document.date", "document.place", "period.start", "phases"):
        assert path in draft.missing
        assert path not in draft.unrecognised


def test_phase_wording_the_reader_cannot_read_is_unrecognised_not_missing():
    lines = [
        "KẾ HOẠCH",
        "Thi đua làm theo lời Bác",
        "I. THỜI GIAN",
        "Phong trào chia làm hai đợt, mỗi đợt sơ kết riêng theo hướng dẫn sau.",
    ]

    draft = extract_plan(lines)

    assert "phases" in draft.unrecognised
    assert "phases" not in draft.missing


def test_a_date_line_in_the_head_makes_the_date_unrecognised_when_unread():
    lines = [
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "An Bình, ngày    tháng 5 năm 2024",
        "KẾ HOẠCH",
        "Thi đua cuối năm",
    ]

    draft = extract_plan(lines)

    assert "document.date" in draft.unrecognised
    assert "document.date" not in draft.missing


def test_unit_codes_and_the_campaign_code_are_never_in_the_text():
    lines = ["Số: 7/KH-UBND", "Bình Long, ngày 2 tháng 3 năm 2023", "KẾ HOẠCH", "Thi đua"]

    draft = extract_plan(lines)

    assert "document.issuer_unit" in draft.missing


def test_summary_yaml_and_json_show_unrecognised_fields_apart_from_missing_ones():
    lines = [
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "An Bình, ngày    tháng 5 năm 2024",
        "KẾ HOẠCH",
        "Thi đua",
    ]
    draft = extract_plan(lines)

    text = summary(draft)

    assert "Chưa nhận ra" in text and "hãy tìm trong văn bản" in text
    assert "# Chưa nhận ra (hãy tìm trong văn bản): document.date" in draft_yaml(draft)
    assert '"unrecognised": [' in draft_json(draft)


def test_a_date_in_the_sentence_that_issues_the_plan_is_never_claimed_not_stated():
    # The reader may miss the odd spelling "ngày 18 / 3", but the wording is there.
    lines = [
        "Thi đua bảo vệ an ninh",
        "Để thực hiện nhiệm vụ, ngày 18 / 3 vừa qua, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch "
        "tổ chức phong trào thi đua năm 2021.",
    ]

    draft = extract_plan(lines)

    assert "document.date" not in draft.missing
    assert "document.date" in draft.unrecognised
