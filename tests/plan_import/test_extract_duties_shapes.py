"""Duties as plans write them (issue #17): an item that only names an agency over its tasks,
a "Trách nhiệm thực hiện" heading instead of "Tổ chức thực hiện", the list of recipients
after the duties. Texts made up in those shapes."""

from __future__ import annotations

from thidua.plan_import.extract import extract_plan


def test_an_agency_heading_holds_the_tasks_listed_under_it():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chi trả không dùng tiền mặt",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính",
        "a) Chủ trì theo dõi, đôn đốc các đơn vị thực hiện kế hoạch;",
        "b) Tổng hợp kết quả, đề xuất khen thưởng.",
        "2. Đề nghị: Hội Cựu chiến binh tỉnh, Liên minh Hợp tác xã tỉnh",
        "- Tuyên truyền, vận động hội viên tham gia phong trào.",
        "3. Ủy ban nhân dân các xã xây dựng kế hoạch cụ thể tại địa phương.",
        "Nơi nhận:",
        "- Như mục IV;",
        "- Lưu: VT.",
    ]

    duties = extract_plan(lines).data["duties"]

    assert [(d["section"], d["agencies"]) for d in duties] == [
        ("IV.1", ["Sở Tài chính"]),
        ("IV.2", ["Hội Cựu chiến binh tỉnh", "Liên minh Hợp tác xã tỉnh"]),
        ("IV.3", ["Ủy ban nhân dân các xã"]),
    ]
    assert duties[0]["text"] == (
        "Chủ trì theo dõi, đôn đốc các đơn vị thực hiện kế hoạch;\n"
        "Tổng hợp kết quả, đề xuất khen thưởng."
    )
    assert duties[1]["text"] == "Tuyên truyền, vận động hội viên tham gia phong trào."


def test_duties_under_a_trach_nhiem_thuc_hien_heading_are_read():
    lines = [
        "KẾ HOẠCH",
        "Thi đua chào mừng Đại hội",
        "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN",
        "1. Thời gian: từ ngày ban hành đến khi kết thúc Đại hội.",
        "2. Trách nhiệm thực hiện",
        "- Sở Nội vụ hướng dẫn khen thưởng đợt thi đua.",
        "- Các sở, ban, ngành căn cứ Kế hoạch này tổ chức phát động thi đua.",
        "Trên đây là Kế hoạch thi đua chào mừng Đại hội.",
    ]

    duties = extract_plan(lines).data["duties"]

    assert [d["agencies"] for d in duties] == [["Sở Nội vụ"], ["Các sở, ban, ngành"]]
    assert all(d["section"] == "V.2" for d in duties)


def test_agencies_written_before_a_colon_are_the_duty_agencies():
    lines = [
        "KẾ HOẠCH",
        "Thi đua bầu cử",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ: Tham mưu UBND tỉnh tổng hợp kết quả, đề xuất khen thưởng.",
        "2. Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội tỉnh: Vận động đoàn "
        "viên, hội viên tham gia.",
        "3. Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm các thành viên.",
    ]

    duties = extract_plan(lines).data["duties"]

    assert [d["agencies"] for d in duties] == [
        ["Sở Nội vụ"],
        ["Ủy ban Mặt trận Tổ quốc tỉnh", "Các tổ chức chính trị - xã hội tỉnh"],
        ["Hội đồng Thi đua - Khen thưởng các cấp"],
    ]
