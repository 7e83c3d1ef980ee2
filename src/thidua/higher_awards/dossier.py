"""The dossier the province sends upward, in the structure the central level expects: one
original set plus electronic files in Word and PDF (QĐ 311/QĐ-BNV: Hệ thống quản lý hồ sơ
khen thưởng điện tử), as one ZIP:

- ``01-to-trinh.docx`` and ``01-to-trinh.pdf``: the tờ trình of the province's People's
  Committee (Nghị định 30/2020/NĐ-CP layout, ``documents.official``);
- ``02-danh-sach.xlsx``: the list of entries (name, unit, form, achievement, vote);
- ``03-bao-cao-thanh-tich/``: each entry's báo cáo thành tích, where attached;
- ``04-cong-khai-va-y-kien.docx``: the record of the public posting and of the comments
  received and answered (R15; reported to the council and listed in its record).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.core.text import fold
from thidua.documents.official import (
    CONTENT_MM,
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
)
from thidua.documents.sheets import SheetColumn, add_table, new_workbook, workbook_bytes
from thidua.higher_awards.central import central_data
from thidua.higher_awards.models import Proposal, ProposalEntry
from thidua.higher_awards.posting import posting_window


def _d(day: Any) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _province_name(proposal: Proposal) -> str:
    name = str(proposal.province.name)
    return name.removeprefix("UBND ").removeprefix("Ủy ban nhân dân ")


def _vote(entry: ProposalEntry) -> str:
    if entry.vote_yes is None or not entry.vote_members:
        return ""
    share = round(100 * entry.vote_yes / entry.vote_members, 1)
    return f"{entry.vote_yes}/{entry.vote_members} ({str(share).replace('.', ',')} %)"


def _head(writer: Any, proposal: Proposal, kind: str, summary: str) -> None:
    writer.letterhead(
        Letterhead(
            issuing_body=_("Ủy ban nhân dân tỉnh %(name)s")
            % {"name": _province_name(proposal).removeprefix("tỉnh ").removeprefix("Tỉnh ")},
            number=_("Số: %(number)s") % {"number": proposal.number or "……/TTr-UBND"},
            place=_province_name(proposal),
            date=proposal.sent_on,
        )
    )
    writer.title(kind, summary)


def _entries_table(writer: Any, entries: Sequence[ProposalEntry]) -> None:
    columns = (
        Column(_("STT"), 12, "center"),
        Column(_("Tập thể, cá nhân"), 50),
        Column(_("Hình thức đề nghị"), 38),
        Column(_("Tóm tắt thành tích"), CONTENT_MM - 12 - 50 - 38 - 26),
        Column(_("Phiếu đồng ý"), 26, "center"),
    )
    rows = [
        [
            str(i),
            f"{e.nominee.name}\n{e.nominee.unit.name if e.nominee.unit else ''}".strip(),
            e.form.name,
            e.achievement,
            _vote(e),
        ]
        for i, e in enumerate(entries, start=1)
    ]
    writer.table(columns, rows)


def write_cover(writer: Any, proposal: Proposal, entries: Sequence[ProposalEntry]) -> bytes:
    """The tờ trình: letterhead, TỜ TRÌNH + trích yếu, the addressee, the grounds, the
    posting and the council, the table of entries, the closing."""
    with translation.override("vi"):
        _head(writer, proposal, _("Tờ trình"), proposal.title)
        writer.paragraph(
            _("Kính gửi: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)."),
            indent=False,
            align="center",
        )
        window = posting_window(proposal.posted_on) if proposal.posted_on else None
        writer.paragraph(
            _("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"), italic=True
        )
        if window is not None:
            # An article read only in a secondary source is not cited in an outgoing text.
            basis = window.basis if window.verified else central_data().posting.public_basis
            writer.paragraph(
                _("Thực hiện việc công khai danh sách đề nghị khen thưởng theo %(basis)s;")
                % {"basis": basis},
                italic=True,
            )
        writer.paragraph(
            _(
                "Danh sách được công khai trên %(channel)s từ ngày %(posted)s đến hết ngày "
                "%(closes)s; đã nhận %(n)s ý kiến, tất cả đã được trả lời trước khi Hội đồng "
                "Thi đua - Khen thưởng tỉnh họp ngày %(meeting)s (%(record)s)."
            )
            % {
                "channel": proposal.posting_channel or "…",
                "posted": _d(proposal.posted_on),
                "closes": _d(proposal.window_closes_on),
                "n": proposal.objections.count(),
                "meeting": _d(proposal.council_meeting_on) or "…",
                "record": proposal.council_record or "…",
            }
        )
        writer.paragraph(
            _(
                "Ủy ban nhân dân tỉnh kính đề nghị Bộ Nội vụ thẩm định, trình cấp có thẩm quyền "
                "khen thưởng %(n)s tập thể, cá nhân có thành tích năm %(year)s, như sau:"
            )
            % {"n": len(entries), "year": proposal.year}
        )
        _entries_table(writer, entries)
        writer.paragraph(
            _("(Kèm theo báo cáo thành tích, biên bản họp và kết quả bỏ phiếu của Hội đồng.)"),
            italic=True,
        )
        writer.closing(
            Signature(
                position=_("Chủ tịch"),
                authority=_("TM. Ủy ban nhân dân"),
                signer_name=proposal.signer_name,
            ),
            [_("- Như trên;"), _("- Ban Thi đua - Khen thưởng Trung ương;"), _("- Lưu: VT.")],
        )
    return writer.to_bytes()


def cover_docx(proposal: Proposal, entries: Sequence[ProposalEntry]) -> bytes:
    return write_cover(OfficialDocument(title=proposal.title), proposal, entries)


def cover_pdf(proposal: Proposal, entries: Sequence[ProposalEntry]) -> bytes:
    from thidua.documents.pdf import OfficialPdf

    return write_cover(OfficialPdf(title=proposal.title), proposal, entries)


def list_xlsx(proposal: Proposal, entries: Sequence[ProposalEntry]) -> bytes:
    """The list of entries as a sheet."""
    with translation.override("vi"):
        book = new_workbook()
        columns = [
            SheetColumn(_("STT"), 6),
            SheetColumn(_("Tập thể, cá nhân"), 30),
            SheetColumn(_("Chức vụ"), 20),
            SheetColumn(_("Đơn vị"), 30),
            SheetColumn(_("Hình thức đề nghị"), 30),
            SheetColumn(_("Tóm tắt thành tích"), 60, wrap=True),
            SheetColumn(_("Phiếu đồng ý"), 12),
            SheetColumn(_("Tổng số thành viên"), 12),
            SheetColumn(_("Ý kiến Ban Thường vụ Tỉnh ủy"), 30, wrap=True),
        ]
        rows = [
            [
                i,
                e.nominee.name,
                e.nominee.position or "",
                e.nominee.unit.name if e.nominee.unit else "",
                e.form.name,
                e.achievement,
                e.vote_yes,
                e.vote_members,
                f"{e.btv_reference}: {e.btv_opinion}" if e.btv_opinion else "",
            ]
            for i, e in enumerate(entries, start=1)
        ]
        add_table(
            book,
            _("Danh sách"),
            _("Danh sách đề nghị khen thưởng năm %(year)s") % {"year": proposal.year},
            columns,
            rows,
        )
        return workbook_bytes(book)


def posting_docx(proposal: Proposal) -> bytes:
    """The record of the posting and of the comments (who, when, what, the answer)."""
    with translation.override("vi"):
        writer = OfficialDocument(title=_("Kết quả công khai"))
        _head(
            writer,
            proposal,
            _("Báo cáo"),
            _("Kết quả công khai danh sách và xử lý ý kiến"),
        )
        writer.paragraph(
            _("Danh sách công khai trên %(channel)s từ ngày %(posted)s đến hết ngày %(closes)s.")
            % {
                "channel": proposal.posting_channel,
                "posted": _d(proposal.posted_on),
                "closes": _d(proposal.window_closes_on),
            }
        )
        objections = list(proposal.objections.select_related("entry__nominee"))
        if not objections:
            writer.paragraph(_("Không nhận được ý kiến nào trong thời gian công khai."))
        else:
            columns = (
                Column(_("STT"), 12, "center"),
                Column(_("Ngày nhận, người gửi"), 40),
                Column(_("Nội dung"), (CONTENT_MM - 52) / 2),
                Column(_("Trả lời, xử lý"), (CONTENT_MM - 52) / 2),
            )
            rows = [
                [
                    str(i),
                    f"{_d(o.received_on)}\n{o.author}\n({o.get_channel_display()})",
                    (f"{o.entry.nominee.name}: " if o.entry else "") + o.content,
                    f"{_d(o.answered_on)}: {o.answer}" if o.answered_on else _("Chưa trả lời"),
                ]
                for i, o in enumerate(objections, start=1)
            ]
            writer.table(columns, rows)
        writer.paragraph(
            _("Kết quả trên đã được báo cáo Hội đồng và ghi vào %(record)s.")
            % {"record": proposal.council_record or _("biên bản họp Hội đồng")}
        )
        return writer.to_bytes()


def _safe(name: str) -> str:
    return re.sub(r"[^a-z0-9.-]+", "-", fold(name).lower()).strip("-")[:80] or "tep"


def dossier_zip(proposal: Proposal) -> bytes:
    """The whole dossier as a ZIP (what ``dossier`` says, in that order)."""
    entries = list(proposal.entries.select_related("nominee__unit", "form").order_by("position"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("01-to-trinh.docx", cover_docx(proposal, entries))
        archive.writestr("01-to-trinh.pdf", cover_pdf(proposal, entries))
        archive.writestr("02-danh-sach.xlsx", list_xlsx(proposal, entries))
        for index, entry in enumerate(entries, start=1):
            if not entry.report:
                continue
            suffix = entry.report_name.rsplit(".", 1)[-1] if "." in entry.report_name else "bin"
            name = f"03-bao-cao-thanh-tich/{index:02d}-{_safe(entry.nominee.name)}.{_safe(suffix)}"
            with entry.report.open("rb") as handle:
                archive.writestr(name, handle.read())
        archive.writestr("04-cong-khai-va-y-kien.docx", posting_docx(proposal))
    return buffer.getvalue()
