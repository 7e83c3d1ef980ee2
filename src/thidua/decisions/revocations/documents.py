"""The text of a Quyết định hủy bỏ quyết định khen thưởng, written once and rendered to
DOCX and PDF with the writers the award decisions use (Nghị định 30/2020/NĐ-CP,
Phụ lục I): letterhead, number, place and date, QUYẾT ĐỊNH + trích yếu, the grantor's
title, căn cứ (the legal basis of the revocation — Luật Thi đua, khen thưởng 2022,
Chương VII — and the revoked decision), Điều 1 (what is cancelled and why), Điều 2 (the
reward and object to recover), Điều 3, the signature and, on a new page, the list of
cancelled rows with the amount to recover.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from thidua.decisions.documents import COLLECTIVE_KINDS, attached_list_heading, entry_line
from thidua.documents.official import (
    CONTENT_MM,
    Column,
    Letterhead,
    OfficialDocument,
    Signature,
    vn_number,
)


def _decision_ref(revocation: Any) -> str:
    decision = revocation.decision
    return _("Quyết định số %(number)s ngày %(date)s của %(grantor)s về việc tặng %(form)s") % {
        "number": decision.number,
        "date": decision.date.strftime("%d/%m/%Y"),
        "grantor": decision.grantor_title,
        "form": decision.form.name,
    }


def _head(writer: Any, revocation: Any) -> None:
    writer.letterhead(
        Letterhead(
            issuing_body=revocation.issuing_body,
            parent_body=revocation.parent_body,
            number=_("Số: %(number)s") % {"number": revocation.number or "……/QĐ-……"},
            place=revocation.place_name,
            date=revocation.date,
        )
    )
    writer.title(
        _("Quyết định"),
        _("Về việc hủy bỏ Quyết định số %(number)s") % {"number": revocation.decision.number},
    )
    writer.paragraph(revocation.grantor_title.upper(), bold=True, indent=False, align="center")
    lines = [line.strip().rstrip(";,.") for line in revocation.legal_basis.splitlines()]
    lines = [_("Căn cứ %(basis)s") % {"basis": line} for line in lines if line]
    lines.append(_("Căn cứ %(ref)s") % {"ref": _decision_ref(revocation)})
    lines.append(_("Xét lý do: %(reason)s") % {"reason": revocation.reason.strip().rstrip(";,.")})
    for index, line in enumerate(lines):
        writer.paragraph(line + ("," if index == len(lines) - 1 else ";"), italic=True)
    writer.paragraph(_("QUYẾT ĐỊNH:"), bold=True, indent=False, align="center")


def _articles(writer: Any, revocation: Any, rows: Sequence[Any]) -> None:
    writer.paragraph(
        _(
            "Điều 1. Hủy bỏ %(ref)s đối với %(n)s tập thể, cá nhân có tên trong danh sách "
            "kèm theo. Lý do: %(kind)s."
        )
        % {
            "ref": _decision_ref(revocation),
            "n": len(rows),
            "kind": str(revocation.get_reason_kind_display()).lower(),
        }
    )
    total = sum(row.amount_to_recover or 0 for row in rows)
    objects = sum(1 for row in rows if row.return_object)
    parts = []
    if total:
        parts.append(_("tiền thưởng tổng cộng %(total)s đồng") % {"total": vn_number(total)})
    if objects:
        parts.append(
            _("hiện vật khen thưởng (bằng, giấy khen) của %(n)s trường hợp") % {"n": objects}
        )
    recover = _(" và ").join(parts) if parts else _("không có tiền thưởng, hiện vật phải thu hồi")
    writer.paragraph(
        _("Điều 2. Thu hồi %(what)s theo danh sách kèm theo, nộp lại Quỹ thi đua, khen thưởng.")
        % {"what": recover}
    )
    writer.paragraph(
        _(
            "Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập "
            "thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
        )
    )


def _attached(writer: Any, revocation: Any, rows: Sequence[Any]) -> None:
    attached_list_heading(
        writer, _("DANH SÁCH TẬP THỂ, CÁ NHÂN BỊ HỦY BỎ QUYẾT ĐỊNH KHEN THƯỞNG"), revocation
    )
    columns = (
        Column(_("STT"), 14, "center"),
        Column(_("Tên tập thể, cá nhân"), CONTENT_MM - 14 - 36 - 30),
        Column(_("Tiền thu hồi (đồng)"), 36, "right"),
        Column(_("Thu hồi hiện vật"), 30, "center"),
    )
    table: list[list[str]] = []
    for number, row in enumerate(rows, start=1):
        kind = _("tập thể") if row.entry.subject_kind in COLLECTIVE_KINDS else ""
        name = entry_line(row.entry) + (f" ({kind})" if kind else "")
        table.append(
            [
                str(number),
                name,
                vn_number(row.amount_to_recover),
                _("Có") if row.return_object else _("Không"),
            ]
        )
    total = sum(row.amount_to_recover or 0 for row in rows)
    table.append(["", _("Tổng cộng: %(n)s") % {"n": len(rows)}, vn_number(total), ""])
    writer.table(columns, table, bold_rows=[len(table) - 1])


def _signature(revocation: Any) -> Signature:
    return Signature(
        position=revocation.signer_title,
        authority=revocation.authority_prefix,
        signer_position=revocation.signer_position if revocation.authority_prefix else "",
        signer_name=revocation.signer_name,
    )


def write_revocation(writer: Any, revocation: Any, rows: Sequence[Any]) -> bytes:
    """Write the whole revocation with ``writer`` and return the file's bytes."""
    with translation.override("vi"):
        _head(writer, revocation)
        _articles(writer, revocation, rows)
        writer.closing(_signature(revocation), [_("- Như Điều 3;"), _("- Lưu: VT.")])
        _attached(writer, revocation, rows)
    return writer.to_bytes()


def revocation_docx(revocation: Any, rows: Sequence[Any]) -> bytes:
    """The DOCX of the revocation (ND 30/2020 layout)."""
    return write_revocation(OfficialDocument(title=str(revocation)), revocation, rows)


def revocation_pdf(revocation: Any, rows: Sequence[Any]) -> bytes:
    """The PDF of the revocation, the same content with Liberation Serif embedded."""
    from thidua.documents.pdf import OfficialPdf

    return write_revocation(OfficialPdf(title=str(revocation)), revocation, rows)
