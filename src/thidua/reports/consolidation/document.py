"""The consolidated report as an official report (Báo cáo) in the layout of Nghị định
30/2020/NĐ-CP, on the shared builder ``thidua.documents.official``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from thidua.core.dates import format_date
from thidua.documents.official import (
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
    number_line,
    vn_number,
)


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else vn_number(value, 1)


def _work_columns(first: str) -> list[Any]:
    return [
        Column(_("STT"), 10, "center"),
        Column(first, 47),
        Column(_("Đăng ký"), 18, "center"),
        Column(_("Đang thực hiện"), 18, "center"),
        Column(_("Hoàn thành"), 18, "center"),
        Column(_("Chậm tiến độ"), 18, "center"),
        Column(_("Vượt tiến độ"), 18, "center"),
        Column(_("Tiến độ bình quân (%)"), 18, "center"),
    ]


def _work_cells(row: dict[str, Any]) -> list[str]:
    counts = ("registered", "in_progress", "completed", "late", "ahead")
    return [*(vn_number(row[key]) for key in counts), _pct(row["average"])]


def _docx_submission(doc: Any, data: dict[str, Any]) -> None:
    counts, period = data["submission"]["counts"], data["period"]
    doc.heading(_("I. TÌNH HÌNH NỘP BÁO CÁO"))
    doc.paragraph(
        _(
            "Hạn nộp báo cáo %(period)s là ngày %(due)s. Số cơ quan, đơn vị, địa phương phải "
            "nộp báo cáo: %(owed)s; đã nộp đúng hạn: %(on_time)s; nộp trễ: %(late)s; "
            "chưa nộp: %(missing)s."
        )
        % {"period": period["phrase"], "due": format_date(period["due"]), **counts}
    )
    columns = [
        Column(_("STT"), 10, "center"),
        Column(_("Cơ quan, đơn vị"), 70),
        Column(_("Trạng thái"), 30, "center"),
        Column(_("Ngày nộp"), 27, "center"),
        Column(_("Ghi chú"), 28, "center"),
    ]
    rows = [
        [str(i), r["name"], r["state_label"], format_date(r["submitted_on"]), r["note"]]
        for i, r in enumerate(data["submission"]["rows"], start=1)
    ]
    doc.table(columns, rows)


def _docx_targets(doc: Any, data: dict[str, Any]) -> None:
    targets = data["targets"]
    doc.heading(_("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"))
    counts = targets["counts"]
    doc.paragraph(
        _(
            "Trong %(total)s chỉ tiêu của phong trào: vượt %(exceeded)s, đạt %(met)s, "
            "chưa đạt %(not_met)s, chưa đủ dữ liệu đánh giá %(no_data)s."
        )
        % {"total": len(targets["rows"]), **counts}
    )
    columns = [
        Column(_("Mã"), 14, "center"),
        Column(_("Chỉ tiêu"), 58),
        Column(_("Mục tiêu"), 25, "center"),
        Column(_("Kết quả"), 43),
        Column(_("Đánh giá"), 25, "center"),
    ]
    rows = []
    for row in targets["rows"]:
        result = row["result_text"] or "—"
        if row["source"]:
            result += "\n" + _("(Nguồn: %(source)s, %(label)s)") % {
                "source": row["source"],
                "label": row["result_label"],
            }
        rows.append([row["code"], row["indicator"], row["goal"], result, row["status_label"]])
    doc.table(columns, rows)


def _docx_works(doc: Any, data: dict[str, Any]) -> None:
    works = data["works"]
    total = works["total"]
    doc.heading(_("III. TIẾN ĐỘ CÔNG TRÌNH, DỰ ÁN, PHẦN VIỆC"))
    doc.paragraph(
        _(
            "Tính đến ngày %(date)s, có %(registered)s công trình, dự án, phần việc đã đăng "
            "ký; đang thực hiện %(in_progress)s, hoàn thành %(completed)s (vượt tiến độ "
            "%(ahead)s), chậm tiến độ %(late)s; tiến độ bình quân %(average)s%%."
        )
        % {**total, "date": format_date(data["as_of"]), "average": _pct(total["average"])}
    )
    for heading, key, first in (
        (_("1. Theo huyện, thị xã, thành phố"), "by_district", _("Địa phương, đơn vị")),
        (_("2. Theo nội dung thi đua"), "by_area", _("Nội dung thi đua")),
    ):
        doc.heading(heading)
        rows = [[str(i), r["name"], *_work_cells(r)] for i, r in enumerate(works[key], start=1)]
        rows.append(["", _("Tổng cộng"), *_work_cells(total)])
        doc.table(_work_columns(first), rows, bold_rows=[len(rows) - 1])


def _docx_highlights(doc: Any, data: dict[str, Any]) -> None:
    works = data["works"]
    doc.heading(_("IV. ĐIỂM NỔI BẬT"))
    for heading, key, date_header, date_key in (
        (_("1. Công trình hoàn thành vượt tiến độ"), "ahead", _("Hoàn thành"), "actual_finish"),
        (_("2. Công trình chậm tiến độ"), "late", _("Hạn hoàn thành"), "planned_finish"),
    ):
        doc.heading(heading)
        items = works[key]
        if not items:
            doc.paragraph(_("Không có."))
            continue
        columns = [
            Column(_("STT"), 10, "center"),
            Column(_("Công trình, dự án, phần việc"), 70),
            Column(_("Đơn vị thực hiện"), 45),
            Column(date_header, 22, "center"),
            Column(_("Tiến độ (%)"), 18, "center"),
        ]
        rows = [
            [
                str(i),
                w["title"],
                w["unit__name"],
                format_date(w[date_key]),
                vn_number(w["percent_complete"]),
            ]
            for i, w in enumerate(items, start=1)
        ]
        doc.table(columns, rows)
        more = works["total"][key] - len(items)
        if more > 0:
            doc.paragraph(_("(Và %(n)s công trình khác.)") % {"n": more}, italic=True)


def build_docx(data: dict[str, Any]) -> bytes:
    """The consolidated report as an official report (Báo cáo, Nghị định 30/2020/NĐ-CP).

    The number is left for the clerk ("Số: ……/BC-SNV"); the date is the generation date;
    section V and the signer's name are for the clerk to complete.
    """
    head, campaign, period = data["letterhead"], data["campaign"], data["period"]
    doc = OfficialDocument(title=data["title"])
    doc.letterhead(
        Letterhead(
            issuing_body=head["issuing_body"],
            parent_body=head["parent_body"],
            number=number_line("BC", head["body_code"]),
            place=head["place"],
            date=data["generated_on"],
        )
    )
    doc.title(_("Báo cáo"), data["title"])
    doc.paragraph(
        _(
            "Thực hiện %(kind)s số %(number)s ngày %(date)s của %(issuer)s, %(body)s báo cáo "
            "kết quả thực hiện %(period)s như sau:"
        )
        % {
            "kind": campaign["doc_kind"],
            "number": campaign["doc_number"],
            "date": format_date(campaign["doc_date"]),
            "issuer": campaign["issuer_name"],
            "body": head["body_name"],
            "period": period["phrase"],
        }
    )
    _docx_submission(doc, data)
    _docx_targets(doc, data)
    _docx_works(doc, data)
    _docx_highlights(doc, data)
    doc.heading(_("V. ĐỀ XUẤT"))
    doc.paragraph(
        _(
            "Đề nghị các cơ quan, đơn vị, địa phương chưa nộp báo cáo khẩn trương hoàn thành; "
            "tập trung đẩy nhanh tiến độ các công trình, dự án, phần việc chậm tiến độ; kịp "
            "thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc."
        )
    )
    doc.paragraph(
        _("Trên đây là báo cáo kết quả thực hiện %(period)s của %(body)s./.")
        % {"period": period["phrase"], "body": head["body_name"]}
    )
    doc.closing(
        Signature(position=_("Giám đốc"), authority="KT.", signer_position=_("Phó Giám đốc")),
        [_("- UBND tỉnh (b/c);"), _("- Lưu: VT, TĐKT.")],
    )
    return doc.to_bytes()
