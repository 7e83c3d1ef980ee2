"""What the review page calls each key of a campaign file, and so each field."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

#: What each key is called on the review page.
KEY_LABELS: dict[str, Any] = {
    "code": gettext_lazy("Mã"),
    "kind": gettext_lazy("Loại"),
    "status": gettext_lazy("Trạng thái"),
    "title": gettext_lazy("Tên, trích yếu"),
    "number": gettext_lazy("Số, ký hiệu"),
    "date": gettext_lazy("Ngày"),
    "place": gettext_lazy("Địa danh"),
    "issuer": gettext_lazy("Cơ quan ban hành"),
    "issuer_unit": gettext_lazy("Mã đơn vị ban hành"),
    "parent_issuer": gettext_lazy("Cơ quan chủ quản"),
    "name": gettext_lazy("Tên"),
    "signer": gettext_lazy("Người ký"),
    "position": gettext_lazy("Chức vụ"),
    "authority": gettext_lazy("Thẩm quyền ký"),
    "relation": gettext_lazy("Quan hệ"),
    "start": gettext_lazy("Bắt đầu"),
    "end": gettext_lazy("Kết thúc"),
    "review": gettext_lazy("Sơ kết, tổng kết"),
    "description": gettext_lazy("Mô tả"),
    "indicator": gettext_lazy("Chỉ tiêu"),
    "comparator": gettext_lazy("So sánh"),
    "value": gettext_lazy("Giá trị"),
    "value_max": gettext_lazy("Giá trị tối đa"),
    "measure_unit": gettext_lazy("Đơn vị tính"),
    "from": gettext_lazy("Từ"),
    "to": gettext_lazy("Đến"),
    "deadline": gettext_lazy("Thời hạn"),
    "content_area": gettext_lazy("Nội dung thi đua"),
    "section": gettext_lazy("Mục"),
    "source_text": gettext_lazy("Câu gốc"),
    "note": gettext_lazy("Ghi chú"),
    "unit_kinds": gettext_lazy("Loại đơn vị"),
    "minimum": gettext_lazy("Tối thiểu"),
    "work_kinds": gettext_lazy("Loại công trình"),
    "alternative_work_kinds": gettext_lazy("Loại thay thế"),
    "via_parent": gettext_lazy("Đăng ký qua cấp trên"),
    "approver": gettext_lazy("Cấp duyệt"),
    "no_duplicate_of_campaign_works": gettext_lazy("Không trùng công trình của tỉnh"),
    "text": gettext_lazy("Nội dung"),
    "stage": gettext_lazy("Giai đoạn"),
    "deadline_event": gettext_lazy("Sự kiện hạn"),
    "frequency": gettext_lazy("Tần suất"),
    "due_day": gettext_lazy("Hạn: ngày"),
    "due_month_of_period": gettext_lazy("Hạn: tháng thứ trong kỳ"),
    "weekend_policy": gettext_lazy("Hạn rơi vào cuối tuần"),
    "recipient": gettext_lazy("Nơi nhận báo cáo"),
    "recipient_unit": gettext_lazy("Mã đơn vị nhận"),
    "subjects": gettext_lazy("Đối tượng"),
    "criteria": gettext_lazy("Tiêu chuẩn"),
    "procedure": gettext_lazy("Trình tự, thủ tục"),
    "quota": gettext_lazy("Số lượng"),
    "agencies": gettext_lazy("Cơ quan"),
    "agency_units": gettext_lazy("Mã đơn vị"),
    "preamble": gettext_lazy("Phần mở đầu"),
}


def label_of(path: str) -> str:
    """``targets.3.value`` → "Chỉ tiêu 4 · Giá trị" (items counted from 1, as people do)."""
    parts = path.split(".")
    words: list[str] = []
    for index, part in enumerate(parts):
        if part.isdigit():
            words.append(f"{int(part) + 1}")
        elif index == 0 and len(parts) > 1:
            continue
        else:
            words.append(str(KEY_LABELS.get(part, part)))
    return " · ".join(words) if words else path
