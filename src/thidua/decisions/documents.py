"""The text of a Quyết định khen thưởng and its attached list, written once and rendered
to DOCX (``OfficialDocument``) and PDF (``OfficialPdf``) with the same content.

Layout and wording follow Nghị định 30/2020/NĐ-CP (Phụ lục I) and the usual skeleton:
letterhead, "Số: 1234/QĐ-UBND", italic place and date, QUYẾT ĐỊNH + trích yếu, the
grantor's title, italic căn cứ lines (";" each, "," on the last), Điều 1–3, the
signature block and "Nơi nhận"; then, on a new page, DANH SÁCH … with I. TẬP THỂ and
II. CÁ NHÂN and the reward of each row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.awards.models import LegalValueCode
from thidua.awards.sources import legal_value
from thidua.documents.official import (
    CONTENT_MM,
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
    document_date,
    vn_number,
)

#: Kinds of subject printed in section I (collectives) of the attached list.
COLLECTIVE_KINDS = frozenset({"collective", "enterprise"})


#: The writer: ``OfficialDocument`` (DOCX) or ``OfficialPdf`` (PDF), same calls.
Writer = Any


#: The căn cứ lines a decision cites before its plan, in this order (``LegalValue`` codes).
BASIS_CODES = (
    LegalValueCode.BASIS_LOCAL_GOVERNMENT,
    LegalValueCode.BASIS_COMMENDATION_LAW,
    LegalValueCode.BASIS_DECREE,
)


def default_legal_bases(*, on: dt.date, campaign: Any) -> list[str]:
    """The căn cứ lines in force on the decision date, chosen by date from the legal data
    (``legal_values`` of ``award-forms.yaml``: Luật Tổ chức chính quyền địa phương
    77/2015/QH13, 65/2025/QH15 from 01/3/2025, 72/2025/QH15 from 16/6/2025; Luật Thi
    đua, khen thưởng 2022; ND 98/2023 until 30/6/2025, ND 152/2025 from 01/7/2025), then
    the campaign's plan. A line with no value loaded for the date is left out."""
    lines = [value.text for code in BASIS_CODES if (value := legal_value(code, on)) is not None]
    plan = _("Căn cứ %(kind)s số %(number)s ngày %(date)s của %(issuer)s") % {
        "kind": campaign.doc_kind,
        "number": campaign.doc_number,
        "date": campaign.doc_date.strftime("%d/%m/%Y"),
        "issuer": campaign.issuer_name,
    }
    return [*lines, plan]


def _count_phrase(collectives: int, individuals: int, households: int) -> str:
    parts = []
    if collectives:
        parts.append(_("%(n)s tập thể") % {"n": collectives})
    if individuals:
        parts.append(_("%(n)s cá nhân") % {"n": individuals})
    if households:
        parts.append(_("%(n)s hộ gia đình") % {"n": households})
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + _(" và ") + parts[-1]
    return parts[0] if parts else ""


def _award_phrase(decision: Any) -> str:
    """ "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" (the form's name)."""
    return str(decision.form.name)


def _header(writer: Writer, decision: Any) -> None:
    writer.letterhead(
        Letterhead(
            issuing_body=decision.issuing_body,
            parent_body=decision.parent_body,
            number=_("Số: %(number)s") % {"number": decision.number or "……/QĐ-……"},
            place=decision.place_name,
            date=decision.date,
        )
    )
    writer.title(_("Quyết định"), _("Về việc tặng %(award)s") % {"award": _award_phrase(decision)})
    writer.paragraph(decision.grantor_title.upper(), bold=True, indent=False, align="center")


def _bases(writer: Writer, decision: Any) -> None:
    lines = [line.strip().rstrip(";,.") for line in decision.legal_bases if line.strip()]
    if decision.proposal.strip():
        lines.append(decision.proposal.strip().rstrip(";,."))
    for index, line in enumerate(lines):
        end = "," if index == len(lines) - 1 else ";"
        writer.paragraph(line + end, italic=True)
    writer.paragraph(_("QUYẾT ĐỊNH:"), bold=True, indent=False, align="center")


def _articles(writer: Writer, decision: Any, entries: Sequence[Any]) -> None:
    collectives = sum(1 for e in entries if e.subject_kind in COLLECTIVE_KINDS)
    households = sum(1 for e in entries if e.subject_kind == "household")
    individuals = len(entries) - collectives - households
    writer.paragraph(
        _("Điều 1. Tặng %(award)s cho %(count)s (có danh sách kèm theo), %(achievement)s.")
        % {
            "award": _award_phrase(decision),
            "count": _count_phrase(collectives, individuals, households),
            "achievement": decision.achievement.strip().rstrip(".")
            or _("đã có thành tích xuất sắc trong phong trào thi đua"),
        }
    )
    total = sum(e.amount or 0 for e in entries)
    if total:
        money = _(
            "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành, tổng cộng "
            "%(total)s đồng, trích từ Quỹ thi đua, khen thưởng."
        ) % {"total": vn_number(total)}
    else:
        money = _(
            "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành, trích từ Quỹ thi "
            "đua, khen thưởng."
        )
    writer.paragraph(money)
    writer.paragraph(
        _(
            "Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập "
            "thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
        )
    )


def _signature(decision: Any) -> Signature:
    return Signature(
        position=decision.signer_title,
        authority=decision.authority_prefix,
        signer_position=decision.signer_position if decision.authority_prefix else "",
        signer_name=decision.signer_name,
    )


def entry_line(entry: Any) -> str:
    """A row of the list: "Ông/Bà Nguyễn Văn An, Trưởng phòng, Sở Y tế" or a collective
    with its parent unit."""
    parts = [entry.name, entry.position, entry.unit_name]
    return ", ".join(p for p in parts if p)


def attached_list_heading(writer: Any, title: str, document: Any) -> None:
    """A new page headed by the attached list's title and "(Kèm theo Quyết định số …)": the
    list that goes with a decision (Nghị định 30/2020/NĐ-CP, Phụ lục I: phụ lục kèm theo)."""
    writer.page_break()
    writer.paragraph(title, bold=True, indent=False, align="center")
    writer.paragraph(
        _("(Kèm theo Quyết định số %(number)s %(date)s của %(grantor)s)")
        % {
            "number": document.number or "……",
            "date": document_date(document.date) if document.date else "",
            "grantor": document.grantor_title,
        },
        italic=True,
        indent=False,
        align="center",
    )


def _attached_list(writer: Writer, decision: Any, entries: Sequence[Any]) -> None:
    attached_list_heading(
        writer,
        _("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG %(award)s")
        % {"award": _award_phrase(decision).upper()},
        decision,
    )
    columns = (
        Column(_("STT"), 14, "center"),
        Column(_("Tên tập thể, cá nhân"), CONTENT_MM - 14 - 36),
        Column(_("Tiền thưởng (đồng)"), 36, "right"),
    )
    sections = (
        (_("I. TẬP THỂ"), [e for e in entries if e.subject_kind in COLLECTIVE_KINDS]),
        (_("II. CÁ NHÂN"), [e for e in entries if e.subject_kind == "individual"]),
        (_("III. HỘ GIA ĐÌNH"), [e for e in entries if e.subject_kind == "household"]),
    )
    rows: list[list[str]] = []
    bold: list[int] = []
    for heading, members in sections:
        if not members:
            continue
        bold.append(len(rows))
        rows.append(["", heading, ""])
        for number, entry in enumerate(members, start=1):
            rows.append([str(number), entry_line(entry), vn_number(entry.amount)])
    total = sum(e.amount or 0 for e in entries)
    bold.append(len(rows))
    rows.append(
        ["", _("Tổng cộng: %(n)s") % {"n": len(entries)}, vn_number(total) if total else ""]
    )
    writer.table(columns, rows, bold_rows=bold)


def write_decision(writer: Writer, decision: Any, entries: Sequence[Any]) -> bytes:
    """Write the whole decision with ``writer`` and return the file's bytes."""
    with translation.override("vi"):
        _header(writer, decision)
        _bases(writer, decision)
        _articles(writer, decision, entries)
        writer.closing(_signature(decision), [f"- {r}" for r in decision.recipients])
        _attached_list(writer, decision, entries)
    return writer.to_bytes()


def decision_docx(decision: Any, entries: Sequence[Any]) -> bytes:
    """The DOCX of the decision (ND 30/2020 layout)."""
    title = str(decision.number or decision.form.name)
    return write_decision(OfficialDocument(title=title), decision, entries)


def decision_pdf(decision: Any, entries: Sequence[Any]) -> bytes:
    """The PDF of the decision, the same content with Liberation Serif embedded."""
    from thidua.documents.pdf import OfficialPdf

    title = str(decision.number or decision.form.name)
    return write_decision(OfficialPdf(title=title), decision, entries)
