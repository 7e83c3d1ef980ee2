"""The minutes of a session (biên bản họp Hội đồng Thi đua - Khen thưởng) as a DOCX in
the layout of Nghị định 30/2020/NĐ-CP, on the shared builder ``documents.official``.

They state the time and place, the attendance (absent members and their written
opinions: ND 98/2023/NĐ-CP Điều 30.7), and for each nomination the yes votes over all
members, the share and whether it passed, the secret ballot noted (never who voted
what), then the signatures of the chair and the secretary. Made when the session closes.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from thidua.councils.models import (
    Attendance,
    CouncilMember,
    CouncilSession,
    MemberRole,
    Outcome,
    VoteChoice,
)
from thidua.councils.results import share_percent
from thidua.councils.roster import roster_size
from thidua.councils.selectors import written_receipts, written_votes
from thidua.documents.official import (
    BODY_SIZE,
    CONTENT_MM,
    FONT,
    Column,
    Letterhead,
    OfficialDocument,
    document_date,
    number_line,
    vn_number,
)
from thidua.documents.ooxml import run_font

MINUTES_FILENAME = "bien-ban-hop-hoi-dong-%s.docx"


class MinutesDocument(OfficialDocument):
    """An official document closed by two signatures side by side (secretary, chair)."""

    def signatures(self, left: tuple[str, str], right: tuple[str, str]) -> None:
        table = self._grid(2, (CONTENT_MM / 2, CONTENT_MM / 2), rows=1)
        for cell, (title, name) in zip(table.rows[0].cells, (left, right), strict=True):
            self._line(cell.paragraphs[0], title.upper(), BODY_SIZE, bold=True)
            paragraph = cell.add_paragraph()
            paragraph.alignment = cell.paragraphs[0].alignment
            run_font(paragraph.add_run(_("(Ký, ghi rõ họ tên)")), FONT, 13, italic=True)
            for _blank in range(3):
                cell.add_paragraph()
            self._line(cell.add_paragraph(), name, BODY_SIZE, bold=True)


def _seat(members: list[CouncilMember], role: str) -> CouncilMember | None:
    return next((m for m in members if m.role == role), None)


def _time_phrase(session: CouncilSession) -> str:
    date = document_date(session.date)
    if session.start_time is None:
        return date
    return _("%(hour)s giờ %(minute)s phút, %(date)s") % {
        "hour": f"{session.start_time.hour:02d}",
        "minute": f"{session.start_time.minute:02d}",
        "date": date,
    }


def _attendance(
    doc: MinutesDocument, session: CouncilSession, members: list[CouncilMember]
) -> None:
    total = len(members)
    counts = {a: sum(1 for m in members if m.attendance == a) for a in Attendance.values}
    chair, secretary = _seat(members, MemberRole.CHAIR), _seat(members, MemberRole.SECRETARY)
    doc.heading(_("II. THÀNH PHẦN THAM DỰ"))
    doc.paragraph(
        _(
            "Tổng số thành viên Hội đồng: %(total)s người; có mặt: %(present)s người "
            "(%(share)s %%); vắng mặt có ý kiến bằng văn bản: %(written)s người; vắng mặt: "
            "%(absent)s người."
        )
        % {
            "total": total,
            "present": counts[Attendance.PRESENT],
            "share": vn_number(
                (Decimal(counts[Attendance.PRESENT] * 100) / (total or 1)).quantize(Decimal("0.1"))
            ),
            "written": counts[Attendance.WRITTEN],
            "absent": counts[Attendance.ABSENT],
        }
    )
    doc.paragraph(
        _("Chủ trì: %(chair)s. Thư ký: %(secretary)s.")
        % {
            "chair": f"{chair.name}, {chair.position}" if chair else "—",
            "secretary": f"{secretary.name}, {secretary.position}" if secretary else "—",
        }
    )
    columns = [
        Column(_("STT"), 12, "center"),
        Column(_("Họ và tên"), 45),
        Column(_("Chức vụ"), 50),
        Column(_("Vai trò"), 30, "center"),
        Column(_("Tham dự"), 28, "center"),
    ]
    rows = [
        [str(n), m.name, m.position, m.get_role_display(), m.get_attendance_display()]
        for n, m in enumerate(members, start=1)
    ]
    doc.table(columns, rows)


def _written(doc: MinutesDocument, session: CouncilSession) -> None:
    votes, receipts = written_votes(session), written_receipts(session)
    if not votes and not receipts:
        return
    doc.paragraph(_("Ý kiến bằng văn bản của thành viên vắng mặt:"), bold=True)
    rows = [(v.member.name, v.item.order, str(VoteChoice(v.choice).label)) for v in votes] + [
        (r.member.name, r.item.order, _("Phiếu kín (đã bỏ vào hòm phiếu)")) for r in receipts
    ]
    rows.sort(key=lambda row: (row[0], row[1]))
    columns = [
        Column(_("STT"), 12, "center"),
        Column(_("Thành viên"), 55),
        Column(_("Nội dung xét số"), 30, "center"),
        Column(_("Ý kiến"), 68),
    ]
    doc.table(
        columns, [[str(n), name, str(order), text] for n, (name, order, text) in enumerate(rows, 1)]
    )


def _threshold_text(item: Any) -> str:
    if item.threshold is None:
        return _("Quá nửa tổng số thành viên")
    share = vn_number(item.threshold * 100)
    if item.over_all_members:
        return _("≥ %(share)s %% tổng số thành viên") % {"share": share}
    return _("≥ %(share)s %% số phiếu biểu quyết") % {"share": share}


def _results(doc: MinutesDocument, session: CouncilSession, total: int) -> None:
    items = list(session.items.all())
    doc.heading(_("III. KẾT QUẢ BIỂU QUYẾT"))
    doc.paragraph(
        _(
            "Hội đồng đã xem xét %(count)s đề nghị khen thưởng và biểu quyết từng trường hợp. "
            "Tỷ lệ phiếu đồng ý được tính trên tổng số thành viên Hội đồng (kể cả thành viên "
            "vắng mặt) theo quy định của từng hình thức khen thưởng. Kết quả như sau:"
        )
        % {"count": len(items)}
    )
    columns = [
        Column(_("STT"), 10, "center"),
        Column(_("Đối tượng, hình thức khen thưởng"), 50),
        Column(_("Hình thức biểu quyết"), 20, "center"),
        Column(_("Đồng ý / Tổng số thành viên"), 22, "center"),
        Column(_("Tỷ lệ (%)"), 16, "center"),
        Column(_("Tỷ lệ yêu cầu"), 22, "center"),
        Column(_("Kết quả"), 25, "center"),
    ]
    rows = []
    for item in items:
        nomination = item.nomination
        subject = "%s\n%s\n%s" % (
            nomination.nominee.name,
            nomination.form.name,
            _("Đơn vị đề nghị: %(unit)s") % {"unit": nomination.proposer_unit.name},
        )
        result = _("Đạt") if item.passed else _("Không đạt")
        if item.outcome == Outcome.REFUSED:
            result = "%s\n%s" % (result, item.outcome_note)
        rows.append(
            [
                str(item.order),
                subject,
                _("Bỏ phiếu kín") if item.secret_ballot else _("Biểu quyết công khai"),
                "%s/%s" % (item.yes_count or 0, total),
                vn_number(share_percent(item), 1),
                _threshold_text(item),
                result,
            ]
        )
    doc.table(columns, rows)
    approved = sum(1 for i in items if i.outcome == Outcome.APPROVED)
    doc.paragraph(
        _(
            "Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng %(approved)s trường "
            "hợp; %(other)s trường hợp không đủ điều kiện đề nghị."
        )
        % {"approved": approved, "other": len(items) - approved}
    )


def minutes_document(session: CouncilSession) -> bytes:
    """The minutes of a closed session as DOCX bytes."""
    members = list(session.members.all())
    total = roster_size(session) if session.council_id else len(members)
    body = session.body_name or session.campaign.issuer_name
    doc = MinutesDocument(title=_("Biên bản họp %(council)s") % {"council": session.council_name})
    doc.letterhead(
        Letterhead(
            parent_body=body,
            issuing_body=_("Hội đồng Thi đua - Khen thưởng"),
            number=number_line("BB", "HĐTĐKT"),
            place=session.place_name,
            date=session.date,
        )
    )
    doc.title(
        _("Biên bản"),
        _("Họp %(council)s xét đề nghị khen thưởng") % {"council": session.council_name},
    )
    doc.heading(_("I. THỜI GIAN, ĐỊA ĐIỂM"))
    title = session.title[:1].lower() + session.title[1:]
    doc.paragraph(
        _("Vào lúc %(time)s, tại %(place)s, %(council)s tiến hành %(title)s.")
        % {
            "time": _time_phrase(session),
            "place": session.place,
            "council": session.council_name,
            "title": title,
        }
    )
    council = session.council if session.council_id else None
    if council is not None:
        doc.paragraph(
            _(
                "%(council)s thành lập theo Quyết định số %(number)s ngày %(day)s của "
                "%(signer)s; thành viên theo danh sách của Hội đồng tại ngày họp."
            )
            % {
                "council": council.name,
                "number": council.decision_number,
                "day": council.decision_date.strftime("%d/%m/%Y"),
                "signer": council.decision_signer,
            }
        )
    _attendance(doc, session, members)
    _written(doc, session)
    _results(doc, session, total)
    doc.paragraph(
        _(
            "Biên bản được lập xong ngay sau phiên họp, đã thông qua trước Hội đồng và được "
            "các thành viên dự họp thống nhất."
        )
    )
    chair, secretary = _seat(members, MemberRole.CHAIR), _seat(members, MemberRole.SECRETARY)
    doc.signatures(
        (_("Thư ký"), secretary.name if secretary else ""),
        (_("Chủ trì"), chair.name if chair else ""),
    )
    return doc.to_bytes()


def minutes_store(session: CouncilSession) -> None:
    """Make the minutes of a session being closed and keep them with their hash."""
    fresh = (
        CouncilSession.objects.select_related("campaign")
        .prefetch_related(
            "members",
            "items__nomination__nominee",
            "items__nomination__form",
            "items__nomination__proposer_unit",
        )
        .get(pk=session.pk)
    )
    content = minutes_document(fresh)
    session.minutes_sha256 = hashlib.sha256(content).hexdigest()
    session.minutes.save(MINUTES_FILENAME % session.pk, ContentFile(content), save=False)
    session.save(update_fields=["minutes", "minutes_sha256"])
