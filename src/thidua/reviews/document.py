"""The phase review report (Báo cáo sơ kết / tổng kết) as an official DOCX (ND 30/2020).

Sections: I. Kết quả đạt được (1. chỉ tiêu, 2. công trình, 3. báo cáo), II. Hạn chế,
III. Khen thưởng (nominations, cluster rankings, works proposed for commendation),
IV. Phương hướng. The number is left for the clerk; the date is the review's date.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from thidua.core.text import fold
from thidua.documents.official import (
    CONTENT_MM,
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
    body_abbreviation,
    document_date,
    number_line,
    vn_number,
)
from thidua.reviews.models import PhaseReview, ReviewKind
from thidua.reviews.selectors import Figures


def goal_text(target: Any) -> str:
    """ "≥ 99,5 %", "10 – 11 %", "hoàn thành trước 31/12/2025"."""
    unit = f" {target.measure_unit}" if target.measure_unit else ""
    if target.comparator == "between":
        return f"{vn_number(target.value)} – {vn_number(target.value_max)}{unit}"
    if target.comparator == "before":
        when = target.deadline.strftime("%d/%m/%Y") if target.deadline else ""
        return _("hoàn thành trước %(d)s") % {"d": when}
    return f"{target.get_comparator_display()} {vn_number(target.value)}{unit}"


def _date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def review_title(review: PhaseReview) -> str:
    """ "Sơ kết Đợt 1 phong trào thi đua theo Kế hoạch số 128/KH-UBND"."""
    campaign = review.campaign
    values = {"kind": campaign.doc_kind, "number": campaign.doc_number}
    if review.kind == ReviewKind.INTERIM and review.phase is not None:
        return _("Sơ kết %(phase)s phong trào thi đua theo %(kind)s số %(number)s") % {
            **values,
            "phase": review.phase.name,
        }
    return _("Tổng kết phong trào thi đua theo %(kind)s số %(number)s") % values


def body_code(issuer_name: str) -> str:
    """The body's code in a ký hiệu: "UBND" for a People's Committee, else its initials."""
    if fold(issuer_name).startswith("uy ban nhan dan"):
        return "UBND"
    return body_abbreviation(issuer_name)


def _targets(doc: OfficialDocument, figures: Figures) -> None:
    counts = figures.target_counts
    doc.heading(_("1. Kết quả thực hiện các chỉ tiêu"))
    doc.paragraph(
        _(
            "Trong %(n)s chỉ tiêu của phong trào: %(exceeded)s chỉ tiêu vượt, %(met)s chỉ tiêu "
            "đạt, %(not_met)s chỉ tiêu chưa đạt, %(no_data)s chỉ tiêu chưa đủ số liệu để đánh giá."
        )
        % {
            "n": len(figures.targets),
            "exceeded": counts.get("exceeded", 0),
            "met": counts.get("met", 0),
            "not_met": counts.get("not_met", 0),
            "no_data": counts.get("no_data", 0),
        }
    )
    if not figures.targets:
        return
    columns = [
        Column(_("STT"), 12, "center"),
        Column(_("Chỉ tiêu"), CONTENT_MM - 12 - 30 - 28 - 26),
        Column(_("Mục tiêu"), 30, "center"),
        Column(_("Kết quả"), 28, "center"),
        Column(_("Đánh giá"), 26, "center"),
    ]
    rows = [
        [
            str(i),
            t["indicator"],
            goal_text(t["goal"]),
            (vn_number(t["latest"]) + (f" {t['measure_unit']}" if t["measure_unit"] else ""))
            if t["latest"] is not None
            else "",
            t["status_label"],
        ]
        for i, t in enumerate(figures.targets, start=1)
    ]
    doc.table(columns, rows)


def _works(doc: OfficialDocument, figures: Figures, review: PhaseReview) -> None:
    w = figures.works
    doc.heading(_("2. Công trình, dự án, phần việc"))
    doc.paragraph(
        _(
            "Các cơ quan, đơn vị, địa phương đã đăng ký %(registered)s công trình, dự án, phần "
            "việc; đã hoàn thành %(completed)s, trong đó %(ahead)s công trình hoàn thành vượt "
            "tiến độ; %(in_progress)s công trình đang thực hiện; %(late)s công trình chậm tiến độ."
        )
        % w
    )
    if not figures.ahead:
        return
    doc.paragraph(_("Các công trình hoàn thành vượt tiến độ trong đợt:"))
    commend = {x.pk for x in review.works_to_commend.all()}
    publicise = {x.pk for x in review.works_to_publicise.all()}
    columns = [
        Column(_("STT"), 12, "center"),
        Column(_("Công trình, dự án, phần việc"), CONTENT_MM - 12 - 45 - 24 - 24),
        Column(_("Đơn vị thực hiện"), 45),
        Column(_("Hoàn thành"), 24, "center"),
        Column(_("Đề xuất"), 24, "center"),
    ]
    rows = []
    for i, work in enumerate(figures.ahead, start=1):
        marks = []
        if work.pk in commend:
            marks.append(_("Khen thưởng"))
        if work.pk in publicise:
            marks.append(_("Tuyên truyền"))
        rows.append(
            [str(i), work.title, work.unit.name, _date(work.actual_finish), "\n".join(marks)]
        )
    doc.table(columns, rows)


def _reports(doc: OfficialDocument, figures: Figures) -> None:
    doc.heading(_("3. Công tác báo cáo"))
    if not figures.periods:
        doc.paragraph(_("Trong đợt không có kỳ báo cáo định kỳ."))
        return
    columns = [
        Column(_("Kỳ báo cáo"), CONTENT_MM - 28 - 4 * 24),
        Column(_("Hạn nộp"), 28, "center"),
        Column(_("Số đơn vị"), 24, "center"),
        Column(_("Đúng hạn"), 24, "center"),
        Column(_("Trễ hạn"), 24, "center"),
        Column(_("Chưa nộp"), 24, "center"),
    ]
    rows = [
        [
            p["label"],
            _date(p["due"]),
            vn_number(p["total"]),
            vn_number(p["on_time"]),
            vn_number(p["late"]),
            vn_number(p["missing"]),
        ]
        for p in figures.periods
    ]
    doc.table(columns, rows)


def _awards(doc: OfficialDocument, figures: Figures, review: PhaseReview) -> None:
    doc.heading(_("III. CÔNG TÁC KHEN THƯỞNG"))
    if figures.awards:
        columns = [
            Column(_("Hình thức khen thưởng"), CONTENT_MM - 2 * 40),
            Column(_("Hội đồng đồng ý"), 40, "center"),
            Column(_("Đã có quyết định"), 40, "center"),
        ]
        rows = [[a["form"], vn_number(a["n"]), vn_number(a["decided"])] for a in figures.awards]
        doc.table(columns, rows)
    else:
        doc.paragraph(_("Chưa có hồ sơ đề nghị khen thưởng được Hội đồng đồng ý trong đợt."))
    if figures.nominations:
        states = "; ".join(f"{n['label']}: {vn_number(n['n'])}" for n in figures.nominations)
        doc.paragraph(_("Hồ sơ đề nghị khen thưởng theo trạng thái: %(s)s.") % {"s": states})
    for ranking in figures.rankings or []:
        top = ranking["rows"][:3]
        if top:
            names = ", ".join(
                "%s (%s)" % (r["unit"], vn_number(Decimal(str(r["total"])))) for r in top
            )
            doc.paragraph(
                _("%(group)s năm %(year)s: dẫn đầu là %(names)s.")
                % {"group": ranking["group"], "year": ranking["year"], "names": names}
            )
    commend = list(review.works_to_commend.all())
    if commend:
        doc.paragraph(
            _(
                "Sở Nội vụ phối hợp với Sở Kế hoạch và Đầu tư đề xuất khen thưởng %(n)s công "
                "trình, dự án hoàn thành vượt tiến độ, bảo đảm chất lượng, hiệu quả."
            )
            % {"n": len(commend)}
        )


def _signature(campaign: Any) -> Signature:
    """The campaign's signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    authority = (campaign.signer_authority or "").strip()
    if authority == "TM.":
        return Signature(
            position=_("Ủy ban nhân dân"),
            authority=authority,
            signer_position=campaign.signer_position,
            signer_name=campaign.signer_name,
        )
    if authority == "KT.":
        return Signature(
            position=_("Chủ tịch"),
            authority=authority,
            signer_position=campaign.signer_position,
            signer_name=campaign.signer_name,
        )
    return Signature(position=campaign.signer_position, signer_name=campaign.signer_name)


def build_review_docx(review: PhaseReview, figures: Figures) -> bytes:
    """The review report in the ND 30/2020 layout; the figures are the workspace's."""
    campaign = review.campaign
    title = review_title(review)
    doc = OfficialDocument(title=title)
    doc.letterhead(
        Letterhead(
            issuing_body=campaign.issuer_name,
            parent_body=campaign.parent_issuer_name,
            number=number_line("BC", body_code(campaign.issuer_name)),
            place=campaign.doc_place,
            date=review.held_on,
        )
    )
    doc.title(_("Báo cáo"), title)
    doc.paragraph(
        _(
            "Thực hiện %(kind)s số %(number)s %(date)s của %(issuer)s, kết quả thực hiện từ "
            "ngày %(start)s đến ngày %(end)s như sau:"
        )
        % {
            "kind": campaign.doc_kind,
            "number": campaign.doc_number,
            "date": document_date(campaign.doc_date),
            "issuer": campaign.issuer_name,
            "start": _date(figures.start),
            "end": _date(figures.end),
        }
    )
    doc.heading(_("I. KẾT QUẢ ĐẠT ĐƯỢC"))
    _targets(doc, figures)
    _works(doc, figures, review)
    _reports(doc, figures)
    doc.heading(_("II. HẠN CHẾ, TỒN TẠI"))
    for line in (review.shortcomings or _("(Chưa ghi nhận.)")).splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    _awards(doc, figures, review)
    doc.heading(_("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ"))
    for line in (review.directions or _("(Chưa ghi nhận.)")).splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    doc.paragraph(_("Trên đây là báo cáo %(title)s./.") % {"title": title[:1].lower() + title[1:]})
    doc.closing(
        _signature(campaign),
        [
            _("- Thường trực Tỉnh ủy, HĐND tỉnh (b/c);"),
            _("- Các sở, ban, ngành, địa phương;"),
            _("- Lưu: VT, TĐKT."),
        ],
    )
    return doc.to_bytes()
