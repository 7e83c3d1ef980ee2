"""Award forms named in prose or in bare lists (issue #17). Texts made up in the shapes the
issue lists: "… đề nghị Chủ tịch UBND tỉnh tặng Bằng khen …", "… tặng Giấy khen …", a
bare list under "Hình thức khen thưởng", one sentence that enumerates the forms."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan


def _forms(lines):
    draft = extract_plan(lines)
    return draft, draft.data.get("awards", {}).get("forms", [])


def test_forms_given_in_running_text_take_their_grantor_into_the_name():
    lines = [
        "KẾ HOẠCH",
        "Thi đua bảo vệ rừng năm 2025",
        "III. KHEN THƯỞNG",
        "Kết thúc đợt thi đua, Hạt Kiểm lâm đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các "
        "tập thể có thành tích xuất sắc; Giám đốc Sở xem xét tặng Giấy khen cho các cá nhân.",
    ]

    draft, forms = _forms(lines)

    assert [(f["name"], f["subjects"]) for f in forms] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", ["collective"]),
        ("Giấy khen của Giám đốc Sở", ["individual"]),
    ]
    assert draft.sources["awards.forms.0.name"].confidence == 0.6
    assert draft.sources["awards.forms.0.name"].where == "prose"


def test_a_form_given_with_its_grantor_after_it_keeps_the_words_as_written():
    lines = [
        "KẾ HOẠCH",
        "Thi đua an toàn giao thông",
        "Cuối năm, Ban Chỉ đạo tặng Giấy khen của Trưởng Công an huyện cho tập thể, cá nhân "
        "tiêu biểu và trình khen thưởng theo quy định.",
    ]

    _, forms = _forms(lines)

    assert [f["name"] for f in forms] == ["Giấy khen của Trưởng Công an huyện"]
    assert forms[0]["subjects"] == ["collective", "individual"]


def test_a_bare_list_under_the_forms_heading_gives_each_form_once():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chào mừng Đại hội",
        "IV. KHEN THƯỞNG",
        "1. Hình thức và tiêu chuẩn khen thưởng",
        "a) Hình thức khen thưởng",
        "- Cờ thi đua của Ủy ban nhân dân tỉnh;",
        "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh;",
        "- Giấy khen.",
        "b) Tiêu chuẩn: khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
    ]

    draft, forms = _forms(lines)

    assert [f["name"] for f in forms] == [
        "Cờ thi đua của Ủy ban nhân dân tỉnh",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Giấy khen",
    ]
    assert [f["code"] for f in forms] == ["CTD", "BK-CTUBND", "GK"]
    assert all(f["subjects"] == ["collective", "individual"] for f in forms)
    assert draft.sources["awards.forms.2.name"].line == 8


def test_one_sentence_enumerating_the_forms_gives_each():
    lines = [
        "KẾ HOẠCH",
        "Thi đua xây dựng xã hội học tập",
        "2. Hình thức khen thưởng",
        "Hình thức khen thưởng gồm: Huân chương Lao động hạng Ba; Bằng khen của Bộ trưởng; "
        "Giấy khen.",
    ]

    _, forms = _forms(lines)

    assert [f["name"] for f in forms] == [
        "Huân chương Lao động hạng Ba",
        "Bằng khen của Bộ trưởng",
        "Giấy khen",
    ]


def test_a_text_that_names_no_award_gets_no_form():
    lines = ["KẾ HOẠCH", "Thi đua", "Các đơn vị tổ chức sơ kết, rút kinh nghiệm."]

    _, forms = _forms(lines)

    assert forms == []


def test_the_recipients_list_after_the_forms_is_no_form():
    lines = [
        "KẾ HOẠCH",
        "Thi đua",
        "IV. HÌNH THỨC KHEN THƯỞNG",
        "- Giấy khen của Chủ tịch UBND huyện: tặng tập thể, cá nhân xuất sắc.",
        "Nơi nhận:",
        "- Lưu: VT, NV.",
    ]

    _, forms = _forms(lines)

    assert [f["name"] for f in forms] == ["Giấy khen của Chủ tịch UBND huyện"]
