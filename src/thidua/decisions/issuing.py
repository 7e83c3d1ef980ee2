"""What issuing a decision checks and writes (called inside the locked transition).

Checks, each refusing with a Vietnamese message that names the rule: number, date and
signer filled in (ND 30/2020); date not in the future; number not used by another
issued decision of the grantor that year; every row's nomination still approved by the
council; the grantor's authority over the form and every row **as of the decision date**
(Luật TĐKT 2022 Điều 80; ND 129/2025 Điều 59; ``row_authority``: the refusal names the
rows and the cause); a lương cơ sở in force on that date when the form carries a reward
(ND 152/2025 Điều 50, 54), the reward rounded by the rounding rule of that date.

Writes: each row's multiplier and amount, the DOCX and PDF with the SHA-256 of both,
the decision's seal (``integrity.seal``: its content, rows and files, chained to the
decision issued before it),
one award record per row (moved from the old decision for a correction), the
nomination's decided state, one certificate (with its public code) per row; for a
correction, the old decision's move to *superseded* through the workflow engine.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from thidua.awards.models import AwardRecord, NominationState, SubjectKind
from thidua.core.errors import DomainError
from thidua.core.text import fold
from thidua.decisions.amounts import (
    base_salary_on,
    multiplier_for,
    reward_amount,
    rounding_step_on,
    rule_on,
)
from thidua.decisions.awards_link import authority_windows, mark_decided
from thidua.decisions.codes import ErrorCode
from thidua.decisions.documents import decision_docx, decision_pdf
from thidua.decisions.integrity import seal
from thidua.decisions.models import Certificate, Decision, DecisionEntry, DecisionState
from thidua.decisions.row_authority import refusal_summary, signing_check
from thidua.decisions.transitions import Action
from thidua.decisions.workflow import WORKFLOW

#: Where the authority rule comes from, quoted in refusals.
AUTHORITY_RULE = (
    "Luật Thi đua, khen thưởng 2022, Điều 80; từ 01/7/2025: Nghị định 129/2025/NĐ-CP, Điều 59"
)


def _check_filled(decision: Decision) -> None:
    missing = [
        label
        for label, value in (
            (_("số, ký hiệu"), decision.number),
            (_("ngày ký"), decision.date),
            (_("họ tên người ký"), decision.signer_name),
        )
        if not value
    ]
    if missing:
        raise DomainError(
            _("Chưa ban hành được: hãy điền %(fields)s (Nghị định 30/2020/NĐ-CP, Phụ lục I).")
            % {"fields": ", ".join(str(m) for m in missing)},
            code=ErrorCode.INCOMPLETE,
        )
    if decision.date and decision.date > timezone.localdate():
        raise DomainError(_("Ngày ký không được sau hôm nay."), code=ErrorCode.FUTURE_DATE)
    clash = (
        Decision.objects.filter(
            grantor_unit=decision.grantor_unit,
            number=decision.number,
            date__year=decision.date.year,  # type: ignore[union-attr]
            state__in=[DecisionState.ISSUED, DecisionState.SUPERSEDED],
        )
        .exclude(pk=decision.pk)
        .exists()
    )
    if clash:
        raise DomainError(
            _("Số %(number)s đã được dùng cho một quyết định khác trong năm %(year)s.")
            % {"number": decision.number, "year": decision.date.year},  # type: ignore[union-attr]
            code=ErrorCode.NUMBER_TAKEN,
        )


def _check_not_revoked(entries: list[DecisionEntry]) -> None:
    """A correction may not grant again an award a Quyết định hủy bỏ cancelled (Luật
    Thi đua, khen thưởng 2022, Chương VII): the row must leave the draft."""
    revoked = dict(
        AwardRecord.objects.filter(
            nomination_id__in=[e.nomination_id for e in entries], revoked_on__isnull=False
        ).values_list("nomination_id", "revocation_ref")
    )
    for entry in entries:
        if entry.nomination_id in revoked:
            raise DomainError(
                _(
                    "Khen thưởng của “%(name)s” đã bị hủy bỏ (%(ref)s). Hãy bỏ dòng này "
                    "khỏi dự thảo."
                )
                % {"name": entry.name, "ref": revoked[entry.nomination_id]},
                code=ErrorCode.ALREADY_REVOKED,
            )


def _check_nominations(decision: Decision, entries: list[DecisionEntry]) -> None:
    if not entries:
        raise DomainError(_("Quyết định chưa có tập thể, cá nhân nào."), code=ErrorCode.EMPTY)
    corrected: set[int] = set()
    if decision.supersedes_id is not None:
        corrected = set(
            DecisionEntry.objects.filter(decision_id=decision.supersedes_id).values_list(
                "nomination_id", flat=True
            )
        )
    _check_not_revoked(entries)
    for entry in entries:
        state = entry.nomination.state
        if state == NominationState.APPROVED:
            continue
        if state == NominationState.DECIDED and entry.nomination_id in corrected:
            continue
        raise DomainError(
            _(
                "Đề nghị khen thưởng “%(name)s” không còn ở trạng thái “Hội đồng đồng ý” "
                "(hiện: %(state)s). Hãy bỏ dòng này khỏi dự thảo."
            )
            % {"name": entry.name, "state": NominationState(state).label},
            code=ErrorCode.NOMINATION_NOT_APPROVED,
        )


def _windows_text(decision: Decision) -> str:
    """ " Thẩm quyền đã quy định: …" (the authority rows of the grantor's kind), or ""."""
    windows = "; ".join(
        _("%(title)s: từ %(start)s%(end)s theo %(basis)s")
        % {
            "title": w.grantor_title,
            "start": w.valid_from.strftime("%d/%m/%Y"),
            "end": _(" đến %(d)s") % {"d": w.valid_to.strftime("%d/%m/%Y")} if w.valid_to else "",
            "basis": w.legal_basis,
        }
        for w in authority_windows(form=decision.form, grantor_unit=decision.grantor_unit)
    )
    return " " + _("Thẩm quyền đã quy định: %(w)s.") % {"w": windows} if windows else ""


def _check_authority(decision: Decision, entries: list[DecisionEntry]) -> None:
    """The signer's authority over every row as of the decision date (Luật TĐKT 2022
    Điều 80; ND 129/2025 Điều 59): a refusal names the first refused row's kind of
    subject, every refused row with its cause, the windows in the data and the successor
    that holds the authority."""
    day = decision.date
    assert day is not None
    check = signing_check(decision, entries, on=day)
    if not check.refused:
        return
    successor = check.successor
    offer = (
        " "
        + _("Người có thẩm quyền: %(signer)s (%(basis)s).")
        % {"signer": successor.signer, "basis": successor.authority.legal_basis}
        if successor is not None
        else ""
    )
    raise DomainError(
        _(
            "Không ban hành được: %(grantor)s không có thẩm quyền tặng %(form)s cho "
            "%(subject)s vào ngày %(date)s (thẩm quyền khen thưởng: %(rule)s). %(rows)s"
            "%(windows)s%(successor)s Hãy chuyển sang người có thẩm quyền, sửa ngày ký hoặc "
            "bỏ các dòng này khỏi dự thảo."
        )
        % {
            "grantor": decision.grantor_title,
            "form": decision.form.name,
            "subject": str(SubjectKind(check.refused[0].subject_kind).label).lower(),
            "date": day.strftime("%d/%m/%Y"),
            "rule": AUTHORITY_RULE,
            "rows": refusal_summary(check),
            "windows": _windows_text(decision),
            "successor": offer,
        },
        code=ErrorCode.NO_AUTHORITY,
    )


def _compute_amounts(decision: Decision, entries: list[DecisionEntry]) -> None:
    """Amount = multiplier(subject kind) × lương cơ sở on the decision date (ND 152/2025
    Điều 50, 54), rounded by that date's rounding rule (``amounts.reward_amount``)."""
    day = decision.date
    assert day is not None
    rule = rule_on(decision.form, day)
    salary = base_salary_on(day)
    step = rounding_step_on(day)
    for entry in entries:
        entry.multiplier = multiplier_for(rule, entry.subject_kind)
        if entry.multiplier is not None and salary is None:
            raise DomainError(
                _(
                    "Chưa có mức lương cơ sở áp dụng ngày %(date)s: hãy nhập mức lương cơ sở "
                    "(Nghị định 152/2025/NĐ-CP, Điều 50) trước khi ban hành."
                )
                % {"date": day.strftime("%d/%m/%Y")},
                code=ErrorCode.NO_BASE_SALARY,
            )
        entry.amount = reward_amount(entry.multiplier, salary.amount if salary else None, step)
        entry.save(update_fields=["multiplier", "amount"])


def _store_files(decision: Decision, entries: list[DecisionEntry]) -> tuple[bytes, bytes]:
    docx = decision_docx(decision, entries)
    pdf = decision_pdf(decision, entries)
    stem = slugify(fold(decision.number).replace("/", "-")) or f"quyet-dinh-{decision.pk}"
    decision.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    decision.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    decision.content_sha256 = hashlib.sha256(docx + pdf).hexdigest()
    return docx, pdf


def _record(decision: Decision, entry: DecisionEntry, actor: Any) -> None:
    """Write (or, for a correction, move) the row's award record and decide the nomination."""
    assert decision.date is not None
    values = {
        "nominee_id": entry.nomination.nominee_id,
        "form_id": decision.form_id,
        "year": decision.date.year,
        "basis": entry.nomination.basis,
        "campaign_id": decision.campaign_id,
        "achievement": decision.achievement,
        "decision_number": decision.number,
        "decision_date": decision.date,
        "grantor_title": decision.grantor_title,
        "amount": entry.amount,
        "unit_name": entry.unit_name,
    }
    record = AwardRecord.objects.filter(nomination_id=entry.nomination_id).first()
    if record is None:
        record = AwardRecord.objects.create(nomination_id=entry.nomination_id, **values)
    else:
        old = DecisionEntry.objects.filter(award_record=record).first()
        if old is not None:
            old.award_record = None
            old.save(update_fields=["award_record"])
        AwardRecord.objects.filter(pk=record.pk).update(**values)
    entry.award_record = record
    entry.save(update_fields=["award_record"])
    assert decision.date is not None
    ref = f"{decision.number} ngày {decision.date:%d/%m/%Y}"
    mark_decided(entry.nomination, by=actor, decision_ref=ref)


def _retire_superseded(decision: Decision, kept: set[int], actor: Any) -> None:
    """The corrected decision moves to *superseded* by the table's (issued, supersede)
    row; the award records of the rows the correction dropped are deleted."""
    assert decision.supersedes_id is not None

    def drop_records(old: Decision) -> None:
        dropped = DecisionEntry.objects.filter(decision=old).exclude(nomination_id__in=kept)
        for entry in dropped.exclude(award_record=None):
            record = entry.award_record
            entry.award_record = None
            entry.save(update_fields=["award_record"])
            if record is not None:
                record.delete()

    WORKFLOW.run(
        Decision.objects.get(pk=decision.supersedes_id),
        actor=actor,
        action=Action.SUPERSEDE,
        payload={"by": decision.pk, "number": decision.number},
        apply=drop_records,
    )


def issue_apply(decision: Decision, *, actor: Any) -> None:
    """Check and write everything issuing needs (inside the decision's lock)."""
    _check_filled(decision)
    entries = list(decision.entries.select_related("nomination__nominee").order_by("order", "pk"))
    _check_nominations(decision, entries)
    _check_authority(decision, entries)
    _compute_amounts(decision, entries)
    docx, pdf = _store_files(decision, entries)
    now = timezone.now()
    decision.issued_at, decision.issued_by = now, actor
    seal(decision, docx=docx, pdf=pdf)
    for entry in entries:
        _record(decision, entry, actor)
    Certificate.objects.bulk_create([Certificate(entry=e, issued_at=now) for e in entries])
    if decision.supersedes_id:
        _retire_superseded(decision, {e.nomination_id for e in entries}, actor)
