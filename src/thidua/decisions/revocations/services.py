"""Writes on revocations: draft from an issued decision, edit the draft, issue it, record
the recovery of each row.

Luật Thi đua, khen thưởng 2022, Chương VII: the authority that granted an award cancels
it when it was obtained by fraud, a false dossier or an unlawful appraisal, and the
award object and reward money are recovered. Every state change goes through the
workflow engine (``revocations.workflow``) with an event; the issued award decision is
never touched (it stays immutable, DESIGN.md §4): the revocation is a new decision
linked to it, and issuing it marks the award records revoked (they count no more for
later titles) and makes the public verification of the certificates say so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.awards.models import AwardRecord
from thidua.core import lengths
from thidua.core.errors import DomainError, NotPermitted
from thidua.core.text import fold, nfc
from thidua.decisions.codes import ErrorCode, EventKind
from thidua.decisions.issuing import AUTHORITY_RULE
from thidua.decisions.models import (
    AuthorityPrefix,
    Decision,
    DecisionEntry,
    DecisionState,
    Revocation,
    RevocationEntry,
    RevocationEvent,
    RevocationReason,
    RevocationState,
)
from thidua.decisions.revocations.documents import revocation_docx, revocation_pdf
from thidua.decisions.revocations.transitions import RecoveryAction, RevocationAction
from thidua.decisions.revocations.workflow import RECOVERY, WORKFLOW
from thidua.decisions.row_authority import refusal_summary, signing_check
from thidua.decisions.rules import is_decision_issuer
from thidua.decisions.services import _NUMBER

#: Where the revocation rule comes from, quoted in messages.
REVOCATION_RULE = "Luật Thi đua, khen thưởng 2022, Chương VII"


def _check_reason(reason_kind: str, reason: str) -> None:
    if reason_kind not in RevocationReason.values:
        raise DomainError(_("Hãy chọn lý do hủy bỏ."), code=ErrorCode.REASON_REQUIRED)
    if not reason.strip():
        raise DomainError(
            _(
                "Hãy ghi lý do cụ thể (ví dụ: kết luận thanh tra số … xác định khai man thành tích)."
            ),
            code=ErrorCode.REASON_REQUIRED,
        )
    lengths.check_length(reason, limit=lengths.NOTE, label=_("Lý do cụ thể"), field="reason")


def _taken_entries(entry_ids: Sequence[int], *, but: int | None = None) -> list[DecisionEntry]:
    """Rows already in another revocation (a draft or an issued one)."""
    rows = RevocationEntry.objects.filter(entry_id__in=entry_ids)
    if but is not None:
        rows = rows.exclude(revocation_id=but)
    return list(DecisionEntry.objects.filter(pk__in=rows.values("entry_id")).order_by("order"))


def revocation_draft(
    *,
    actor: Any,
    decision: Decision,
    entries: Sequence[int],
    reason_kind: str,
    reason: str,
    legal_basis: str = "",
) -> Revocation:
    """Draft a revocation of ``entries`` (rows of the issued ``decision``), with the
    reason and basis; each row's amount to recover starts at the reward it received.
    Only who prepares the grantor's decisions may draft (``is_decision_issuer``)."""
    if not is_decision_issuer(actor, decision):
        raise NotPermitted()
    if decision.state != DecisionState.ISSUED:
        raise DomainError(
            _("Chỉ hủy bỏ được quyết định đang có hiệu lực (đã ban hành, chưa bị thay thế)."),
            code=ErrorCode.NOT_REVOCABLE,
        )
    _check_reason(reason_kind, reason)
    rows = list(decision.entries.filter(pk__in=list(entries)).order_by("order", "pk"))
    if not rows:
        raise DomainError(
            _("Hãy chọn ít nhất một tập thể, cá nhân bị hủy bỏ khen thưởng."),
            code=ErrorCode.REVOCATION_EMPTY,
        )
    taken = _taken_entries([r.pk for r in rows])
    if taken:
        raise DomainError(
            _("Đã có quyết định hủy bỏ (hoặc dự thảo) cho: %(names)s. Hãy bỏ chọn các dòng này.")
            % {"names": ", ".join(t.name for t in taken)},
            code=ErrorCode.ALREADY_REVOKED,
        )
    with transaction.atomic():
        revocation = Revocation.objects.create(
            decision=decision,
            grantor_unit=decision.grantor_unit,
            issuing_body=decision.issuing_body,
            parent_body=decision.parent_body,
            place_name=decision.place_name,
            grantor_title=decision.grantor_title,
            signer_title=decision.signer_title,
            reason_kind=reason_kind,
            reason=nfc(reason.strip()),
            legal_basis=nfc(legal_basis.strip())
            or Revocation._meta.get_field("legal_basis").get_default(),
            created_by=actor,
        )
        RevocationEntry.objects.bulk_create(
            [
                RevocationEntry(revocation=revocation, entry=r, amount_to_recover=r.amount)
                for r in rows
            ]
        )
        RevocationEvent.objects.create(
            revocation=revocation,
            actor=actor,
            kind=EventKind.REVOCATION_DRAFTED,
            to_state=RevocationState.DRAFT,
            payload={"decision": decision.pk, "entries": [r.pk for r in rows], "reason": reason},
        )
    return revocation


def _check_amounts(rows: list[RevocationEntry], amounts: Mapping[int, int | None]) -> None:
    """Every row's amount between 0 and the reward received; all bad rows named at once."""
    bad = []
    for row in rows:
        value = amounts.get(row.pk, row.amount_to_recover)
        paid = row.entry.amount or 0
        if value is not None and not 0 <= value <= paid:
            bad.append(
                _("%(name)s: %(value)s đồng (tối đa %(paid)s đồng đã nhận)")
                % {
                    "name": row.entry.name,
                    "value": f"{value:,}".replace(",", "."),
                    "paid": f"{paid:,}".replace(",", "."),
                }
            )
    if bad:
        raise DomainError(
            _("Số tiền thu hồi không được âm hay vượt số tiền thưởng đã nhận: %(rows)s.")
            % {"rows": "; ".join(bad)},
            code=ErrorCode.BAD_AMOUNT,
            field="amounts",
        )


def revocation_edit(
    *,
    actor: Any,
    revocation: Revocation,
    number: str,
    date: dt.date | None,
    signer_name: str,
    signer_title: str,
    authority_prefix: str = "",
    signer_position: str = "",
    reason_kind: str,
    reason: str,
    legal_basis: str,
    amounts: Mapping[int, int | None] | None = None,
    keep_objects: set[int] | None = None,
) -> Revocation:
    """Edit a draft: number, date and signer (ND 30/2020), reason and basis, each row's
    amount to recover (at most the reward received) and whether its object is returned."""
    number = nfc(number).upper().replace(" ", "")
    if number and not _NUMBER.match(number):
        raise DomainError(
            _("Số, ký hiệu phải có dạng “56/QĐ-UBND” (số / ký hiệu viết hoa)."),
            code=ErrorCode.BAD_NUMBER,
            field="number",
        )
    if authority_prefix not in AuthorityPrefix.values:
        raise DomainError(_("Thẩm quyền ký không hợp lệ."), code=ErrorCode.BAD_AUTHORITY)
    if authority_prefix and not signer_position.strip():
        raise DomainError(
            _("Khi ký thay (KT.), hãy ghi chức vụ của người ký."), code=ErrorCode.KT_POSITION
        )
    _check_reason(reason_kind, reason)

    def check(locked: Revocation) -> None:
        _check_amounts(list(locked.entries.select_related("entry")), amounts or {})

    def apply(locked: Revocation) -> dict[str, Any]:
        locked.number, locked.date = number, date
        locked.signer_name, locked.signer_title = (
            nfc(signer_name.strip()),
            nfc(signer_title.strip()),
        )
        locked.authority_prefix = authority_prefix
        locked.signer_position = nfc(signer_position.strip()) if authority_prefix else ""
        locked.reason_kind, locked.reason = reason_kind, nfc(reason.strip())
        locked.legal_basis = nfc(legal_basis.strip()) or locked.legal_basis
        for row in locked.entries.all():
            if amounts is not None and row.pk in amounts:
                row.amount_to_recover = amounts[row.pk]
            if keep_objects is not None:
                row.return_object = row.pk in keep_objects
            row.save(update_fields=["amount_to_recover", "return_object"])
        return {"number": number}

    return WORKFLOW.run(
        revocation, actor=actor, action=RevocationAction.EDIT, check=check, apply=apply
    )


def _check_issuable(revocation: Revocation, rows: list[RevocationEntry]) -> None:
    missing = [
        str(label)
        for label, value in (
            (_("số, ký hiệu"), revocation.number),
            (_("ngày ký"), revocation.date),
            (_("họ tên người ký"), revocation.signer_name),
        )
        if not value
    ]
    if missing:
        raise DomainError(
            _("Chưa ban hành được: hãy điền %(fields)s (Nghị định 30/2020/NĐ-CP, Phụ lục I).")
            % {"fields": ", ".join(missing)},
            code=ErrorCode.INCOMPLETE,
        )
    day = revocation.date
    assert day is not None
    decision = revocation.decision
    if day > timezone.localdate():
        raise DomainError(_("Ngày ký không được sau hôm nay."), code=ErrorCode.FUTURE_DATE)
    if decision.date is not None and day < decision.date:
        raise DomainError(
            _("Ngày ký quyết định hủy bỏ không được trước ngày của quyết định khen thưởng (%(d)s).")
            % {"d": decision.date.strftime("%d/%m/%Y")},
            code=ErrorCode.FUTURE_DATE,
        )
    if decision.state != DecisionState.ISSUED:
        raise DomainError(
            _(
                "Quyết định khen thưởng đã bị thay thế: hãy lập quyết định hủy bỏ theo quyết định mới."
            ),
            code=ErrorCode.NOT_REVOCABLE,
        )
    year = {
        "date__year": day.year,
        "grantor_unit": revocation.grantor_unit,
        "number": revocation.number,
    }
    clash = Revocation.objects.filter(state=RevocationState.ISSUED, **year).exists()
    clash = (
        clash
        or Decision.objects.filter(
            state__in=[DecisionState.ISSUED, DecisionState.SUPERSEDED], **year
        ).exists()
    )
    if clash:
        raise DomainError(
            _("Số %(number)s đã được dùng cho một quyết định khác trong năm %(year)s.")
            % {"number": revocation.number, "year": day.year},
            code=ErrorCode.NUMBER_TAKEN,
        )
    if not rows:
        raise DomainError(_("Quyết định hủy bỏ chưa có dòng nào."), code=ErrorCode.REVOCATION_EMPTY)
    _check_amounts(rows, {})


def _check_authority(revocation: Revocation, rows: list[RevocationEntry]) -> None:
    """The one who cancels is the one who may grant the form to these subjects on the
    revocation's date (Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59)."""
    check = signing_check(revocation.decision, [r.entry for r in rows], on=revocation.date)
    if not check.refused:
        return
    successor = check.successor
    offer = (
        " " + _("Người có thẩm quyền: %(signer)s.") % {"signer": successor.signer}
        if successor is not None
        else ""
    )
    raise DomainError(
        _(
            "Không ban hành được: %(grantor)s không còn thẩm quyền đối với %(form)s vào ngày "
            "%(date)s (thẩm quyền: %(rule)s). %(rows)s%(successor)s"
        )
        % {
            "grantor": revocation.grantor_title,
            "form": revocation.decision.form.name,
            "date": revocation.date.strftime("%d/%m/%Y") if revocation.date else "",
            "rule": AUTHORITY_RULE,
            "rows": refusal_summary(check),
            "successor": offer,
        },
        code=ErrorCode.NO_AUTHORITY,
    )


def _issue_apply(revocation: Revocation, actor: Any) -> dict[str, Any]:
    rows = list(revocation.entries.select_related("entry").order_by("entry__order", "pk"))
    _check_issuable(revocation, rows)
    already = _taken_entries([r.entry_id for r in rows], but=revocation.pk)
    issued_elsewhere = [
        e
        for e in already
        if RevocationEntry.objects.filter(
            entry=e, revocation__state=RevocationState.ISSUED
        ).exists()
    ]
    if issued_elsewhere:
        raise DomainError(
            _("Đã bị hủy bỏ bởi quyết định khác: %(names)s.")
            % {"names": ", ".join(e.name for e in issued_elsewhere)},
            code=ErrorCode.ALREADY_REVOKED,
        )
    _check_authority(revocation, rows)
    docx, pdf = revocation_docx(revocation, rows), revocation_pdf(revocation, rows)
    stem = slugify(fold(revocation.number).replace("/", "-")) or f"huy-bo-{revocation.pk}"
    revocation.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    revocation.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    revocation.content_sha256 = hashlib.sha256(docx + pdf).hexdigest()
    revocation.issued_at, revocation.issued_by = timezone.now(), actor
    assert revocation.date is not None
    with translation.override("vi"):  # stored in the award history, in Vietnamese
        ref = _("Quyết định số %(number)s ngày %(date)s") % {
            "number": revocation.number,
            "date": revocation.date.strftime("%d/%m/%Y"),
        }
    AwardRecord.objects.filter(decision_entry__in=[r.entry_id for r in rows]).update(
        revoked_on=revocation.date, revocation_ref=ref
    )
    return {"number": revocation.number, "entries": [r.entry_id for r in rows]}


def revocation_issue(*, actor: Any, revocation: Revocation) -> Revocation:
    """Issue a revocation: checks (ND 30/2020 fields, date, number unused that year, the
    decision still in force, no row revoked twice, the grantor's authority on that date),
    then the DOCX and PDF with their SHA-256, and every row's award record marked revoked
    with the revocation's number and date (Luật TĐKT 2022, Chương VII)."""
    return WORKFLOW.run(
        revocation,
        actor=actor,
        action=RevocationAction.ISSUE,
        apply=lambda locked: _issue_apply(locked, actor),
    )


def revocation_record_recovery(
    *, actor: Any, row: RevocationEntry, on: dt.date, note: str = ""
) -> RevocationEntry:
    """Record that a revoked row's reward (and object) has been recovered on ``on``: only
    once the revocation is issued, on a day between its date and today."""
    lengths.check_length(note, limit=lengths.LINE, label=_("Ghi chú"), field="note")

    def check(locked: RevocationEntry) -> None:
        revocation = locked.revocation
        if revocation.state != RevocationState.ISSUED:
            raise DomainError(
                _("Chỉ ghi nhận thu hồi sau khi quyết định hủy bỏ đã ban hành."),
                code=ErrorCode.DRAFT,
            )
        if on > timezone.localdate() or (revocation.date and on < revocation.date):
            raise DomainError(
                _("Ngày thu hồi phải từ ngày ký quyết định hủy bỏ (%(d)s) đến hôm nay.")
                % {"d": revocation.date.strftime("%d/%m/%Y") if revocation.date else ""},
                code=ErrorCode.RECOVERY_DATE,
                field="on",
            )

    def apply(locked: RevocationEntry) -> dict[str, Any]:
        locked.recovered_on, locked.recovery_note = on, nfc(note.strip())
        return {"on": on.isoformat(), "note": locked.recovery_note}

    return RECOVERY.run(row, actor=actor, action=RecoveryAction.RECORD, check=check, apply=apply)


__all__ = [
    "REVOCATION_RULE",
    "revocation_draft",
    "revocation_edit",
    "revocation_issue",
    "revocation_record_recovery",
]
