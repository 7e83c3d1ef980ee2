"""The story of the demo works of KH 128, as data: who does what, and how each work ends.

``SPECS`` are the works of districts, communes and departments; ``PROVINCE_PLAN`` carries
the province's own works (KH 128 II.2.a) to their state. ``works.demo`` plays them
through the real services. The dates are those of the campaign (11/2024 – 9/2025).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.works.models import WorkState

#: The unit each unit-level demo user works for; other units act through ``admin``.
UNIT_USERS = {
    "TV-CK-PHONG-PHU": "canbo_xa",
    "TV-CK": "canbo_huyen",
    "TV-SYT": "canbo_so",
}
#: Who approves at each approving level; other levels approve through ``admin``.
APPROVERS = {"TV-CK": "canbo_huyen", "TV": "bantdkt"}

NARRATIVES = {
    "building": (
        "Khởi công, san lấp mặt bằng, thi công móng.",
        "Hoàn thành phần móng, đang xây tường bao.",
        "Hoàn thành phần thô, đang lợp mái.",
        "Đang hoàn thiện: tô trát, sơn nước, lắp đặt thiết bị.",
    ),
    "road": (
        "Khởi công, giải phóng mặt bằng, đắp nền đường.",
        "Hoàn thành nền đường, đang thi công móng cấp phối đá dăm.",
        "Đang đổ bê tông mặt đường, đã xong hơn nửa chiều dài tuyến.",
        "Hoàn thiện lề đường, cắm biển báo, trồng hoa hai bên tuyến.",
    ),
    "canal": (
        "Khởi công, đắp đê quây, nạo vét lòng kênh.",
        "Đổ bê tông bản đáy và thân cống.",
        "Lắp đặt cửa van, đắp đất mang cống.",
        "Hoàn trả mặt bằng, vận hành thử cửa van.",
    ),
    "square": (
        "Khởi công, san nền, đóng cọc.",
        "Thi công kết cấu chính.",
        "Lát đá mặt bằng, lắp đặt hạng mục phụ trợ.",
        "Trồng cây xanh, lắp hệ thống chiếu sáng.",
    ),
    "task": (
        "Xây dựng kế hoạch, phân công thực hiện.",
        "Triển khai thực hiện, rà soát kết quả từng tháng.",
        "Cơ bản hoàn thành khối lượng, đang kiểm tra chất lượng.",
        "Tổng hợp kết quả, chuẩn bị báo cáo.",
    ),
}
FINISHED = {
    "task": "Hoàn thành, vượt chỉ tiêu đăng ký; đã báo cáo kết quả.",
    "default": "Hoàn thành, nghiệm thu và đưa vào sử dụng.",
}


@dataclass(frozen=True)
class Spec:
    """One demo work and its story: where it ends (``fate``) and what happens on the way.

    ``percent`` is the last progress reported (for a cancelled work: before it was
    stopped); ``done`` the actual finish of a completed work; ``note`` the reason of a
    return ("reason|what to fix") or of a cancellation; ``returned_first`` a return that
    was corrected and sent again; ``change`` a change request left accepted, rejected
    or pending; ``scene`` what its photos show ("task" for none).
    """

    unit: str
    title: str
    kind: str
    area: str
    budget: int | None
    start: str
    finish: str
    fate: str
    percent: int = 0
    done: str = ""
    note: str = ""
    scene: str = "building"
    place: str = ""
    targets: str = ""
    returned_first: str = ""
    change: str = ""
    last_report: str = ""
    description: str = ""
    source: str = "Ngân sách nhà nước và vốn huy động"


C, P, T = "construction", "project", "task"
S = WorkState
# fmt: off
SPECS: list[Spec] = [
    # --- Huyện, thị xã, thành phố (II.2.b: ít nhất 02 công trình; Duyên Hải, thị xã Duyên
    # Hải và Cầu Ngang còn dưới mức tối thiểu)
    Spec("TV-TPTV", "Chỉnh trang vỉa hè và hệ thống chiếu sáng đường Nguyễn Đáng", C, "ND2", 4200, "2024-12-01", "2025-05-31", S.COMPLETED, done="2025-05-20", scene="road", place="TV-TPTV-P7"),
    Spec("TV-TPTV", "Xây dựng công viên cây xanh Phường 9", C, "ND2", 3100, "2025-01-15", "2025-08-31", S.IN_PROGRESS, 70, scene="square", place="TV-TPTV-P9", last_report="2025-07-31"),
    Spec("TV-TPTV", "Số hóa hồ sơ thủ tục hành chính tại Bộ phận Một cửa thành phố Trà Vinh", P, "ND3", 950, "2024-12-01", "2025-04-30", S.COMPLETED, done="2025-04-22", scene="task", place="TV-TPTV-P1", targets="T24"),
    Spec("TV-TXDH", "Kè chống sạt lở bờ biển xã Trường Long Hòa", C, "ND2", 12500, "2025-01-01", "2025-09-30", S.IN_PROGRESS, 45, scene="canal", place="TV-TXDH-TRUONG-LONG-HOA", last_report="2025-08-31"),
    Spec("TV-TXDH", "Nâng cấp chợ xã Long Toàn", C, "ND2", 2600, "2025-03-01", "2025-08-31", S.DRAFT, place="TV-TXDH-LONG-TOAN"),
    Spec("TV-CL", "Nâng cấp tuyến đường huyện đoạn An Trường – Tân Bình", C, "ND2", 8700, "2024-12-15", "2025-04-30", S.COMPLETED, done="2025-05-20", scene="road", place="TV-CL-AN-TRUONG", targets="T07"),
    Spec("TV-CL", "Trường Mầm non Đại Phước đạt chuẩn quốc gia mức độ 1", C, "ND3", 5400, "2025-01-10", "2025-08-31", S.IN_PROGRESS, 80, place="TV-CL-DAI-PHUOC", targets="T12", last_report="2025-07-25"),
    Spec("TV-CK", "Nâng cấp khối điều trị nội trú Trung tâm Y tế huyện Cầu Kè", C, "ND3", 6800, "2024-12-01", "2025-06-30", S.IN_PROGRESS, 60, place="TV-CK-TT-CAU-KE", targets="T14 T15", last_report="2025-05-30"),
    Spec("TV-CK", "Đường giao thông liên xã Hòa Tân – An Phú Tân", P, "ND2", 7200, "2025-02-01", "2025-09-15", S.SUBMITTED, scene="road", place="TV-CK-HOA-TAN", targets="T07"),
    Spec("TV-CK", "Nhà thi đấu đa năng huyện Cầu Kè", C, "ND3", 9800, "2025-01-15", "2025-09-30", S.CANCELLED, 10, note="Không bố trí được vốn đầu tư công năm 2025; chuyển sang kế hoạch giai đoạn 2026 - 2030.", place="TV-CK-TT-CAU-KE", last_report="2025-03-10"),
    Spec("TV-TC", "Hệ thống cống thủy lợi nội đồng xã Hiếu Tử", C, "ND1", 3900, "2024-11-20", "2025-04-30", S.COMPLETED, done="2025-04-15", scene="canal", place="TV-TC-HIEU-TU", targets="T07"),
    Spec("TV-TC", "Xây dựng 50 căn nhà đại đoàn kết cho hộ nghèo, cận nghèo huyện Tiểu Cần", P, "ND4", 2500, "2025-01-01", "2025-06-30", S.COMPLETED, done="2025-06-25", place="TV-TC-TAP-NGAI", targets="T17"),
    Spec("TV-CT", "Tuyến đường hoa nông thôn mới xã Hòa Lợi", C, "ND1", 650, "2025-02-01", "2025-05-15", S.COMPLETED, done="2025-05-10", scene="road", place="TV-CT-HOA-LOI", targets="T07"),
    Spec("TV-CT", "Trạm bơm điện phục vụ sản xuất xã Lương Hòa A", C, "ND1", 2100, "2025-03-01", "2025-08-31", S.APPROVED, scene="canal", place="TV-CT-LUONG-HOA-A"),
    Spec("TV-CN", "Nhà máy nước sạch xã Mỹ Long Nam (giai đoạn 1)", C, "ND2", 9600, "2025-01-01", "2025-09-30", S.IN_PROGRESS, 35, place="TV-CN-MY-LONG-NAM", targets="T20", last_report="2025-06-30"),
    Spec("TV-CN", "Trung tâm Văn hóa - Thể thao huyện Cầu Ngang", C, "ND3", 11000, "2025-02-01", "2025-09-30", S.RETURNED, note="Hạng mục sân bóng đã có trong dự án khác được bố trí vốn.|Làm rõ phạm vi công trình, bỏ hạng mục sân bóng và cập nhật lại kinh phí.", place="TV-CN-TT-CAU-NGANG"),
    Spec("TV-TCU", "Đường giao thông nông thôn liên ấp xã Ngọc Biên", C, "ND1", 4300, "2024-12-01", "2025-05-31", S.COMPLETED, done="2025-05-28", scene="road", place="TV-TCU-NGOC-BIEN", targets="T07"),
    Spec("TV-TCU", "Trường Tiểu học Tập Sơn đạt chuẩn quốc gia", C, "ND3", 3800, "2025-01-01", "2025-08-15", S.IN_PROGRESS, 90, place="TV-TCU-TAP-SON", targets="T12", change="rejected", last_report="2025-07-30"),
    Spec("TV-TCU", "Chợ trung tâm xã Đại An", C, "ND2", 3300, "2025-03-01", "2025-09-15", S.SUBMITTED, place="TV-TCU-DAI-AN"),
    Spec("TV-DH", "Nâng cấp đê bao ngăn mặn xã Long Vĩnh", C, "ND2", 5200, "2025-02-15", "2025-09-15", S.APPROVED, scene="canal", place="TV-DH-LONG-VINH"),
    Spec("TV-DH", "Bến cá xã Đông Hải", C, "ND1", 4100, "2025-03-01", "2025-09-30", S.CANCELLED, note="Chưa được chấp thuận chủ trương đầu tư; đơn vị rút đăng ký.", place="TV-DH-DONG-HAI"),
    # --- Xã, phường, thị trấn (đăng ký với huyện; Cầu Kè duyệt cho các xã của mình)
    Spec("TV-CK-PHONG-PHU", "Nâng cấp đường giao thông nông thôn ấp Phong Phú", C, "ND1", 1250, "2024-12-01", "2025-06-30", S.IN_PROGRESS, 85, scene="road", targets="T07", change="accepted", last_report="2025-07-20"),
    Spec("TV-CK-PHONG-PHU", "Xây dựng nhà văn hóa xã Phong Phú", C, "ND3", 780, "2025-02-01", "2025-07-31", S.RETURNED, note="Chưa có dự toán kinh phí và nguồn vốn.|Bổ sung dự toán chi tiết, ghi rõ phần vốn ngân sách và phần vận động xã hội hóa."),
    Spec("TV-CK-PHONG-PHU", "Trồng 2 km tuyến đường hoa nông thôn mới xã Phong Phú", T, "ND1", 120, "2025-03-01", "2025-05-31", S.DRAFT, scene="road", targets="T07"),
    Spec("TV-CK-TT-CAU-KE", "Chỉnh trang chợ thị trấn Cầu Kè", C, "ND2", 1500, "2025-02-15", "2025-08-31", S.SUBMITTED),
    Spec("TV-CK-HOA-AN", "Trạm y tế xã Hòa Ân đạt chuẩn quốc gia", C, "ND3", 1100, "2025-01-15", "2025-06-30", S.SUBMITTED, targets="T14 T16"),
    Spec("TV-CK-TAM-NGAI", "Xây dựng 10 căn nhà đại đoàn kết xã Tam Ngãi", C, "ND4", 600, "2025-01-10", "2025-04-30", S.SUBMITTED, targets="T17"),
    Spec("TV-CK-NINH-THOI", "Cống thủy lợi nội đồng liên ấp xã Ninh Thới", C, "ND1", 900, "2025-02-01", "2025-06-30", S.SUBMITTED, scene="canal", targets="T07"),
    Spec("TV-CK-CHAU-DIEN", "Số hóa hồ sơ thủ tục hành chính xã Châu Điền", T, "ND3", 80, "2024-12-01", "2025-04-30", S.COMPLETED, done="2025-03-28", scene="task"),
    Spec("TV-CK-AN-PHU-TAN", "Nâng cấp đường đal liên ấp xã An Phú Tân", C, "ND1", 950, "2025-01-05", "2025-07-31", S.IN_PROGRESS, 40, scene="road", targets="T07", returned_first="Chưa ghi quy mô tuyến đường.|Bổ sung chiều dài, bề rộng và kết cấu mặt đường.", last_report="2025-05-15"),
    Spec("TV-CK-THANH-PHU", "Lắp đặt camera an ninh trên các tuyến đường chính xã Thạnh Phú", T, "ND5", 350, "2024-12-15", "2025-04-15", S.COMPLETED, done="2025-05-05", scene="task", targets="T22 T23"),
    Spec("TV-CL-NHI-LONG", "Nhà văn hóa xã Nhị Long", C, "ND3", 1600, "2024-12-01", "2025-05-31", S.COMPLETED, done="2025-05-15", returned_first="Chưa ghi vị trí xây dựng.|Ghi rõ vị trí, diện tích đất xây dựng."),
    Spec("TV-CL-DUC-MY", "Tuyến đường hoa nông thôn mới xã Đức Mỹ", C, "ND1", 300, "2025-02-01", "2025-05-31", S.CANCELLED, 20, note="Trùng tuyến với dự án nâng cấp đường huyện; chuyển kinh phí sang tuyến khác.", scene="road", targets="T07", last_report="2025-03-15"),
    Spec("TV-CL-BINH-PHU", "Cống thủy lợi nội đồng xã Bình Phú", C, "ND1", 700, "2025-02-01", "2025-07-31", S.IN_PROGRESS, 55, scene="canal", targets="T07", last_report="2025-06-20"),
    Spec("TV-TC-TT-TIEU-CAN", "Số hóa sổ hộ tịch thị trấn Tiểu Cần giai đoạn 2015 - 2024", T, "ND3", 60, "2024-11-15", "2025-03-31", S.COMPLETED, done="2025-03-20", scene="task"),
    Spec("TV-TC-HUNG-HOA", "Trạm y tế xã Hùng Hòa đạt chuẩn quốc gia", C, "ND3", 1200, "2025-01-15", "2025-08-31", S.IN_PROGRESS, 65, targets="T14", last_report="2025-07-15"),
    Spec("TV-TC-TAN-HUNG", "Xây dựng 10 căn nhà đại đoàn kết xã Tân Hùng", C, "ND4", 600, "2024-12-15", "2025-03-31", S.COMPLETED, done="2025-05-10", targets="T17"),
    Spec("TV-TC-TAN-HUNG", "Lắp đặt đèn năng lượng mặt trời các tuyến đường liên ấp xã Tân Hùng", C, "ND2", 450, "2025-04-01", "2025-08-31", S.APPROVED, scene="road", targets="T18"),
    Spec("TV-CT-DA-LOC", "Nâng cấp đường giao thông nông thôn liên ấp xã Đa Lộc", C, "ND1", 1400, "2025-01-10", "2025-07-31", S.IN_PROGRESS, 75, scene="road", targets="T07", last_report="2025-06-30"),
    Spec("TV-CT-HOA-THUAN", "Nhà văn hóa xã Hòa Thuận", C, "ND3", 1300, "2024-12-10", "2025-04-30", S.COMPLETED, done="2025-04-18"),
    Spec("TV-CT-SONG-LOC", "Điểm cấp nước sạch tập trung xã Song Lộc", C, "ND2", 850, "2025-04-01", "2025-09-30", S.DRAFT, scene="canal", targets="T20"),
    Spec("TV-CN-VINH-KIM", "Xây dựng 4 phòng học Trường Mầm non Vinh Kim", C, "ND3", 2400, "2025-01-15", "2025-08-31", S.IN_PROGRESS, 50, targets="T12", last_report="2025-06-15"),
    Spec("TV-CN-MY-HOA", "Tuyến đường hoa nông thôn mới xã Mỹ Hòa", C, "ND1", 280, "2025-01-05", "2025-04-30", S.COMPLETED, done="2025-04-20", scene="road", targets="T07"),
    Spec("TV-TCU-TAP-SON", "Nhà văn hóa - khu thể thao xã Tập Sơn", C, "ND3", 1900, "2025-01-20", "2025-08-31", S.IN_PROGRESS, 30, last_report="2025-05-20"),
    Spec("TV-TCU-NGOC-BIEN", "Xây dựng 10 căn nhà đại đoàn kết cho hộ nghèo đồng bào Khmer xã Ngọc Biên", C, "ND4", 650, "2024-12-01", "2025-04-30", S.COMPLETED, done="2025-04-10", targets="T17"),
    Spec("TV-TCU-KIM-SON", "Mô hình tự quản về an ninh, trật tự ở khu dân cư xã Kim Sơn", T, "ND5", 50, "2025-01-01", "2025-09-30", S.APPROVED, scene="task", targets="T22"),
    Spec("TV-TPTV-P8", "Chỉnh trang các hẻm nội ô Phường 8", C, "ND2", 900, "2024-12-01", "2025-04-30", S.COMPLETED, done="2025-04-25", scene="road"),
    Spec("TV-TPTV-LONG-DUC", "Cống thủy lợi nội đồng xã Long Đức", C, "ND1", 750, "2025-02-01", "2025-07-31", S.IN_PROGRESS, 45, scene="canal", targets="T07", last_report="2025-06-10"),
    Spec("TV-DH-DON-XUAN", "Trạm y tế xã Đôn Xuân đạt chuẩn quốc gia", C, "ND3", 1150, "2025-02-01", "2025-08-31", S.RETURNED, note="Trùng với danh mục đầu tư của Sở Y tế.|Phối hợp Sở Y tế xác định phần việc của xã rồi đăng ký lại.", targets="T14"),
    # --- Sở, ban, ngành (II.2.c: công trình, dự án, hoặc phần việc) và một đoàn thể
    Spec("TV-SYT", "Triển khai bệnh án điện tử tại Bệnh viện Đa khoa tỉnh Trà Vinh", P, "ND3", 2100, "2024-12-01", "2025-09-30", S.IN_PROGRESS, 70, place="TV-TPTV-P7", targets="T15", change="pending", last_report="2025-07-31"),
    Spec("TV-SYT", "Khám sàng lọc, tư vấn sức khỏe miễn phí cho 5.000 người cao tuổi", T, "ND4", 350, "2025-03-01", "2025-08-31", S.SUBMITTED, scene="task", targets="T16"),
    Spec("TV-SGDDT", "Xây dựng 12 trường đạt chuẩn quốc gia năm học 2024 - 2025", P, "ND3", 36000, "2024-11-15", "2025-08-31", S.COMPLETED, done="2025-08-15", place="TV-CT-TT-CHAU-THANH", targets="T12 T13"),
    Spec("TV-SVHTTDL", "Tu bổ nhà trưng bày Bảo tàng Văn hóa dân tộc Khmer tỉnh", C, "ND3", 4500, "2024-12-01", "2025-06-30", S.COMPLETED, done="2025-06-10", place="TV-TPTV-P8"),
    Spec("TV-SXD", "Lập quy hoạch chung đô thị Tiểu Cần đến năm 2040", P, "ND2", 1800, "2025-02-01", "2025-09-30", S.SUBMITTED, scene="task", place="TV-TC-TT-TIEU-CAN"),
    Spec("TV-SKHCN", "Ứng dụng công nghệ nuôi cấy phôi nhân giống dừa sáp Cầu Kè", P, "ND7", 3200, "2024-12-01", "2025-09-30", S.IN_PROGRESS, 60, scene="task", place="TV-CK-CHAU-DIEN", targets="T24", last_report="2025-07-31"),
    Spec("TV-STP", "Số hóa sổ hộ tịch lưu trữ giai đoạn 2010 - 2024", T, "ND3", 700, "2024-11-15", "2025-04-30", S.COMPLETED, done="2025-04-05", scene="task"),
    Spec("TV-STC", "Thu ngân sách nội địa năm 2025 vượt 10% dự toán được giao", T, "ND2", None, "2025-01-01", "2025-09-30", S.DRAFT, scene="task", targets="T06"),
    Spec("TV-SCT", "Đưa hàng Việt về nông thôn năm 2025", T, "ND1", 400, "2025-03-01", "2025-09-30", S.RETURNED, note="Phần việc chưa có chỉ tiêu cụ thể.|Ghi rõ số phiên chợ, địa điểm và kết quả phải đạt.", scene="task"),
    Spec("TV-SNV", "Số hóa hồ sơ thi đua, khen thưởng giai đoạn 2020 - 2025", T, "ND6", 300, "2025-01-15", "2025-09-30", S.APPROVED, scene="task"),
    Spec("TV-TD", "Công trình thanh niên “Thắp sáng đường quê” xã Hàm Giang", C, "ND6", 500, "2025-01-01", "2025-03-26", S.COMPLETED, done="2025-03-20", scene="road", place="TV-TCU-HAM-GIANG", targets="T18"),
]

#: The province's own works (KH 128 II.2.a): the three to start are under way, the five
#: to finish before the provincial congress (9/2025) are done, CT06 late.
PROVINCE_PLAN: dict[str, dict[str, Any]] = {
    "CT01": {"budget": 45000, "start": "2025-03-15", "finish": "2026-12-31", "fate": S.IN_PROGRESS, "percent": 25, "scene": "square", "last_report": "2025-09-10"},
    "CT02": {"budget": 120000, "start": "2025-05-19", "finish": "2026-12-31", "fate": S.IN_PROGRESS, "percent": 15, "place": "TV-TPTV-P4", "last_report": "2025-09-15"},
    "CT03": {"budget": 250000, "start": "2025-06-01", "finish": "2027-06-30", "fate": S.IN_PROGRESS, "percent": 10, "scene": "road", "last_report": "2025-09-20"},
    "CT04": {"budget": 98000, "start": "2024-11-15", "finish": "2025-08-31", "fate": S.COMPLETED, "done": "2025-08-28", "scene": "canal"},
    "CT05": {"budget": 65000, "start": "2024-11-20", "finish": "2025-08-31", "fate": S.COMPLETED, "done": "2025-08-25", "scene": "square"},
    "CT06": {"budget": 180000, "start": "2024-11-15", "finish": "2025-09-15", "fate": S.COMPLETED, "done": "2025-10-20"},
    "CT07": {"budget": 420000, "start": "2024-11-15", "finish": "2025-09-30", "fate": S.COMPLETED, "done": "2025-09-05", "scene": "road"},
    "CT08": {"budget": 52000, "start": "2024-12-01", "finish": "2025-08-31", "fate": S.COMPLETED, "done": "2025-08-15", "scene": "canal"},
}
# fmt: on
